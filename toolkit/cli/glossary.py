"""``toolkit glossary …``: check, list, add, edit, remove, export, import and suggest glossary terms."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..batch import load_glossary, read_documents
from .common import GlossaryOpt, JobsOpt, JsonOpt, Reporter, configuration, on_error

if TYPE_CHECKING:
    from ..glossary import Entry, Problem

app = typer.Typer(help="Check, list and edit the zh→en glossary.", no_args_is_help=True)

GLOSSARY_ELSEWHERE = "pass --glossary with a file you can write"


def _report_problems(problems: list[Problem]) -> None:
    for p in problems:
        typer.secho(p.render(), err=True, fg=typer.colors.RED if p.severity == "error" else typer.colors.YELLOW)


@app.command("check")
def glossary_check(
    glossary: GlossaryOpt = None,
    corpus: Annotated[
        list[Path] | None, typer.Option("--corpus", help="Pages to look for each term in (warns on unused terms).")
    ] = None,
    jobs: JobsOpt = 1,
    as_json: JsonOpt = False,
) -> None:
    """Validate the glossary: line-numbered errors (exit 2) and warnings."""
    from .. import glossary as gmod

    with on_error():
        cfg = configuration()
        path = glossary if glossary is not None else cfg.glossary
        entries, problems = gmod.check(path, max_bytes=cfg.max_input_bytes)
        if corpus:
            rep = Reporter("glossary check", True, False)
            docs = read_documents(corpus, rep, None, None, "normalize", jobs, cfg.max_input_bytes)
            text = "\n".join(b.text for d in docs for b in d.blocks)
            problems += gmod.unused(entries, text)
    errors = [p for p in problems if p.severity == "error"]
    if as_json:
        typer.echo(
            json.dumps(
                {
                    "entries": len(entries),
                    "problems": [
                        {"severity": p.severity, "path": p.path, "line": p.line, "message": p.message} for p in problems
                    ],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        _report_problems(problems)
        typer.echo(
            f"{len(entries)} entries, {len(errors)} error(s), {len(problems) - len(errors)} warning(s)", err=True
        )
    if errors:
        raise typer.Exit(2)


@app.command("list")
def glossary_list(glossary: GlossaryOpt = None, as_json: JsonOpt = False) -> None:
    """List glossary entries (zh, en, status)."""
    with on_error():
        gl = load_glossary(glossary, configuration())
    if as_json:
        rows = [
            {"zh": e.zh, "en": e.en, "status": e.status, "fixed": e.fixed, "variants": list(e.variants),
             "source": e.source, "note": e.note}
            for e in gl.entries
        ]  # fmt: skip
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for e in gl.entries:
        typer.echo(f"{e.zh}\t{e.en}\t{e.status}")


def _glossary_path(glossary: Path | None) -> Path:
    return glossary if glossary is not None else configuration().glossary


@app.command("add")
def glossary_add(
    zh: Annotated[str, typer.Argument(help="The Chinese term (Simplified).")],
    en: Annotated[str, typer.Argument(help="The English rendering translations must use.")],
    status: Annotated[str, typer.Option(help="approved or proposed.")] = "proposed",
    fixed: Annotated[bool, typer.Option("--fixed", help="The English is a fixed name (case kept).")] = False,
    variant: Annotated[
        list[str] | None, typer.Option("--variant", help="Another Chinese spelling (repeatable).")
    ] = None,
    source: Annotated[str, typer.Option(help="Where the rendering comes from (publication and year, or URL).")] = "",
    note: Annotated[str, typer.Option(help="Context for translators.")] = "",
    glossary: GlossaryOpt = None,
) -> None:
    """Add a term to the glossary (kept sorted; refused where `glossary check` would fail).

    A term in Traditional characters is added in Simplified, the Traditional form as a
    variant, with a warning.
    """
    from ..glossary import parse_row, traditional_chars
    from ..glossary_io import add_entries, target_file

    variants = list(variant or ())
    simple = traditional_chars(zh.strip())
    if simple:
        typer.secho(
            f"warning: {zh!r} is Traditional; adding it as {simple!r} with {zh!r} as a variant",
            err=True,
            fg=typer.colors.YELLOW,
        )
        variants = [zh.strip(), *(v for v in variants if v != zh.strip())]
        zh = simple
    added: list[Entry] = []
    with on_error(GLOSSARY_ELSEWHERE):
        path = _glossary_path(glossary)
        fields = [zh, en, status, "yes" if fixed else "no", "|".join(variants), source, note]
        entry, problems = parse_row(fields, "<command line>", 0)
        if entry is not None:
            added, problems = add_entries(path, [entry])
    if problems:
        _report_problems(problems)
        raise typer.Exit(2)
    if not added:
        typer.echo(f"{zh} → {en} is already present in {target_file(path)}; nothing changed")
        return
    typer.echo(f"added {zh} → {en} to {target_file(path)}")


@app.command("remove")
def glossary_remove(
    zh: Annotated[str, typer.Argument(help="The Chinese term (or one of its variants) to remove.")],
    glossary: GlossaryOpt = None,
) -> None:
    """Remove a term (its whole row) from the glossary."""
    from ..glossary_io import remove_entry

    with on_error(GLOSSARY_ELSEWHERE):
        cfg = configuration()
        path = glossary if glossary is not None else cfg.glossary
        entry = remove_entry(path, zh, max_bytes=cfg.max_input_bytes)
    typer.echo(f"removed {entry.zh} → {entry.en} from {entry.path}:{entry.line}")


@app.command("edit")
def glossary_edit(
    zh: Annotated[str, typer.Argument(help="The Chinese term (or one of its variants) to change.")],
    new_zh: Annotated[str | None, typer.Option("--zh", help="A new Chinese term.")] = None,
    en: Annotated[str | None, typer.Option("--en", help="A new English rendering.")] = None,
    status: Annotated[str | None, typer.Option(help="approved or proposed.")] = None,
    fixed: Annotated[bool | None, typer.Option("--fixed/--not-fixed", help="The English is a fixed name.")] = None,
    variant: Annotated[
        list[str] | None, typer.Option("--variant", help="Replace the variants (repeatable; --variant '' clears).")
    ] = None,
    source: Annotated[str | None, typer.Option(help="Where the rendering comes from.")] = None,
    note: Annotated[str | None, typer.Option(help="Context for translators.")] = None,
    glossary: GlossaryOpt = None,
) -> None:
    """Change fields of a glossary row in place; refused where `glossary check` would fail."""
    from ..glossary_io import edit_entry

    changes = {
        k: v
        for k, v in {
            "zh": new_zh,
            "en": en,
            "status": status,
            "fixed": None if fixed is None else ("yes" if fixed else "no"),
            "variants": None if variant is None else "|".join(v for v in variant if v),
            "source": source,
            "note": note,
        }.items()
        if v is not None
    }
    if not changes:
        typer.secho("nothing to change: give --en, --zh, --status, --fixed, --variant, --source or --note", err=True)
        raise typer.Exit(2)
    with on_error(GLOSSARY_ELSEWHERE):
        cfg = configuration()
        path = glossary if glossary is not None else cfg.glossary
        new, problems = edit_entry(path, zh, changes, max_bytes=cfg.max_input_bytes)
    if problems or new is None:
        _report_problems(problems)
        raise typer.Exit(2)
    typer.echo(f"edited {new.zh} → {new.en} in {new.path}")


ExchangeFmt = Annotated[
    str | None,
    typer.Option("--format", help="tbx (TBX-Basic, TBX 2008), tbx3 (TBX v3) or csv \\[default: by extension]."),
]


@app.command("export")
def glossary_export(
    file: Annotated[Path, typer.Argument(help="The .tbx or .csv file to write; - for standard output.")],
    fmt: ExchangeFmt = None,
    glossary: GlossaryOpt = None,
) -> None:
    """Export the glossary as TBX-Basic or CSV, losslessly."""
    import sys

    from ..glossary_io import export, format_of, render

    with on_error("export to another file"):
        gl = load_glossary(glossary, configuration())
        if str(file) == "-":
            data = render(list(gl.entries), format_of(Path("-.tbx"), fmt))
        else:
            export(list(gl.entries), file, fmt)
    if str(file) == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    typer.echo(f"exported {len(gl.entries)} entries to {file}")


@app.command("import")
def glossary_import(
    file: Annotated[Path, typer.Argument(help="A .tbx (TBX 2008 or v3) or .csv file (with a header row).")],
    fmt: ExchangeFmt = None,
    glossary: GlossaryOpt = None,
) -> None:
    """Add the terms of a TBX or CSV file to the glossary; identical rows are skipped; conflicts
    are listed and nothing is changed."""
    from ..glossary_io import add_entries, read, target_file

    with on_error(GLOSSARY_ELSEWHERE):
        path = _glossary_path(glossary)
        entries = read(file, fmt, max_bytes=configuration().max_input_bytes)
        added, problems = add_entries(path, entries)
    if problems:
        _report_problems(problems)
        typer.echo(f"nothing imported: {len(problems)} conflict(s)", err=True)
        raise typer.Exit(2)
    typer.echo(
        f"imported {len(added)} new entries into {target_file(path)} ({len(entries) - len(added)} already there)"
    )


@app.command("suggest")
def glossary_suggest(
    corpus: Annotated[list[Path], typer.Argument(help="Pages (or cleaned documents) to mine.", show_default=False)],
    glossary: GlossaryOpt = None,
    limit: Annotated[int, typer.Option(help="How many candidates.")] = 30,
    min_count: Annotated[int, typer.Option(help="Minimum occurrences.")] = 2,
    jobs: JobsOpt = 1,
    as_json: JsonOpt = False,
) -> None:
    """Frequent multi-word Chinese terms not yet in the glossary, with counts and contexts."""
    from ..glossary import suggest

    rep = Reporter("glossary suggest", True, False)
    with on_error():
        cfg = configuration()
        gl = load_glossary(glossary, cfg)
        docs = read_documents(corpus, rep, None, None, "normalize", jobs, cfg.max_input_bytes)
        texts = ["\n".join(b.text for b in d.blocks) for d in docs]
        found = suggest(texts, gl, min_count=min_count, limit=limit)
    if as_json:
        rows = [{"zh": s.zh, "count": s.count, "examples": list(s.examples)} for s in found]
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for s in found:
            typer.echo(f"{s.count:5d}  {s.zh}\t{s.examples[0] if s.examples else ''}")
    if rep.failed:
        raise typer.Exit(1)
