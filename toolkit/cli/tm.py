"""``toolkit tm export|import``: the translation memory as TMX 1.4b."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .common import JsonOpt, QuietOpt, Reporter, TmOpt, on_error, settings, usage

app = typer.Typer(help="Export and import the translation memory as TMX 1.4b.", no_args_is_help=True)

TmxFile = Annotated[Path, typer.Argument(help="The TMX file.", show_default=False)]


@app.command("export")
def tm_export(
    file: TmxFile,
    include_machine: Annotated[
        bool, typer.Option("--all", help="Also the machine translations, marked x-state machine or gloss.")
    ] = False,
    tm: TmOpt = None,
    quiet: QuietOpt = False,
    as_json: JsonOpt = False,
) -> None:
    """The memory's reviews (state, reviewer, time) as TMX 1.4b."""
    from ..exchange.tmx import export_tmx
    from ..tm import TranslationMemory

    rep = Reporter("tm export", quiet, as_json)
    with on_error():
        cfg = settings(None, tm)
        if cfg.tm is None:
            usage("no translation memory configured", "pass --tm PATH")
        with TranslationMemory(cfg.tm) as memory:
            reviews, machine = export_tmx(memory, file, include_machine)
        rep.outputs.append({"path": str(file), "reviews": reviews, "machine": machine})
        rep.fields["memory"] = str(cfg.tm)
        rep.info(
            f"wrote {reviews} review(s)"
            + (f" and {machine} machine translation(s)" if include_machine else "")
            + f" from {cfg.tm} to {file}"
        )
    rep.done()


@app.command("import")
def tm_import(
    file: TmxFile,
    tm: TmOpt = None,
    quiet: QuietOpt = False,
    as_json: JsonOpt = False,
) -> None:
    """Translation units of a TMX file (zh-* → en-*) into the memory as reviews, all or nothing:
    x-state final or reviewed (default), reviewer from changeid/creationid; units marked
    x-state machine or gloss go back in as machine translations."""
    from ..exchange.tmx import import_tmx, read_tmx
    from ..tm import TranslationMemory

    rep = Reporter("tm import", quiet, as_json)
    with on_error():
        cfg = settings(None, tm)
        if cfg.tm is None:
            usage("no translation memory configured", "pass --tm PATH")
        found = read_tmx(file, cfg.max_input_bytes * 20)
        for err in found.errors:
            rep.fail(err)
        reviews = machine = 0
        if not found.errors:
            with TranslationMemory(cfg.tm) as memory:
                reviews, machine = import_tmx(memory, found)
        rep.fields.update(memory=str(cfg.tm), reviews=reviews, machine=machine, skipped=found.skipped)
        if found.errors:
            rep.info(f"{len(found.errors)} unit(s) refused: nothing stored")
        else:
            rep.info(
                f"stored {reviews} review(s) and {machine} machine translation(s) from {file} in {cfg.tm}"
                + (f"; {found.skipped} unit(s) without a zh and an en variant skipped" if found.skipped else "")
            )
    rep.done()
