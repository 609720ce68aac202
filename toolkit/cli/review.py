"""``toolkit review export|import``: segments out to translators' tools, reviews back in."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import ConfigError
from .common import (
    OUT_ELSEWHERE,
    BackendOpt,
    GlossaryOpt,
    Inputs,
    JobsOpt,
    JsonOpt,
    NoTmOpt,
    QuietOpt,
    Reporter,
    TmOpt,
    on_error,
    settings,
    usage,
)

app = typer.Typer(
    help="Export segments for review (XLIFF 2.0, XLIFF 1.2, PO) and import reviewed English.", no_args_is_help=True
)


@app.command("export")
def review_export(
    inputs: Inputs,
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help="A file (every document in it), or a folder (one file per document)."),
    ],
    fmt: Annotated[
        str, typer.Option("--format", help="xliff (XLIFF 2.0), xliff12 (XLIFF 1.2, for OmegaT) or po (gettext).")
    ] = "xliff",
    glossary: GlossaryOpt = None,
    backend: BackendOpt = None,
    tm: TmOpt = None,
    no_tm: NoTmOpt = False,
    jobs: JobsOpt = 1,
    quiet: QuietOpt = False,
    as_json: JsonOpt = False,
) -> None:
    """Segments for review: one unit per segment with its id, Chinese, current English, state,
    provenance and glossary terms. IN: sources, or `toolkit translate` JSON outputs.

    Machine and gloss English is pre-filled and marked as needing review."""
    from ..exchange.reviews import FORMATS, export
    from ..exchange.units import documents_to_export, units_of

    if fmt not in FORMATS:
        usage(f"unknown --format {fmt!r}", "use xliff, xliff12 or po")
    rep = Reporter("review export", quiet, as_json)
    with on_error(OUT_ELSEWHERE):
        cfg = settings(backend, tm, no_tm)
        docs = documents_to_export(inputs, rep, cfg, glossary, None, jobs)
        if docs:
            units = [units_of(d) for d in docs]
            for path in export(units, output, fmt):
                rep.outputs.append({"path": str(path), "format": fmt})
                rep.info(f"wrote {path}")
            states: dict[str, int] = {}
            for doc in units:
                for unit in doc.units:
                    states[unit.state] = states.get(unit.state, 0) + 1
            rep.fields.update(documents=[d.meta.slug for d in docs], states=states)
            rep.info("units: " + ", ".join(f"{n} {s}" for s, n in sorted(states.items())))
    rep.done()


@app.command("import")
def review_import(
    files: Annotated[list[Path], typer.Argument(help="Review files (.xlf, .xliff, .po).", show_default=False)],
    reviewer: Annotated[
        str | None,
        typer.Option("--reviewer", help="Who reviewed \\[default: the file's translator field, else the OS user]."),
    ] = None,
    check: Annotated[bool, typer.Option("--check", help="Dry run: report what would change, store nothing.")] = False,
    input_paths: Annotated[
        list[Path] | None,
        typer.Option(
            "--input",
            "-i",
            help="The current documents (sources or `translate` JSON) the ids refer to \\[default: the configured "
            "input, seeds/].",
        ),
    ] = None,
    tm: TmOpt = None,
    jobs: JobsOpt = 1,
    quiet: QuietOpt = False,
    as_json: JsonOpt = False,
) -> None:
    """Reviewed targets back into the translation memory, all or nothing (one transaction).

    Changed targets, and unchanged ones the file marks as a person's work (translated,
    reviewed, final), become reviews (`final` when signed off). Units whose source changed
    since export are listed as fuzzy suggestions and not stored. An unknown id, an empty or
    still-Chinese target refuses the import (exit 1); an unreadable file, exit 2."""
    from ..batch import load_glossary
    from ..exchange.reviews import apply, plan_import, review_problems, with_glossary
    from ..exchange.units import current_sources
    from ..qa import CHECKS
    from ..tm import TranslationMemory

    rep = Reporter("review import", quiet, as_json)
    with on_error():
        cfg = settings(None, tm)
        if cfg.tm is None:
            usage("no translation memory configured", "pass --tm PATH")
        inputs = input_paths or [cfg.input]
        for path in inputs:
            if not path.exists():
                raise ConfigError(
                    "no such input: the ids are checked against the current documents",
                    path=path,
                    hint="pass --input with the sources or `translate` outputs the file was exported from",
                )
        current = current_sources(inputs, rep, cfg, None, jobs)
        gl = load_glossary(None, cfg)
        plan = with_glossary(plan_import(files, current, reviewer, cfg.max_input_bytes), gl.version)
        for err in plan.errors:
            rep.fail(err)
        stored = 0
        if not plan.errors and not check:
            with TranslationMemory(cfg.tm) as memory:
                stored = apply(plan, memory)
        for suggestion in plan.suggestions:
            rep.warn(
                f"{suggestion['file']}: unit {suggestion['unit']}: source changed since export; kept as a fuzzy "
                "suggestion for the new source, not as its review"
            )
        problems = review_problems(plan, gl)
        for path, uid, check_name, detail in problems:
            rep.warn(f"{path}: unit {uid}: QA: {CHECKS[check_name]}" + (f": {detail}" if detail else ""))
        reviews = [
            {"file": str(path), "unit": uid, "state": r.state, "reviewer": r.reviewer, "en": r.en}
            for path, uid, r in plan.reviews
        ]
        rep.fields["qa"] = [
            {"file": str(path), "unit": uid, "check": name, "detail": detail} for path, uid, name, detail in problems
        ]
        rep.fields.update(
            check=check,
            memory=str(cfg.tm),
            reviews=reviews,
            stored=stored,
            suggestions=plan.suggestions,
            unchanged=plan.unchanged,
            untranslated=plan.untranslated,
        )
        verb = "would store" if check or plan.errors else "stored"
        rep.info(
            f"{verb} {len(plan.reviews)} review(s) in {cfg.tm}; {len(plan.suggestions)} fuzzy suggestion(s), "
            f"{plan.unchanged} unchanged, {plan.untranslated} untranslated"
            + (f"; {len(plan.errors)} unit(s) refused, nothing stored" if plan.errors else "")
        )
        if check and not plan.errors:
            for path, uid, r in plan.reviews:
                rep.info(f"{path}: {uid}: {r.state}: {r.en}")
    try:
        rep.done()
    except typer.Exit:  # 1: units refused (or an input unreadable); 2: a file unusable
        raise typer.Exit(max(plan.exit_code, 1)) from None
