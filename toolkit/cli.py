"""The ``toolkit`` command: a thin typer layer over the library.

Each command parses options, calls the library, and turns a ``ToolkitError`` into a
one-line message and an exit code: 0 ok, 1 some inputs failed (the rest were still
written), 2 usage or configuration error. Heavy imports happen inside the commands.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from . import __version__
from .errors import ConfigError, InputError, OutputError, ToolkitError

app = typer.Typer(
    help="Clean, normalise, glossary-check, translate and publish Chinese web documents as a bilingual site.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
glossary_app = typer.Typer(help="Check, list and edit the zh→en glossary.", no_args_is_help=True)
models_app = typer.Typer(help="List, install and remove Argos translation models.", no_args_is_help=True)
app.add_typer(glossary_app, name="glossary")
app.add_typer(models_app, name="models")

T = TypeVar("T")

OUT_ELSEWHERE = "choose another -o folder"
GLOSSARY_ELSEWHERE = "pass --glossary with a file you can write"

# --- shared options --------------------------------------------------------------------------

Inputs = Annotated[list[Path], typer.Argument(help="Files or folders to read.", show_default=False)]
OutDir = Annotated[Path, typer.Option("--output", "-o", help="Folder to write results to.")]
GlossaryOpt = Annotated[
    Path | None, typer.Option("--glossary", help="Glossary folder or .tsv file [default: glossary/].")
]
BackendOpt = Annotated[
    str | None, typer.Option("--backend", help="argos or gloss [default: argos when a zh→en model is installed].")
]
JobsOpt = Annotated[int, typer.Option("--jobs", "-j", min=1, help="Documents cleaned in parallel.")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="Only errors on stderr.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print a machine-readable report on stdout.")]
FormatOpt = Annotated[str | None, typer.Option("--format", help="text or html [default: by extension].")]
TmOpt = Annotated[
    Path | None, typer.Option("--tm", help="Translation memory file [default: .toolkit/translation-memory.sqlite].")
]
NoTmOpt = Annotated[bool, typer.Option("--no-tm", help="Translate everything; do not read or write a memory.")]
ScriptOpt = Annotated[
    str | None, typer.Option("--script", help="Force the OpenCC conversion: tw2sp, t2s, hk2s or none.")
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"toolkit {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Chinese web documents → a published Chinese–English site."""


class Reporter:
    """Messages on stderr (unless quiet), the JSON report on stdout (with --json)."""

    def __init__(self, command: str, quiet: bool, as_json: bool) -> None:
        self.quiet = quiet or as_json
        self.as_json = as_json
        self.report: dict[str, Any] = {"command": command, "outputs": [], "failed": []}

    def info(self, msg: str) -> None:
        if not self.quiet:
            typer.echo(msg, err=True)

    def warn(self, msg: str) -> None:
        typer.secho(msg, err=True, fg=typer.colors.YELLOW, bold=True)

    def fail(self, err: ToolkitError) -> None:
        typer.secho(f"error: {err.render()}", err=True, fg=typer.colors.RED)
        self.report["failed"].append({"path": str(err.path or ""), "error": err.render()})

    def done(self) -> None:
        if self.as_json:
            typer.echo(json.dumps(self.report, ensure_ascii=False, indent=2))
        if self.report["failed"]:
            raise typer.Exit(1)


@contextmanager
def _errors(elsewhere: str = "write somewhere else") -> Iterator[None]:
    """Turn a ToolkitError into one line on stderr and its exit code; never a traceback.

    An output that cannot be written (:class:`OutputError`) gets ``elsewhere``, the command's
    own way out, added to its hint; a stray ``OSError`` is reported the same way (exit 2).
    """
    try:
        yield
    except OutputError as err:
        _fail(err.elsewhere(elsewhere))
    except ToolkitError as err:
        _fail(err)
    except OSError as exc:
        from .outputs import output_error

        _fail(output_error(exc, verb="").elsewhere(elsewhere))
    except KeyboardInterrupt:
        typer.secho("interrupted: outputs already written are complete; rerun to finish", err=True)
        raise typer.Exit(130) from None


def _fail(err: ToolkitError) -> None:
    """Print ``err`` on one line and exit with its code."""
    typer.secho(f"error: {err.render()}", err=True, fg=typer.colors.RED)
    raise typer.Exit(err.exit_code) from None


def _progress(items: list[T], label: str, quiet: bool) -> Iterator[T]:
    if quiet or not sys.stderr.isatty() or len(items) < 2:
        yield from items
        return
    from rich.progress import track

    yield from track(items, description=label, transient=True)


def _config() -> Any:
    from .config import load_config

    return load_config()


# --- reading documents -----------------------------------------------------------------------


def _read_one(args: tuple[Path, str | None, str | None, str, int]) -> Any:
    """Read a file and run it through the stages before the glossary (process-pool safe)."""
    from .files import INTERCHANGE_SUFFIXES, load_document, read_source
    from .glossary import Glossary
    from .pipeline import Context, run

    path, fmt, script, until, max_bytes = args
    try:
        if path.suffix.lower() in INTERCHANGE_SUFFIXES and fmt is None:
            doc = load_document(path, max_bytes=max_bytes)
        else:
            doc = read_source(path, fmt, max_bytes=max_bytes)
        doc = run([doc], Context(glossary=Glossary([]), script=script), until=until)[0]
        if until != "clean" and not doc.blocks:
            raise InputError(
                "no body text left after cleaning", path=path, hint="check it with `toolkit clean --explain`"
            )
        return doc
    except ToolkitError as err:
        return err


def read_documents(
    inputs: list[Path], rep: Reporter, fmt: str | None, script: str | None, until: str, jobs: int
) -> list[Any]:
    """Documents for every readable input; each unreadable one is reported and skipped."""
    from .files import HTML_SUFFIXES, INTERCHANGE_SUFFIXES, expand_inputs

    try:
        paths = expand_inputs(inputs)
    except ToolkitError as err:
        rep.fail(err)
        return []
    if any(p.is_dir() for p in inputs):
        wanted = HTML_SUFFIXES | INTERCHANGE_SUFFIXES | {".txt", ".text", ""}
        paths = [p for p in paths if p.suffix.lower() in wanted or p in inputs]
    max_bytes = _config().max_input_bytes
    tasks = [(p, fmt, script, until, max_bytes) for p in paths]
    if jobs > 1 and len(tasks) > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=jobs) as pool:
            results = list(pool.map(_read_one, tasks))
    else:
        results = [_read_one(t) for t in _progress(tasks, "reading", rep.quiet)]
    docs = []
    for r in results:
        if isinstance(r, ToolkitError):
            rep.fail(r)
        else:
            docs.append(r)
    _check_unique_slugs(docs, rep)
    return docs


def _check_unique_slugs(docs: list[Any], rep: Reporter) -> None:
    seen: dict[str, str] = {}
    for d in list(docs):
        if d.meta.slug in seen:
            rep.fail(
                InputError(
                    f"output name {d.meta.slug!r} is also used by {seen[d.meta.slug]}",
                    path=d.meta.origin,
                    hint="rename one of the two files",
                )
            )
            docs.remove(d)
        else:
            seen[d.meta.slug] = d.meta.origin


def translated_documents(
    inputs: list[Path], rep: Reporter, cfg: Any, glossary: Path | None, fmt: str | None, jobs: int
) -> tuple[list[Any], Any, Any]:
    """Read, clean, normalise, segment, match terms and translate; say loudly which backend and why.

    Returns (documents, glossary, backend choice).
    """
    from .pipeline import Context, run
    from .tm import TranslationMemory
    from .translate import Stats, choose_backend, term_misses

    gl = _glossary(glossary, cfg)
    choice = choose_backend(cfg.backend, gl, cfg.beam_size)
    if choice.warning:
        rep.warn(f"WARNING: {choice.reason}")
    else:
        rep.info(f"backend: {choice.backend.engine} — {choice.reason}")
    rep.report["backend"] = {"engine": choice.backend.engine, "model": choice.backend.model, "why": choice.reason}
    rep.report["glossary"] = gl.version
    docs = read_documents(inputs, rep, fmt, None, "segment", jobs)
    stats = Stats()
    memory = TranslationMemory(cfg.tm) if cfg.tm is not None else None
    try:
        ctx = Context(glossary=gl, backend=choice.backend, memory=memory, stats=stats)
        docs = run(docs, ctx, skip=("clean", "normalize", "segment"))
    finally:
        if memory is not None:
            memory.close()
    rep.report["translation"] = {"translated": stats.translated, "from_memory": stats.from_memory}
    rep.info(f"segments: {stats.translated} translated, {stats.from_memory} from the translation memory")
    misses = sum(len(term_misses(d)) for d in docs)
    if misses:
        rep.warn(f"QA: {misses} glossary term(s) missing from the English (see --json)")
    return docs, gl, choice


def _glossary(path: Path | None, cfg: Any) -> Any:
    from . import glossary

    chosen = path if path is not None else cfg.glossary
    if path is None and not chosen.exists():
        return glossary.Glossary([])
    return glossary.load(chosen, max_bytes=cfg.max_input_bytes)


# --- commands --------------------------------------------------------------------------------


@app.command()
def clean(
    inputs: Inputs,
    output: OutDir,
    fmt: FormatOpt = None,
    explain: Annotated[
        bool,
        typer.Option(
            "--explain",
            help="List every dropped line and the rule that dropped it (HTML: lines of the page's text, "
            "the <title> as line 0).",
        ),
    ] = False,
    jobs: JobsOpt = 1,
    quiet: QuietOpt = False,
    as_json: JsonOpt = False,
) -> None:
    """Raw pages → cleaned Chinese Markdown with YAML front matter (title, date, source)."""
    from .files import dump_markdown, output_path, write_atomic

    rep = Reporter("clean", quiet, as_json)
    with _errors(OUT_ELSEWHERE):
        for doc in read_documents(inputs, rep, fmt, None, "clean", jobs):
            out = output_path(output, doc.meta.slug, ".md")
            write_atomic(out, dump_markdown(doc))
            rep.report["outputs"].append(
                {
                    "path": str(out),
                    "title": doc.meta.title,
                    "dropped": [{"line": d.line, "rule": d.rule, "text": d.text} for d in doc.dropped],
                }
            )
            rep.info(f"{doc.meta.origin} → {out} ({len(doc.blocks)} blocks, {len(doc.dropped)} lines dropped)")
            if explain and not as_json:
                for d in doc.dropped:
                    typer.echo(f"{doc.meta.origin}:{d.line}: [{d.rule}] {d.text.strip()}")
    rep.done()


@app.command()
def normalize(
    inputs: Inputs,
    output: OutDir,
    script: ScriptOpt = None,
    report: Annotated[
        bool,
        typer.Option("--report", help="List every change: rule, before, after, line (with --json: in the report)."),
    ] = False,
    fmt: FormatOpt = None,
    jobs: JobsOpt = 1,
    quiet: QuietOpt = False,
    as_json: JsonOpt = False,
) -> None:
    """Cleaned documents (or raw pages, cleaned first) → Simplified, punctuation-normalised Markdown."""
    from .files import dump_markdown, output_path, write_atomic
    from .normalize import CONVERSIONS, normalize_report

    if script is not None and script not in CONVERSIONS:
        _usage(f"unknown --script {script!r}", "use " + ", ".join(CONVERSIONS))
    rep = Reporter("normalize", quiet, as_json)
    with _errors(OUT_ELSEWHERE):
        for doc in read_documents(inputs, rep, fmt, None, "clean", jobs):
            if not doc.blocks:
                rep.fail(InputError("no body text left after cleaning", path=doc.meta.origin or doc.meta.slug))
                continue
            doc, found = normalize_report(doc, script, changes=report)
            out = output_path(output, doc.meta.slug, ".md")
            write_atomic(out, dump_markdown(doc))
            meta = doc.meta
            entry: dict[str, Any] = {
                "path": str(out),
                "script": meta.script,
                "region": meta.region,
                "conversion": meta.conversion,
                "evidence": [list(e) for e in found.detection.evidence] if found.detection else [],
            }
            if report:
                entry["changes"] = [c.to_dict() for c in found.changes]
            rep.report["outputs"].append(entry)
            rep.info(
                f"{meta.origin} → {out} ({meta.script}, {meta.region or '?'}, {meta.conversion}, "
                f"{len(found.changes)} changes)"
                if report
                else f"{meta.origin} → {out} ({meta.script}, {meta.region or '?'}, {meta.conversion})"
            )
            if report and not as_json:
                for change in found.changes:
                    typer.echo(change.render(meta.origin))
    rep.done()


@app.command()
def translate(
    inputs: Inputs,
    output: OutDir,
    glossary: GlossaryOpt = None,
    backend: BackendOpt = None,
    beam_size: Annotated[
        int | None, typer.Option("--beam-size", min=1, help="Beam width for Argos [default: 2].")
    ] = None,
    tm: TmOpt = None,
    no_tm: NoTmOpt = False,
    fmt: FormatOpt = None,
    jobs: JobsOpt = 1,
    quiet: QuietOpt = False,
    as_json: JsonOpt = False,
) -> None:
    """Documents → aligned bilingual output: DIR/<slug>.json and DIR/<slug>.md per document."""
    from .document import segment_to_dict
    from .files import output_path, write_atomic
    from .translate import term_misses

    rep = Reporter("translate", quiet, as_json)
    with _errors(OUT_ELSEWHERE):
        cfg = _with_tm(_config().with_overrides(backend=backend, beam_size=beam_size), tm, no_tm)
        docs, _, _ = translated_documents(inputs, rep, cfg, glossary, fmt, jobs)
        qa = []
        for doc in docs:
            misses = term_misses(doc)
            qa += [{"document": doc.meta.slug, "segment": m[0], "zh": m[1], "en": m[2]} for m in misses]
            meta = {k: getattr(doc.meta, k) for k in doc.meta.__slots__}
            data = {"meta": meta, "segments": [_contract(segment_to_dict(s)) for s in doc.segments]}
            out = output_path(output, doc.meta.slug, ".json")
            write_atomic(out, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
            write_atomic(output_path(output, doc.meta.slug, ".md"), bilingual_markdown(doc))
            rep.report["outputs"].append({"path": str(out), "segments": len(doc.segments), "term_misses": len(misses)})
            rep.info(f"{doc.meta.origin} → {out} ({len(doc.segments)} segments)")
        rep.report["qa"] = {"term_misses": qa}
    rep.done()


def _contract(seg: dict[str, Any]) -> dict[str, Any]:
    """The documented segment record: id, zh, en, terms [{zh, en}], provenance."""
    seg["terms"] = [{"zh": t["zh"], "en": t["en"]} for t in seg["terms"]]
    return seg


def bilingual_markdown(doc: Any) -> str:
    from .escape import md_inline

    parts = []
    for b in doc.blocks:
        zh = md_inline(b.text)
        en = md_inline(" ".join(s.en for s in b.segments))
        if b.kind == "heading":
            parts.append("#" * b.level + f" {zh}\n\n" + "#" * b.level + f" {en}")
        else:
            parts.append(f"{zh}\n\n> {en}")
    return "\n\n".join(parts) + "\n"


BuildInput = Annotated[Path | None, typer.Option("--input", "-i", help="Folder of raw pages [default: seeds/].")]
DocsDir = Annotated[Path | None, typer.Option("--docs-dir", help="Where to write the Markdown [default: docs/].")]
SiteDir = Annotated[Path | None, typer.Option("--site-dir", help="Where to write the HTML site [default: site/].")]
ConfigOpt = Annotated[
    Path | None, typer.Option("--config", help="Base MkDocs configuration [default: ./mkdocs.yml if present].")
]


def _with_tm(cfg: Any, tm: Path | None, no_tm: bool) -> Any:
    from dataclasses import replace

    return replace(cfg, tm=None) if no_tm else cfg.with_overrides(tm=tm)


def _build(
    cfg: Any, glossary: Path | None, config: Path | None, jobs: int, rep: Reporter, stage: Any | None
) -> dict[str, Any]:
    """The whole pipeline up to the Markdown: raw pages + glossary → a docs tree; returns the
    MkDocs configuration for it.

    With ``stage`` (:class:`toolkit.outputs.Staging`) the tree goes to its new docs folder and
    the configuration points at its folders; the caller swaps them in after MkDocs built the
    site. Without, the tree replaces the docs folder at once (``serve``).
    """
    from .publish import SiteInfo, check_docs_dir, nav, write_docs
    from .site import load_base, site_config

    if config is not None and not config.exists():
        raise ConfigError("no such MkDocs configuration", path=config)
    if not cfg.input.exists():
        raise InputError("input folder does not exist", path=cfg.input, hint="pass --input DIR")
    check_docs_dir(cfg.docs_dir)
    docs, gl, choice = translated_documents([cfg.input], rep, cfg, glossary, None, jobs)
    if not docs:
        raise InputError("no document could be read", path=cfg.input, hint="see the errors above")
    write_docs(docs, gl, cfg.docs_dir, SiteInfo(backend_reason=choice.reason), into=stage.new_docs if stage else None)
    rep.report.update(documents=[d.meta.slug for d in docs], docs_dir=str(cfg.docs_dir), site_dir=str(cfg.site_dir))
    base = load_base(cfg.mkdocs_config)
    docs_dir, site_dir = (stage.new_docs, stage.new_site) if stage else (cfg.docs_dir, cfg.site_dir)
    return site_config(base, docs_dir, site_dir, nav(docs), cfg.site_name)


def _recover(cfg: Any) -> None:
    """Put back what a killed build left half-swapped, and delete its staging folders."""
    from .outputs import recover

    recover(cfg.docs_dir)
    recover(cfg.site_dir)


BUILD_ELSEWHERE = "choose other --docs-dir and --site-dir folders"


@app.command()
def build(
    input_dir: BuildInput = None,
    glossary: GlossaryOpt = None,
    docs_dir: DocsDir = None,
    site_dir: SiteDir = None,
    backend: BackendOpt = None,
    config: ConfigOpt = None,
    tm: TmOpt = None,
    no_tm: NoTmOpt = False,
    jobs: JobsOpt = 1,
    quiet: QuietOpt = False,
    as_json: JsonOpt = False,
) -> None:
    """The whole pipeline: seeds/ + glossary/ → docs/ → site/ (a MkDocs Material site)."""
    from .outputs import staged
    from .site import build_site

    rep = Reporter("build", quiet, as_json)
    with _errors(elsewhere=BUILD_ELSEWHERE):
        cfg = _with_tm(
            _config().with_overrides(
                input=input_dir, docs_dir=docs_dir, site_dir=site_dir, backend=backend, mkdocs_config=config
            ),
            tm,
            no_tm,
        )
        _recover(cfg)
        # docs and site are built in fresh folders beside docs/ and site/, swapped in only
        # when MkDocs succeeded: a failed or killed build leaves the previous ones as they were.
        with staged(cfg.docs_dir, cfg.site_dir) as stage:
            mk = _build(cfg, glossary, config, jobs, rep, stage)
            build_site(mk, strict=True, quiet=rep.quiet, docs_dir=cfg.docs_dir, site_dir=cfg.site_dir)
            stage.commit()
        rep.info(f"wrote {len(rep.report['documents'])} documents to {cfg.docs_dir}/ and the site to {cfg.site_dir}/")
    rep.done()


@app.command()
def serve(
    input_dir: BuildInput = None,
    glossary: GlossaryOpt = None,
    docs_dir: DocsDir = None,
    site_dir: SiteDir = None,
    backend: BackendOpt = None,
    config: ConfigOpt = None,
    tm: TmOpt = None,
    no_tm: NoTmOpt = False,
    host: Annotated[str, typer.Option(help="Address to serve on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to serve on.")] = 8000,
    quiet: QuietOpt = False,
) -> None:
    """Build, then serve the site locally (Ctrl-C stops)."""
    from .site import serve as serve_site

    rep = Reporter("serve", quiet, False)
    with _errors(elsewhere=BUILD_ELSEWHERE):
        cfg = _config().with_overrides(
            input=input_dir, docs_dir=docs_dir, site_dir=site_dir, backend=backend, mkdocs_config=config
        )
        cfg = _with_tm(cfg, tm, no_tm)
        _recover(cfg)
        mk = _build(cfg, glossary, config, 1, rep, None)
        rep.info(f"wrote {len(rep.report['documents'])} documents to {cfg.docs_dir}/")
        serve_site(mk, host, port)


# --- glossary --------------------------------------------------------------------------------


def _report_problems(problems: list[Any]) -> None:
    for p in problems:
        typer.secho(p.render(), err=True, fg=typer.colors.RED if p.severity == "error" else typer.colors.YELLOW)


@glossary_app.command("check")
def glossary_check(
    glossary: GlossaryOpt = None,
    corpus: Annotated[
        list[Path] | None, typer.Option("--corpus", help="Pages to look for each term in (warns on unused terms).")
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Validate the glossary: line-numbered errors (exit 2) and warnings."""
    from . import glossary as gmod

    with _errors():
        cfg = _config()
        path = glossary if glossary is not None else cfg.glossary
        entries, problems = gmod.check(path, max_bytes=cfg.max_input_bytes)
        if corpus:
            rep = Reporter("glossary check", True, False)
            docs = read_documents(corpus, rep, None, None, "normalize", 1)
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


@glossary_app.command("list")
def glossary_list(glossary: GlossaryOpt = None, as_json: JsonOpt = False) -> None:
    """List glossary entries (zh, en, status)."""
    with _errors():
        gl = _glossary(glossary, _config())
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
    return glossary if glossary is not None else _config().glossary


@glossary_app.command("add")
def glossary_add(
    zh: Annotated[str, typer.Argument(help="The Chinese term (Simplified).")],
    en: Annotated[str, typer.Argument(help="The English rendering translations must use.")],
    status: Annotated[str, typer.Option(help="approved or proposed.")] = "proposed",
    fixed: Annotated[bool, typer.Option("--fixed", help="The English is a fixed name (case kept).")] = False,
    variant: Annotated[
        list[str] | None, typer.Option("--variant", help="Another Chinese spelling (repeatable).")
    ] = None,
    source: Annotated[str, typer.Option(help="Where the rendering comes from.")] = "",
    note: Annotated[str, typer.Option(help="Context for translators.")] = "",
    glossary: GlossaryOpt = None,
) -> None:
    """Add a term to the glossary (kept sorted; refused if it duplicates or conflicts)."""
    from .glossary import parse_row
    from .glossary_io import add_entries, target_file

    with _errors(GLOSSARY_ELSEWHERE):
        path = _glossary_path(glossary)
        fields = [zh, en, status, "yes" if fixed else "no", "|".join(variant or ()), source, note]
        entry, problems = parse_row(fields, "<command line>", 0)
        if entry is not None:
            _, problems = add_entries(path, [entry])
    if problems:
        _report_problems(problems)
        raise typer.Exit(2)
    typer.echo(f"added {zh} → {en} to {target_file(path)}")


ExchangeFmt = Annotated[str | None, typer.Option("--format", help="tbx or csv [default: by extension].")]


@glossary_app.command("export")
def glossary_export(
    file: Annotated[Path, typer.Argument(help="The .tbx (ISO 30042) or .csv file to write.")],
    fmt: ExchangeFmt = None,
    glossary: GlossaryOpt = None,
) -> None:
    """Export the glossary as TBX or CSV (translate-toolkit), losslessly."""
    from .glossary_io import export

    with _errors("export to another file"):
        gl = _glossary(glossary, _config())
        export(list(gl.entries), file, fmt)
    typer.echo(f"exported {len(gl.entries)} entries to {file}")


@glossary_app.command("import")
def glossary_import(
    file: Annotated[Path, typer.Argument(help="A .tbx or .csv file (as `glossary export` writes).")],
    fmt: ExchangeFmt = None,
    glossary: GlossaryOpt = None,
) -> None:
    """Add the terms of a TBX or CSV file to the glossary; conflicts are listed, nothing is changed."""
    from .glossary_io import add_entries, read, target_file

    with _errors(GLOSSARY_ELSEWHERE):
        path = _glossary_path(glossary)
        entries = read(file, fmt, max_bytes=_config().max_input_bytes)
        added, problems = add_entries(path, entries)
    if problems:
        _report_problems(problems)
        typer.echo(f"nothing imported: {len(problems)} conflict(s)", err=True)
        raise typer.Exit(2)
    typer.echo(
        f"imported {len(added)} new entries into {target_file(path)} ({len(entries) - len(added)} already there)"
    )


@glossary_app.command("suggest")
def glossary_suggest(
    corpus: Annotated[list[Path], typer.Argument(help="Pages (or cleaned documents) to mine.", show_default=False)],
    glossary: GlossaryOpt = None,
    limit: Annotated[int, typer.Option(help="How many candidates.")] = 30,
    min_count: Annotated[int, typer.Option(help="Minimum occurrences.")] = 3,
    as_json: JsonOpt = False,
) -> None:
    """Frequent multi-word Chinese terms not yet in the glossary, with counts and contexts."""
    from .glossary import suggest

    rep = Reporter("glossary suggest", True, False)
    with _errors():
        gl = _glossary(glossary, _config())
        docs = read_documents(corpus, rep, None, None, "normalize", 1)
        texts = ["\n".join(b.text for b in d.blocks) for d in docs]
        found = suggest(texts, gl, min_count=min_count, limit=limit)
    if as_json:
        rows = [{"zh": s.zh, "count": s.count, "examples": list(s.examples)} for s in found]
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for s in found:
            typer.echo(f"{s.count:5d}  {s.zh}\t{s.examples[0] if s.examples else ''}")
    if rep.report["failed"]:
        raise typer.Exit(1)


# --- models ----------------------------------------------------------------------------------


@models_app.command("list")
def models_list(as_json: JsonOpt = False) -> None:
    """Installed Argos packages: from→to, version, path."""
    from .translate.argos import installed_models

    with _errors():
        models = installed_models()
    if as_json:
        typer.echo(
            json.dumps(
                [
                    {"name": m.name, "from": m.from_code, "to": m.to_code, "version": m.version, "path": str(m.path)}
                    for m in models
                ],
                indent=2,
            )
        )
        return
    if not models:
        typer.echo("no Argos packages installed", err=True)
    for m in models:
        typer.echo(f"{m.name}\t{m.from_code}→{m.to_code}\t{m.version}\t{m.path}")


@models_app.command("install")
def models_install(
    name: Annotated[
        str, typer.Argument(help="A package name from the Argos index (translate-zh_en) or a .argosmodel file.")
    ],
) -> None:
    """Install an Argos package from a local .argosmodel file (offline) or the Argos index (network)."""
    from .translate import argos

    with _errors():
        path = Path(name)
        if path.suffix == ".argosmodel" or path.exists():
            info = argos.install_file(path)
        else:
            info = argos.install_from_index(name)
    typer.echo(f"installed {info.label} ({info.from_code}→{info.to_code}) in {info.path}")


@models_app.command("remove")
def models_remove(
    name: Annotated[str, typer.Argument(help="Installed package name (see `toolkit models list`).")],
) -> None:
    """Remove an installed Argos package."""
    from .translate import argos

    with _errors():
        info = argos.remove(name)
    typer.echo(f"removed {info.label}")


def _usage(msg: str, hint: str) -> None:
    typer.secho(f"error: {msg} ({hint})", err=True, fg=typer.colors.RED)
    raise typer.Exit(2)


def main() -> None:
    app()
