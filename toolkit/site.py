"""The MkDocs configuration the toolkit needs, and the MkDocs build itself.

``toolkit build`` works from any directory on any input: it writes the configuration it
needs, with absolute paths, to a file in the docs folder being built (``.toolkit/mkdocs.yml``,
deleted after the build). A project's own ``mkdocs.yml`` (the one in
the current directory, or ``--config``) is the base: its site name, theme palette,
copyright and extras are kept; the toolkit sets what its pages depend on (docs and site
folders, navigation, Material theme overrides, extensions, no third-party fonts, file names
that work from ``file://``).

The site scales with the corpus: the navigation lists the index, glossary and QA pages only
(documents are reached through the paginated index), and search is Pagefind's static, sharded
index (its extended build segments Chinese), written into ``site/pagefind/`` after MkDocs.
"""

from __future__ import annotations

import errno
import logging
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .errors import BuildError, ConfigError
from .files import write_atomic
from .outputs import output_error
from .searchindex import pagefind_index

# Glossary tooltips are <abbr> elements that toolkit.escape writes itself: no ``abbr``
# extension, so no ``*[term]: …`` line in any page can define one.
REQUIRED_EXTENSIONS: list[Any] = [
    "admonition",
    "attr_list",
    "md_in_html",
    "tables",
    {"toc": {"permalink": True}},
    # The aligned page's finished HTML passes through untouched, not through Markdown's
    # pure-Python HTML parser (most of a large build's time otherwise).
    "toolkit.sitehooks",
]


def templates_dir() -> Path:
    return Path(str(resources.files("toolkit").joinpath("templates")))


def load_base(path: Path | None) -> dict[str, Any]:
    if path is None or not path.exists():
        return {}
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LenientLoader)
    except yaml.YAMLError as exc:
        raise ConfigError(f"not valid YAML: {exc}", path=path) from None
    if not isinstance(data, dict):
        raise ConfigError("an MkDocs configuration must be a mapping", path=path)
    return data


class _LenientLoader(yaml.SafeLoader):
    """SafeLoader that reads MkDocs tags (``!ENV``, ``!relative``, ``!!python/name``) as plain values."""


_LenientLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_LenientLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def site_config(
    base: dict[str, Any], docs_dir: Path, site_dir: Path, nav: list[Any], site_name: str, site_url: str = ""
) -> dict[str, Any]:
    cfg = dict(base)
    cfg.setdefault("site_name", site_name)
    if site_url and not cfg.get("site_url"):
        cfg["site_url"] = site_url
    cfg["docs_dir"] = str(docs_dir.resolve())
    cfg["site_dir"] = str(site_dir.resolve())
    cfg["nav"] = nav
    theme = dict(cfg.get("theme") or {})
    if isinstance(cfg.get("theme"), str):
        theme = {"name": cfg["theme"]}
    if theme.get("name", "material") != "material":
        raise ConfigError("the toolkit's pages need the Material theme (theme: name: material)")
    theme["name"] = "material"
    theme["custom_dir"] = str(templates_dir() / "overrides")
    theme.setdefault("language", "en")
    # System fonts: Material's default loads Roboto from Google Fonts, which is a request to a
    # third-party host (and blocked in mainland China).
    theme["font"] = False
    cfg["theme"] = theme
    # zh/<slug>.html rather than zh/<slug>/: links work when site/ is opened from file://.
    cfg["use_directory_urls"] = False
    # Documents are not in the navigation (the index pages reach them): no message about that.
    validation = dict(cfg.get("validation") or {})
    validation["nav"] = {**dict(validation.get("nav") or {}), "omitted_files": "ignore"}
    cfg["validation"] = validation
    exts = list(cfg.get("markdown_extensions") or [])
    names = {e if isinstance(e, str) else next(iter(e)) for e in exts}
    exts += [e for e in REQUIRED_EXTENSIONS if (e if isinstance(e, str) else next(iter(e))) not in names]
    cfg["markdown_extensions"] = exts
    # No MkDocs search: its one JSON index grows with the corpus and is fetched on every page.
    # Pagefind (run after MkDocs, :func:`pagefind_index`) replaces it.
    plugins = [p for p in (cfg.get("plugins") or []) if (p if isinstance(p, str) else next(iter(p))) != "search"]
    cfg["plugins"] = plugins
    css = list(cfg.get("extra_css") or [])
    if "assets/toolkit.css" not in css:
        css.append("assets/toolkit.css")
    cfg["extra_css"] = css
    js = list(cfg.get("extra_javascript") or [])
    if "assets/toolkit.js" not in js:
        js.append("assets/toolkit.js")
    cfg["extra_javascript"] = js
    extra = dict(cfg.get("extra") or {})
    # The header's language menu; per page, the Material override uses the page's own
    # ``alternates`` so the switch lands on the counterpart page.
    # Pages that are not a document (index, glossary, QA, search) are bilingual: their menu
    # leads to the documents index, listing Chinese or English titles first.
    extra["alternate"] = [
        {"name": "中文", "lang": "zh-Hans", "link": "index.html?lang=zh"},
        {"name": "English", "lang": "en", "link": "index.html?lang=en"},
    ]
    cfg["extra"] = extra
    return cfg


def build_site(
    cfg: dict[str, Any],
    strict: bool = True,
    quiet: bool = False,
    *,
    docs_dir: Path | None = None,
    site_dir: Path | None = None,
    progress: Callable[[Iterable[Any], str, int, str], Iterable[Any]] | None = None,
) -> None:
    """Run a real MkDocs build of ``cfg``, then Pagefind; warnings fail it when ``strict``.
    ``progress`` shows the search index's shards (:func:`toolkit.searchindex.pagefind_index`).

    ``toolkit build`` points ``cfg``'s docs and site folders at fresh staging folders
    (:func:`toolkit.outputs.staged`) and swaps them in only when this returns; ``docs_dir``
    and ``site_dir`` are the folders errors name then (default: ``cfg``'s).
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    from . import sitehooks

    for logger in ("mkdocs", "jieba"):
        logging.getLogger(logger).setLevel(logging.WARNING if quiet else logging.INFO)
    # MkDocs' messages on the current stderr, for this build only.
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("mkdocs: %(levelname)s %(message)s"))
    log = logging.getLogger("mkdocs")
    log.addHandler(handler)
    try:
        with config_file(cfg) as path:
            config = load_config(config_file=str(path), strict=strict)
            # Each page's HTML waits on disk between MkDocs' rendering and writing it, so memory
            # holds one page's, not every page's. Registered here as MkDocs registers a hooks
            # file, not through ``hooks:``, so the configuration names no Python file (a build
            # from an unchanged configuration and tree is then known to be unchanged).
            config.plugins["toolkit-site"] = sitehooks  # type: ignore[assignment]  # as MkDocs does for hooks
            build(config)
        pagefind_index(Path(cfg["site_dir"]), quiet=quiet, progress=progress)
    except (Abort, ConfigurationError) as exc:
        raise BuildError(f"MkDocs build failed: {exc}", path=docs_dir or cfg.get("docs_dir")) from None
    except OSError as exc:
        site = site_dir or cfg.get("site_dir")
        if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EROFS):
            raise output_error(exc, site) from None
        raise BuildError(f"MkDocs build failed: {exc}", path=site) from None
    finally:
        log.removeHandler(handler)


@contextmanager
def config_file(cfg: dict[str, Any]) -> Iterator[Path]:
    """``cfg`` written as ``.toolkit/mkdocs.yml`` in its docs folder, deleted afterwards.

    Inside the docs folder (MkDocs skips dot folders) rather than in ``/tmp``: a killed build
    leaves nothing behind that the next build does not replace.
    """
    path = Path(cfg["docs_dir"]) / ".toolkit" / "mkdocs.yml"
    write_atomic(path, yaml.safe_dump(cfg, allow_unicode=True, sort_keys=False))
    try:
        yield path
    finally:
        path.unlink(missing_ok=True)


def serve(site_dir: Path, host: str, port: int, announce: Callable[[str], None]) -> None:
    """Serve the built ``site_dir`` over HTTP until Ctrl-C; ``announce`` gets its URL.

    A plain static server (the site is static; Pagefind's search needs HTTP, not ``file://``).
    """
    import functools
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class Handler(SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

    handler = functools.partial(Handler, directory=str(site_dir))
    try:
        httpd = ThreadingHTTPServer((host, port), handler)
    except OSError as exc:
        raise BuildError(f"cannot serve on {host}:{port}: {exc.strerror}", hint="pass another --port") from None
    shown = f"[{host}]" if ":" in host else host
    announce(f"serving {site_dir}/ at http://{shown}:{httpd.server_address[1]}/ (Ctrl-C stops)")
    with httpd, suppress(KeyboardInterrupt):
        httpd.serve_forever()
