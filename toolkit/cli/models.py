"""``toolkit models …``: list, install and remove Argos translation models."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .common import JsonOpt, argument, emit, on_error

app = typer.Typer(help="List, install and remove Argos translation models.", no_args_is_help=True)


@app.command("list")
def models_list(as_json: JsonOpt = False) -> None:
    """Installed Argos packages: from→to, version, path."""
    from ..translate.argos import installed_models

    with on_error():
        models = installed_models()
    if as_json:
        emit(
            "models list",
            models=[
                {"name": m.name, "from": m.from_code, "to": m.to_code, "version": m.version, "path": str(m.path)}
                for m in models
            ],
        )
        return
    if not models:
        typer.echo("no Argos packages installed", err=True)
    for m in models:
        typer.echo(f"{m.name}\t{m.from_code}→{m.to_code}\t{m.version}\t{m.path}")


@app.command("install")
def models_install(
    name: Annotated[str, argument(help="A package name from the Argos index (translate-zh_en) or a .argosmodel file.")],
) -> None:
    """Install an Argos package from a local .argosmodel file (offline) or the Argos index (network)."""
    from ..translate import argos

    with on_error():
        path = Path(name)
        if path.suffix == ".argosmodel" or path.exists():
            info = argos.install_file(path)
        else:
            info = argos.install_from_index(name)
    typer.echo(f"installed {info.label} ({info.from_code}→{info.to_code}) in {info.path}")


@app.command("remove")
def models_remove(
    name: Annotated[str, argument(help="Installed package name (see `toolkit models list`).")],
) -> None:
    """Remove an installed Argos package."""
    from ..translate import argos

    with on_error():
        info = argos.remove(name)
    typer.echo(f"removed {info.label}")
