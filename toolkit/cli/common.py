"""What every command shares: the options (each defined once), the reporter, the error
boundary, and the settings (configuration file, then options)."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence, Sized
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, TypeVar

import typer
from typer.models import ArgumentInfo, OptionInfo

from .. import backends, executors, readers
from ..errors import ConfigError, OutputError, ToolkitError

if TYPE_CHECKING:
    from ..batch import Translation
    from ..config import Config

T = TypeVar("T")

OUT_ELSEWHERE = "choose another -o folder"
BUILD_ELSEWHERE = "choose other --docs-dir and --site-dir folders"


def shown(help_text: str) -> str:
    """``help_text`` with its ``[default: …]`` shown, not taken for rich markup and dropped."""
    return help_text.replace("[", "\\[")


_DEFAULT = re.compile(r"\s*\\?\[default: (.*?)\]\.?$")


def _defaults(help: str, kwargs: dict[str, object]) -> dict[str, object]:
    """A help text's trailing ``[default: X]`` shown as typer shows the defaults it knows
    (after the help, dimmed): an option whose default is decided at run time (None here, the
    configuration's value then) reads the same as ``--beam-size``'s ``[default: 2]``."""
    found = _DEFAULT.search(help)
    text = help[: found.start()].rstrip() if found else help
    if found and text[-1:] not in ".?!":
        text += "."
    text = shown(text).replace("\\\\[", "\\[")
    if found is not None:
        kwargs.setdefault("show_default", False)
        text += f" [dim]\\[default: {found.group(1)}][/dim]"
    kwargs["help"] = text
    return kwargs


_OPTION: Callable[..., OptionInfo] = typer.Option
_ARGUMENT: Callable[..., ArgumentInfo] = typer.Argument


def option(*names: str, help: str, **kwargs: object) -> OptionInfo:
    """``typer.Option`` with its default shown as typer shows defaults (:func:`_defaults`)."""
    return _OPTION(*names, **_defaults(help, kwargs))


def argument(*, help: str, **kwargs: object) -> ArgumentInfo:
    """``typer.Argument`` with its default shown as typer shows defaults (:func:`_defaults`)."""
    return _ARGUMENT(**_defaults(help, kwargs))


# --- shared options: each defined once, the same name, letter and help in every command ------

Inputs = Annotated[list[Path], argument(help="Files or folders to read.", show_default=False)]
OutDir = Annotated[Path, option("--output", "-o", help="Folder to write results to.")]
GlossaryOpt = Annotated[Path | None, option("--glossary", help="Glossary folder or .tsv file \\[default: glossary/].")]
BackendOpt = Annotated[str | None, option("--backend", help=backends.backend_help())]
JobsOpt = Annotated[
    int | None,
    option(
        "--jobs",
        "-j",
        min=1,
        help="Processes reading (cleaning, normalising, segmenting) documents in parallel "
        "[default: one per core, from 16 documents].",
    ),
]
QuietOpt = Annotated[bool, option("--quiet", "-q", help="Only errors on stderr.")]
JsonOpt = Annotated[bool, option("--json", help="Print a machine-readable report on stdout.")]
FormatOpt = Annotated[str | None, option("--format", help=readers.format_help())]
TmOpt = Annotated[
    Path | None, option("--tm", help="Translation memory file \\[default: .toolkit/translation-memory.sqlite].")
]
NoCacheOpt = Annotated[
    bool,
    option("--no-cache", help="Read every document again; do not read or write the stage cache (beside the memory)."),
]
NoTmOpt = Annotated[bool, option("--no-tm", help="Translate everything; do not read or write a memory.")]
ScriptOpt = Annotated[
    str | None,
    option("--script", help="Force the OpenCC conversion: tw2sp, t2s, hk2s or none [default: detected per document]."),
]
BuildInput = Annotated[Path | None, option("--input", "-i", help="Folder of raw pages \\[default: seeds/].")]
DocsDir = Annotated[Path | None, option("--docs-dir", help="Where to write the Markdown \\[default: docs/].")]
SiteDir = Annotated[Path | None, option("--site-dir", help="Where to write the HTML site \\[default: site/].")]
ExecutorOpt = Annotated[str | None, option("--executor", help=executors.executor_help())]
AddressOpt = Annotated[
    str | None,
    option(
        "--address",
        help="The Ray cluster for --executor ray: auto (one started with `ray start --head`) or "
        "ray://HOST:10001 \\[default: a local cluster for the run].",
    ),
]
WorkersOpt = Annotated[
    int | None,
    option("--workers", min=1, help="Ray workers, each with its own model \\[default: one per CPU of the cluster]."),
]
DeviceOpt = Annotated[
    str | None,
    option(
        "--device",
        help="Where Argos runs: cpu (int8), cuda (int8_float16; needs a GPU) or auto (the GPU when there is one) "
        "\\[default: auto].",
    ),
]
ConfigOpt = Annotated[
    Path | None, option("--config", help="Base MkDocs configuration \\[default: ./mkdocs.yml if present].")
]


# --- rendering -------------------------------------------------------------------------------


class Reporter:
    """Messages on stderr (unless quiet), the JSON report on stdout (with --json).

    It is the :class:`toolkit.batch.Listener` the commands hand to the library.
    """

    def __init__(self, command: str, quiet: bool, as_json: bool) -> None:
        self.command = command
        self.quiet = quiet or as_json
        """No progress lines: ``--quiet``, or ``--json`` (whose report is the output)."""
        self.errors_only = quiet
        """``--quiet``: no warnings either, only errors."""
        self.as_json = as_json
        self.outputs: list[dict[str, object]] = []
        self.failed: list[dict[str, str]] = []
        self.fields: dict[str, object] = {}
        """The command's own report keys, after ``command``, ``outputs`` and ``failed``."""

    def info(self, msg: str) -> None:
        if not self.quiet:
            typer.echo(msg, err=True)

    def warn(self, msg: str) -> None:
        """A warning: shown unless quiet. ``--quiet`` leaves only errors; what a warning says
        about the output (a gloss, not a translation; QA problems) is also in the ``--json``
        report and on the pages themselves. With ``--json`` alone warnings stay on stderr."""
        if not self.errors_only:
            typer.secho(msg, err=True, fg=typer.colors.YELLOW, bold=True)

    def fail(self, err: ToolkitError) -> None:
        typer.secho(f"error: {err.render()}", err=True, fg=typer.colors.RED)
        self.failed.append({"path": str(err.path or ""), "error": err.render()})

    def progress(self, items: Iterable[T], label: str, total: int | None = None, unit: str = "files") -> Iterable[T]:
        """A progress bar (rich) on stderr when it is a terminal, for two items or more: done
        of total, the rate (``unit``/s) and the time left."""
        if total is None and isinstance(items, Sized):
            total = len(items)
        if self.quiet or not sys.stderr.isatty() or (total is not None and total < 2):
            return items
        return _bar(items, label, total, unit)

    def translation(self, done: Translation) -> None:
        """How the English was made: the backend and why, the glossary, the memory's share."""
        backend = done.choice.backend
        self.fields["backend"] = {"engine": backend.engine, "model": backend.model, "why": done.choice.reason}
        self.fields["glossary"] = done.glossary.version
        stats = done.stats
        self.fields["translation"] = {
            "translated": stats.translated,
            "from_memory": stats.from_memory,
            "fuzzy": stats.fuzzy,
            "unchanged_documents": stats.cached,
        }
        self.fields["qa"] = {
            "term_misses": [
                {"document": slug, "segment": m[0], "zh": m[1], "en": m[2]}
                for slug, misses in done.misses.items()
                for m in misses
            ],
            "problems": [p.to_dict() for problems in done.problems.values() for p in problems],
        }

    def done(self) -> None:
        if self.as_json:
            emit(self.command, self.outputs, self.failed, **self.fields)
        if self.failed:
            raise typer.Exit(1)


def emit(command: str, outputs: Sequence[object] = (), failed: Sequence[object] = (), **fields: object) -> None:
    """Print the one ``--json`` report shape every command uses: ``{"command", "outputs"
    (files written), "failed" (inputs that failed), ...}``, the command's own keys after them
    (a list command's rows under a key of their own: ``entries``, ``models``)."""
    report = {"command": command, "outputs": list(outputs), "failed": list(failed), **fields}
    typer.echo(json.dumps(report, ensure_ascii=False, indent=2))


def _bar(items: Iterable[T], label: str, total: int | None, unit: str) -> Iterator[T]:
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        Task,
        TextColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class Rate(ProgressColumn):
        def render(self, task: Task) -> Text:
            return Text(f"{task.speed:.1f} {unit}/s" if task.speed else f"– {unit}/s", style="progress.data.speed")

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), Rate(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=total)
        for item in items:
            yield item
            bar.advance(task)


@contextmanager
def on_error(elsewhere: str = "write somewhere else") -> Iterator[None]:
    """Turn a ToolkitError into one line on stderr and its exit code; never a traceback.

    An output that cannot be written (:class:`OutputError`) gets ``elsewhere``, the command's
    own way out, added to its hint; a stray ``OSError`` is reported the same way (exit 2).
    """
    try:
        yield
    except OutputError as err:
        stop(err.elsewhere(elsewhere))
    except ToolkitError as err:
        stop(err)
    except OSError as exc:
        from ..outputs import output_error

        stop(output_error(exc, verb="").elsewhere(elsewhere))
    except KeyboardInterrupt:
        typer.secho("interrupted: outputs already written are complete; rerun to finish", err=True)
        raise typer.Exit(130) from None


def stop(err: ToolkitError) -> NoReturn:
    """Print ``err`` on one line and exit with its code."""
    typer.secho(f"error: {err.render()}", err=True, fg=typer.colors.RED)
    raise typer.Exit(err.exit_code) from None


def usage(msg: str, hint: str) -> NoReturn:
    """A usage error found by the command itself: one line, exit 2."""
    typer.secho(f"error: {msg} ({hint})", err=True, fg=typer.colors.RED)
    raise typer.Exit(2)


# --- settings: the configuration file, then the options --------------------------------------


def configuration() -> Config:
    from ..config import load_config

    return load_config()


def settings(
    backend: str | None = None, tm: Path | None = None, no_tm: bool = False, no_cache: bool = False, **options: object
) -> Config:
    """The configuration with the command line's options over it (an unknown ``--backend``
    refused here, before any work)."""
    if backend is not None and backend not in backends.CHOICES:
        backends.get(backend)  # raises, naming the backends there are
    device = options.get("device")
    if device is not None and device not in ("cpu", "cuda", "auto"):
        raise ConfigError(f"unknown --device {device!r}", hint="use --device cpu, cuda or auto")
    cfg = configuration().with_overrides(backend=backend, tm=tm, **options)
    executors.check(cfg.executor)  # an unknown one, or ray not installed: one line, exit 2
    if no_cache:
        cfg = replace(cfg, use_cache=False)
    return replace(cfg, tm=None) if no_tm else cfg
