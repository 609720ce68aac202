"""The ``toolkit`` command: a thin typer layer over the library.

Each command parses options, calls the library (:mod:`toolkit.batch` for work over many
inputs, :mod:`toolkit.writers` for what it writes), and renders the result; a
``ToolkitError`` becomes a one-line message and an exit code: 0 ok, 1 some inputs failed
(the rest were still written), 2 usage or configuration error. Heavy imports happen inside
the commands. The options every command shares are in :mod:`.common`; the ``glossary`` and
``models`` command groups in their own modules.
"""

from __future__ import annotations

import gc
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .. import __version__, readers
from ..batch import read_documents
from ..errors import ConfigError, InputError
from . import glossary, models, review
from . import tm as tm_cli
from .common import (
    BUILD_ELSEWHERE,
    OUT_ELSEWHERE,
    AddressOpt,
    BackendOpt,
    BuildInput,
    ConfigOpt,
    DeviceOpt,
    DocsDir,
    ExecutorOpt,
    FormatOpt,
    GlossaryOpt,
    Inputs,
    JobsOpt,
    JsonOpt,
    NoCacheOpt,
    NoTmOpt,
    OutDir,
    QuietOpt,
    Reporter,
    ScriptOpt,
    SiteDir,
    TmOpt,
    WorkersOpt,
    argument,
    configuration,
    emit,
    on_error,
    option,
    settings,
    usage,
)

if TYPE_CHECKING:
    from ..batch import Translation
    from ..config import Config
    from ..status import DocStatus

app = typer.Typer(
    help="Clean, normalise, glossary-check, translate and publish Chinese web documents as a bilingual site.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
)
app.add_typer(glossary.app, name="glossary")
app.add_typer(models.app, name="models")
app.add_typer(review.app, name="review")
app.add_typer(tm_cli.app, name="tm")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"toolkit {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Chinese web documents → a published Chinese–English site."""


# --- commands: documents ---------------------------------------------------------------------


@app.command()
def clean(
    inputs: Inputs,
    output: OutDir,
    fmt: FormatOpt = None,
    explain: Annotated[
        bool,
        option(
            "--explain",
            help="List every dropped line and the rule that dropped it (HTML: lines of the page's text, "
            "the <title> as line 0).",
        ),
    ] = False,
    jobs: JobsOpt = None,
    quiet: QuietOpt = False,
    as_json: JsonOpt = False,
) -> None:
    """Raw pages → cleaned Chinese Markdown with YAML front matter (title, date, source)."""
    from ..writers import write

    rep = Reporter("clean", quiet, as_json)
    with on_error(OUT_ELSEWHERE):
        for doc in read_documents(inputs, rep, fmt, None, "clean", jobs, configuration().max_input_bytes):
            out = write("clean", doc, output)[0]
            dropped = [{"line": d.line, "rule": d.rule, "text": d.text} for d in doc.dropped]
            rep.outputs.append({"path": str(out), "title": doc.meta.title, "dropped": dropped})
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
        option("--report", help="List every change: rule, before, after, line (with --json: in the report)."),
    ] = False,
    fmt: FormatOpt = None,
    jobs: JobsOpt = None,
    quiet: QuietOpt = False,
    as_json: JsonOpt = False,
) -> None:
    """Cleaned documents (or raw pages, cleaned first) → Simplified, punctuation-normalised Markdown."""
    from ..normalize import CONVERSIONS, normalize_report
    from ..writers import write

    if script is not None and script not in CONVERSIONS:
        usage(f"unknown --script {script!r}", "use " + ", ".join(CONVERSIONS))
    rep = Reporter("normalize", quiet, as_json)
    with on_error(OUT_ELSEWHERE):
        for doc in read_documents(inputs, rep, fmt, None, "clean", jobs, configuration().max_input_bytes):
            if not doc.blocks:
                rep.fail(InputError("no body text left after cleaning", path=doc.meta.origin or doc.meta.slug))
                continue
            doc, found = normalize_report(doc, script, changes=report)
            out = write("normalize", doc, output)[0]
            meta = doc.meta
            entry: dict[str, object] = {
                "path": str(out),
                "script": meta.script,
                "region": meta.region,
                "conversion": meta.conversion,
                "evidence": [list(e) for e in found.detection.evidence] if found.detection else [],
            }
            if report:
                entry["changes"] = [c.to_dict() for c in found.changes]
            rep.outputs.append(entry)
            changes = f", {len(found.changes)} changes" if report else ""
            rep.info(f"{meta.origin} → {out} ({meta.script}, {meta.region or '?'}, {meta.conversion}{changes})")
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
    beam_size: Annotated[int | None, option("--beam-size", min=1, help="Beam width for Argos \\[default: 2].")] = None,
    tm: TmOpt = None,
    no_tm: NoTmOpt = False,
    no_cache: NoCacheOpt = False,
    fmt: FormatOpt = None,
    jobs: JobsOpt = None,
    executor: ExecutorOpt = None,
    address: AddressOpt = None,
    workers: WorkersOpt = None,
    device: DeviceOpt = None,
    quiet: QuietOpt = False,
    as_json: JsonOpt = False,
) -> None:
    """Documents → aligned bilingual output: DIR/<slug>.json and DIR/<slug>.md per document."""
    from ..batch import translate_documents
    from ..writers import write

    rep = Reporter("translate", quiet, as_json)
    with on_error(OUT_ELSEWHERE):
        cfg = settings(
            backend,
            tm,
            no_tm,
            no_cache,
            beam_size=beam_size,
            executor=executor,
            address=address,
            workers=workers,
            device=device,
        )
        if fmt is not None:
            readers.by_name(fmt)
        done = translate_documents(inputs, rep, cfg, glossary, fmt, jobs)
        rep.translation(done)
        for doc in done.docs:
            out = write("translate", doc, output)[0]
            slug = doc.meta.slug
            rep.outputs.append(
                {
                    "path": str(out),
                    "segments": len(doc.segments),
                    "term_misses": len(done.misses[slug]),
                    "problems": len(done.problems[slug]),
                }
            )
            rep.info(f"{doc.meta.origin} → {out} ({len(doc.segments)} segments)")
    rep.done()


# --- commands: the site ----------------------------------------------------------------------


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
    no_cache: NoCacheOpt = False,
    jobs: JobsOpt = None,
    executor: ExecutorOpt = None,
    address: AddressOpt = None,
    workers: WorkersOpt = None,
    device: DeviceOpt = None,
    quiet: QuietOpt = False,
    as_json: JsonOpt = False,
) -> None:
    """The whole pipeline: seeds/ + glossary/ → docs/ → site/ (a MkDocs Material site)."""
    from ..batch import build_docs, prepare_folders
    from ..cache import site_digest, site_unchanged, stamp_site
    from ..outputs import real_target, staged
    from ..site import build_site

    rep = Reporter("build", quiet, as_json)
    with on_error(elsewhere=BUILD_ELSEWHERE):
        cfg = settings(
            backend,
            tm,
            no_tm,
            no_cache,
            input=input_dir,
            docs_dir=docs_dir,
            site_dir=site_dir,
            mkdocs_config=config,
            executor=executor,
            address=address,
            workers=workers,
            device=device,
        )
        prepare_folders(cfg)
        _check_config(config)
        # docs and site are built in fresh folders beside docs/ and site/, swapped in only
        # when MkDocs succeeded: a failed or killed build leaves the previous ones as they were.
        with staged(cfg.docs_dir, cfg.site_dir) as stage:
            built = build_docs(cfg, rep, glossary, jobs, stage)
            _built(rep, built.translation, cfg)
            count = len(built.translation.docs)
            built.translation.docs.clear()  # the site is built from the docs tree: 10,000 documents
            gc.collect()  # are a gigabyte that MkDocs can use instead
            started = time.perf_counter()
            targets = (real_target(cfg.docs_dir).resolve(), real_target(cfg.site_dir).resolve())
            digest = site_digest(stage.new_docs, built.mkdocs, targets)
            unchanged = cfg.cache_dir is not None and site_unchanged(cfg.site_dir, digest)
            if unchanged:
                rep.info(
                    f"site: nothing it is built from changed; {cfg.site_dir}/ kept as it is (--no-cache rebuilds it)"
                )
            else:
                rep.info(f"site: MkDocs, then Pagefind, build {cfg.site_dir}/ ({count} documents)")
                build_site(
                    built.mkdocs,
                    strict=True,
                    quiet=rep.quiet,
                    docs_dir=cfg.docs_dir,
                    site_dir=cfg.site_dir,
                    progress=rep.progress,
                )
                stamp_site(stage.new_site, digest)
            built.translation.timings["site"] = time.perf_counter() - started
            rep.fields["site_rebuilt"] = not unchanged
            stage.commit(site=not unchanged)
        rep.fields["timings"] = {k: round(v, 3) for k, v in built.translation.timings.items()}
        rep.info(f"wrote {count} documents to {cfg.docs_dir}/ and the site to {cfg.site_dir}/")
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
    host: Annotated[str, option(help="Address to serve on.")] = "127.0.0.1",
    port: Annotated[int, option(help="Port to serve on.")] = 8000,
    jobs: JobsOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Build, then serve the site locally (prints its URL; Ctrl-C stops)."""
    from ..batch import build_docs, prepare_folders
    from ..outputs import staged
    from ..site import build_site
    from ..site import serve as serve_site

    rep = Reporter("serve", quiet, False)
    with on_error(elsewhere=BUILD_ELSEWHERE):
        cfg = settings(backend, tm, no_tm, input=input_dir, docs_dir=docs_dir, site_dir=site_dir, mkdocs_config=config)
        prepare_folders(cfg)
        _check_config(config)
        with staged(cfg.docs_dir, cfg.site_dir) as stage:
            built = build_docs(cfg, rep, glossary, jobs, stage)
            build_site(
                built.mkdocs,
                strict=True,
                quiet=rep.quiet,
                docs_dir=cfg.docs_dir,
                site_dir=cfg.site_dir,
                progress=rep.progress,
            )
            stage.commit()
        rep.info(f"wrote {len(built.translation.docs)} documents to {cfg.docs_dir}/ and the site to {cfg.site_dir}/")
        serve_site(cfg.site_dir, host, port, lambda line: typer.echo(line, err=False))


def _check_config(config: Path | None) -> None:
    if config is not None and not config.exists():
        raise ConfigError("no such MkDocs configuration", path=config)


def _built(rep: Reporter, done: Translation, cfg: Config) -> None:
    rep.translation(done)
    rep.fields.update(
        documents=[d.meta.slug for d in done.docs], docs_dir=str(cfg.docs_dir), site_dir=str(cfg.site_dir)
    )


@app.command()
def status(
    inputs: Annotated[
        list[Path] | None,
        argument(help="Sources, or `translate` JSON output \\[default: the configured input].", show_default=False),
    ] = None,
    glossary: GlossaryOpt = None,
    backend: BackendOpt = None,
    tm: TmOpt = None,
    fmt: FormatOpt = None,
    jobs: JobsOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Per document: segments final, reviewed, fuzzy, machine-made, glossed and new, and QA problems.

    Nothing is translated: what the translation memory holds is counted (as the next build
    would use it); a segment it lacks is `new`.
    """
    from ..batch import translate_documents
    from ..status import document_status, totals

    rep = Reporter("status", False, as_json)
    with on_error():
        cfg = settings(backend, tm, False)
        if fmt is not None:
            readers.by_name(fmt)
        done = translate_documents(inputs or [cfg.input], rep, cfg, glossary, fmt, jobs, engine=False)
        statuses = [document_status(d, done.glossary.version) for d in done.docs]
        rep.outputs.extend(st.to_dict() for st in statuses)
        rep.fields["totals"] = totals(statuses)
    if not as_json:
        _print_status(statuses, totals(statuses))
    rep.done()


def _print_status(statuses: list[DocStatus], total: dict[str, int]) -> None:
    columns = ("final", "reviewed", "fuzzy", "machine", "gloss", "new", "qa")
    width = max([len(s.slug) for s in statuses] + [8])
    typer.echo(f"{'document':<{width}}  {'segments':>8}  " + "  ".join(f"{c:>8}" for c in columns))
    for st in statuses:
        counts = {**st.states, "qa": len(st.problems)}
        typer.echo(f"{st.slug:<{width}}  {st.segments:>8}  " + "  ".join(f"{counts[c]:>8}" for c in columns))
    segments = sum(s.segments for s in statuses)
    typer.echo(f"{'total':<{width}}  {segments:>8}  " + "  ".join(f"{total[c]:>8}" for c in columns))


@app.command()
def doctor(
    glossary: GlossaryOpt = None,
    tm: TmOpt = None,
    no_tm: NoTmOpt = False,
    as_json: JsonOpt = False,
) -> None:
    """What a build needs, what is missing, and how to fix it (exit 1 when something is broken)."""
    from ..doctor import run_checks

    with on_error():
        checks = run_checks(settings(None, tm, no_tm, glossary=glossary))
    if as_json:
        emit("doctor", checks=[c.to_dict() for c in checks])
    else:
        for check in checks:
            colour = {"ok": None, "warning": typer.colors.YELLOW, "error": typer.colors.RED}[check.status]
            typer.secho(check.render(), fg=colour)
    if any(c.status == "error" for c in checks):
        raise typer.Exit(1)


def main() -> None:
    app()
