"""The site's search index at any size: Pagefind run on shards of the pages, merged into one.

Pagefind keeps every page it reads in memory until it writes the index: about 0.8 MB per
document page of ours, so 1.6 GB at 1,000 documents and about 16 GB at 10,000. Its index,
though, is already sharded for the browser (a search fetches the metadata, the chunks of
its words and the fragments of the pages shown), so the size of one index is no problem;
only building it in one go is.

So the pages are cut into shards of at most :data:`SHARD_BYTES` of HTML, each shard is
indexed by its own Pagefind run (its pages hard-linked into a folder of their own at the same
paths, so the URLs are the site's), and the shards' indexes are merged here into one index in
Pagefind's own format: the pages one after the other, each word's page list joined across
the shards (page numbers moved by the pages before), then cut into chunks as Pagefind cuts
them, and the metadata, filters and entry file written as Pagefind writes them. A browser
fetches what it would fetch from one run; memory is one shard's Pagefind, then one chunk per
shard. A site that fits in one shard is indexed by one plain Pagefind run, as before.

The format (Pagefind 1.x; ``pagefind/src/index`` and ``pagefind_web/src``): every ``.pf_*``
file is gzip of ``pagefind_dcd`` + CBOR (fragments: + JSON); ``pagefind.<hash>.pf_meta`` is
``[version, [[page hash, word count]], [[from, to, chunk hash]], [[filter, hash]], [[sort,
[pages]]], [meta fields]]``; an index chunk is ``[[[word, [[page delta, locs, meta_locs]],
[[variant, pages]]]]]`` with words in code point order. Anything else (another major
version, sorts, which cannot be merged without their values) fails the build with a message.
"""

from __future__ import annotations

import gzip
import hashlib
import heapq
import itertools
import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import BuildError

PAGEFIND_DIR = "pagefind"
"""Where Pagefind writes its index and scripts, under the site folder."""
PAGE_DIRS = ("zh", "en")
"""The folders of the pages Pagefind reads: the Chinese and English document pages, the only
ones with a ``data-pagefind-body`` element (it would parse every other page only to drop it:
a third more memory and time)."""
PAGEFIND_GLOB = "{" + ",".join(PAGE_DIRS) + "}/*.html"
SHARD_BYTES = 16 * 2**20
"""HTML per Pagefind run: about 0.5 GB of Pagefind's memory for pages like ours (it holds
about 30 times the HTML it reads), whatever the size of the site."""
CHUNK_SIZE = "PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE"
"""The environment variable Pagefind reads its chunk size from (locations per index chunk,
20,000 by default); the merge cuts chunks by the same."""
NO_INDEX = "not able to build an index"
"""What Pagefind says when it found no page to index (a shard whose pages are all empty)."""
HEADER = b"pagefind_dcd"
BODY_MARK = b"data-pagefind-body"
"""The attribute that marks what Pagefind indexes of a page."""
MAJOR = "1."


def pagefind_executable() -> Path:
    """The Pagefind binary the ``pagefind[extended]`` dependency ships (its extended build
    segments Chinese); the plain build as a fallback."""
    for module in ("pagefind_bin_extended", "pagefind_bin"):
        try:
            mod = __import__(module)
            return Path(mod.get_executable())
        except (ImportError, FileNotFoundError):
            continue
    raise BuildError(
        "Pagefind is not installed, so the site would have no search",
        hint="pip install 'pagefind[extended]' (a dependency of the toolkit: reinstall it)",
    )


def pagefind_index(
    site_dir: Path,
    quiet: bool = False,
    shard_bytes: int | None = None,
    progress: Callable[[Iterable[Any], str, int, str], Iterable[Any]] | None = None,
) -> int:
    """Index the built site with Pagefind, offline, into ``site_dir/pagefind/``; the number of
    Pagefind runs (shards) it took.

    One index for both languages (``--force-language zh``): Chinese text is segmented into
    words, English is split at spaces, and a query typed on any page searches every page.
    Only the elements marked ``data-pagefind-body`` (the Chinese and English document pages)
    are indexed; the aligned pages repeat them and are left out. ``progress`` wraps the
    shards as they are indexed (a progress bar: ``toolkit.batch.Listener.progress``).
    """
    limit = SHARD_BYTES if shard_bytes is None else shard_bytes
    shards = list(_shards(site_dir, limit))
    if len(shards) <= 1:
        _run(site_dir, site_dir / PAGEFIND_DIR, site_dir)
        return 1
    # Inside the site folder (a dot folder: never published), so that a build killed here
    # leaves nothing outside the staging folder it was writing.
    work = Path(tempfile.mkdtemp(prefix=".search-shards-", dir=site_dir))
    try:
        outs = []
        empty: BuildError | None = None
        for n, pages in enumerate(progress(shards, "indexing search", len(shards), "shards") if progress else shards):
            root, out = work / f"in-{n}", work / f"out-{n}"
            for rel in pages:
                _link(site_dir / rel, root / rel)
            try:
                _run(root, out, site_dir)
            except BuildError as exc:
                # No page of the shard has words (empty bodies): one run over all the pages
                # leaves them out, and so does the merge. Only a site with no page fails.
                if NO_INDEX not in exc.message:
                    raise
                empty = exc
            else:
                outs.append(out)
            shutil.rmtree(root)
        if not outs:
            assert empty is not None
            raise empty
        merged = work / "merged"
        try:
            merge(outs, merged)
        except BuildError as exc:  # it named a shard's folder, removed below
            raise BuildError(exc.message, path=site_dir, hint=exc.hint) from None
        shutil.rmtree(site_dir / PAGEFIND_DIR, ignore_errors=True)
        os.replace(merged, site_dir / PAGEFIND_DIR)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return len(shards)


def _shards(site_dir: Path, limit: int) -> Iterator[list[str]]:
    """The pages Pagefind reads, as lists of paths relative to ``site_dir`` of at most
    ``limit`` bytes each (a page larger than that is a shard of its own). When the pages are
    more than one shard and any of them marks its body (``data-pagefind-body``), a page that
    does not is left out, as one Pagefind run over them all leaves it out (a shard of such
    pages alone would be indexed whole)."""
    pages = [(f"{d}/{p.name}", p) for d in PAGE_DIRS for p in sorted((site_dir / d).glob("*.html"))]
    sizes = [path.stat().st_size for _, path in pages]
    if sum(sizes) > limit:
        marked = [BODY_MARK in path.read_bytes() for _, path in pages]
        if any(marked):
            pages = [page for page, mark in zip(pages, marked, strict=True) if mark]
            sizes = [size for size, mark in zip(sizes, marked, strict=True) if mark]
    shard: list[str] = []
    size = 0
    for (rel, _), weight in zip(pages, sizes, strict=True):
        if shard and size + weight > limit:
            yield shard
            shard, size = [], 0
        shard.append(rel)
        size += weight
    if shard:
        yield shard


def _link(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def _run(site: Path, out: Path, shown: Path) -> None:
    """One Pagefind run over ``site`` into ``out``; errors name ``shown`` (the site)."""
    exe = pagefind_executable()
    cmd = [str(exe), "--site", str(site), "--output-path", str(out), "--force-language", "zh"]
    cmd += ["--glob", PAGEFIND_GLOB]
    # Heading permalinks (¶) are not words of the page.
    cmd += ["--exclude-selectors", ".headerlink", "--quiet"]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, check=False, timeout=3600)
    except OSError as exc:
        raise BuildError(f"could not run Pagefind: {exc}", path=exe) from None
    if done.returncode != 0:
        tail = (done.stderr or done.stdout).strip().splitlines()[-5:]
        raise BuildError("Pagefind failed: " + " / ".join(tail), path=shown)


# ---------------------------------------------------------------------------- the merge


def full_hash(data: bytes) -> str:
    """Pagefind's ``full_hash``: SHA-1, each byte in hex without a leading zero."""
    return "".join(f"{b:x}" for b in hashlib.sha1(data).digest())


def read_pf(path: Path) -> bytes:
    """The payload of a ``.pf_*`` file (gzip of ``pagefind_dcd`` + payload)."""
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(HEADER):
        raise BuildError("not a Pagefind index file (no pagefind_dcd header)", path=path)
    return data[len(HEADER) :]


def write_pf(path: Path, payload: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(HEADER + payload, compresslevel=9, mtime=0))


def _cbor() -> Any:
    try:
        import cbor2
    except ImportError as exc:
        raise BuildError(
            f"cannot merge the search index: {exc}",
            hint="pip install cbor2 (a dependency of the toolkit: reinstall it)",
        ) from None
    return cbor2


class _Names:
    """Short names for hashed files, as Pagefind gives them: ``<lang>_`` + the first 7 hex
    digits of the content's hash, one more digit for each collision with other content."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.taken: dict[str, str] = {}

    def name(self, payload: bytes) -> tuple[str, bool]:
        """The name of ``payload``, and whether it is new (its file still to be written)."""
        full = f"{self.lang}_{full_hash(payload)}"
        short = full[: len(self.lang) + 8]
        while self.taken.get(short, full) != full and len(short) < len(full):
            short = full[: len(short) + 1]
        new = short not in self.taken
        self.taken[short] = full
        return short, new


@dataclass
class _Shard:
    root: Path
    meta: list[Any]
    offset: int
    remap: dict[int, int] | None
    """Meta field ids of this shard → the merged index's, when they differ."""


def merge(shard_dirs: list[Path], out: Path) -> None:
    """Merge the Pagefind bundles in ``shard_dirs`` (each one run's output folder) into one
    bundle in ``out``, as one Pagefind run over all their pages would have written it."""
    entries = [json.loads((d / "pagefind-entry.json").read_text(encoding="utf-8")) for d in shard_dirs]
    version = entries[0]["version"]
    if not str(version).startswith(MAJOR) or any(e["version"] != version for e in entries):
        raise BuildError(
            f"cannot merge Pagefind {sorted({e['version'] for e in entries})} indexes (the merge knows Pagefind 1.x)",
            hint="install the Pagefind the toolkit asks for: pip install 'pagefind[extended]>=1.5,<2'",
        )
    out.mkdir(parents=True)
    # The scripts, styles and WebAssembly: the same in every run.
    for path in sorted(shard_dirs[0].iterdir()):
        if path.is_file() and not path.name.endswith(".pf_meta") and path.name != "pagefind-entry.json":
            shutil.copyfile(path, out / path.name)
    languages: dict[str, Any] = {}
    for lang in sorted({lang for e in entries for lang in e["languages"]}):
        have = [(d, e["languages"][lang]) for d, e in zip(shard_dirs, entries, strict=True) if lang in e["languages"]]
        for d, _ in have:
            for path in d.glob(f"wasm.{lang}*.pagefind"):
                shutil.copyfile(path, out / path.name)
        meta_hash, pages = _merge_language(lang, version, [(d, info["hash"]) for d, info in have], out)
        wasm = next((info.get("wasm") for _, info in have if info.get("wasm")), None)
        languages[lang] = {"hash": meta_hash, "wasm": wasm, "page_count": pages}
    entry = dict(entries[0], languages=languages)
    (out / "pagefind-entry.json").write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), "utf-8")


def _merge_language(lang: str, version: str, metas: list[tuple[Path, str]], out: Path) -> tuple[str, int]:
    cbor2 = _cbor()
    loaded = [(d, cbor2.loads(read_pf(d / f"pagefind.{h}.pf_meta"))) for d, h in metas]
    for d, meta in loaded:
        if len(meta) < 5 or meta[4]:
            raise BuildError("cannot merge a Pagefind index with sort orders (data-pagefind-sort)", path=d)
    fields = sorted({f for _, meta in loaded for f in (meta[5] if len(meta) > 5 else [])})
    shards: list[_Shard] = []
    pages: list[list[Any]] = []
    fragments = _Names(lang)
    for d, meta in loaded:
        own = meta[5] if len(meta) > 5 else []
        remap = None if own == fields else {i: fields.index(f) for i, f in enumerate(own)}
        shards.append(_Shard(d, meta, len(pages), remap))
        for page_hash, word_count in meta[1]:
            source = d / "fragment" / f"{page_hash}.pf_fragment"
            name, new = fragments.name(read_pf(source))
            if new:
                target = out / "fragment" / f"{name}.pf_fragment"
                target.parent.mkdir(exist_ok=True)
                shutil.copyfile(source, target)
            pages.append([name, word_count])
    chunks = _write_chunks(lang, shards, out)
    filters = _merge_filters(lang, shards, out)
    meta_bytes = cbor2.dumps([version, pages, chunks, filters, [], fields])
    meta_hash = f"{lang}_{full_hash(meta_bytes)[: len(lang) + 8]}"
    write_pf(out / f"pagefind.{meta_hash}.pf_meta", meta_bytes)
    return meta_hash, len(pages)


def _words(shard: _Shard) -> Iterator[tuple[str, int, list[Any]]]:
    """The shard's words in order, each as (word, shard's offset, [word, pages, variants])
    with page numbers still delta-encoded within the shard."""
    cbor2 = _cbor()
    for _from, _to, chunk_hash in shard.meta[2]:
        chunk = cbor2.loads(read_pf(shard.root / "index" / f"{chunk_hash}.pf_index"))
        for word in chunk[0]:
            if shard.remap:
                for variant_pages in [word[1]] + [v[1] for v in word[2]]:
                    for page in variant_pages:
                        if len(page) > 2 and page[2]:
                            page[2] = [-shard.remap[-loc - 1] - 1 if loc < 0 else loc for loc in page[2]]
            yield word[0], shard.offset, word


def _join(lists: list[tuple[int, list[Any]]]) -> list[Any]:
    """Page lists of one word from successive shards ((offset, delta-encoded pages)) as one
    delta-encoded list: only the first page of each shard's list moves."""
    joined: list[Any] = []
    last = 0
    for offset, pages in lists:
        if not pages:
            continue
        first = offset + pages[0][0]
        end = offset + sum(page[0] for page in pages)
        pages[0][0] = first - last
        joined.extend(pages)
        last = end
    return joined


def _merged_words(shards: list[_Shard]) -> Iterator[list[Any]]:
    stream = heapq.merge(*(_words(s) for s in shards), key=lambda item: item[0])
    for word, group in itertools.groupby(stream, key=lambda item: item[0]):
        parts = [(offset, packed) for _, offset, packed in group]
        pages = _join([(offset, packed[1]) for offset, packed in parts])
        forms: dict[str, list[tuple[int, list[Any]]]] = {}
        for offset, packed in parts:
            for form, variant_pages in packed[2]:
                forms.setdefault(form, []).append((offset, variant_pages))
        yield [word, pages, [[form, _join(lists)] for form, lists in forms.items()]]


def _write_chunks(lang: str, shards: list[_Shard], out: Path) -> list[list[str]]:
    """Write the merged words in chunks as Pagefind cuts them (a chunk ends once it holds
    as many locations as Pagefind's chunk size); their [from, to, hash] for the metadata."""
    cbor2 = _cbor()
    limit = int(os.environ.get(CHUNK_SIZE, "") or 20_000)
    names = _Names(lang)
    metas: list[list[str]] = []
    chunk: list[Any] = []
    size = 0

    def flush() -> None:
        payload = cbor2.dumps([chunk])
        name, new = names.name(payload)
        if new:
            write_pf(out / "index" / f"{name}.pf_index", payload)
        metas.append([chunk[0][0], chunk[-1][0], name])

    for word in _merged_words(shards):
        size += sum(len(page[1]) + (len(page[2]) if len(page) > 2 else 0) + 1 for page in word[1])
        chunk.append(word)
        if size >= limit:
            flush()
            chunk, size = [], 0
    if chunk:
        flush()
    # Chunk bounds trimmed to the shortest prefixes that still tell neighbours apart, as
    # Pagefind's ``chunk_meta`` does (the browser picks chunks by these).
    for left, right in itertools.pairwise(metas):
        a, b = _prefixes(left[1], right[0])
        if a >= left[0]:
            left[1] = a
        right[0] = b
    return metas


def _prefixes(a: str, b: str) -> tuple[str, str]:
    common = 0
    for x, y in zip(b, a, strict=False):
        if x != y:
            break
        common += 1
    return a[: common + 1], b[: common + 1]


def _merge_filters(lang: str, shards: list[_Shard], out: Path) -> list[list[str]]:
    cbor2 = _cbor()
    values: dict[str, dict[str, list[int]]] = {}
    for shard in shards:
        for name, filter_hash in shard.meta[3]:
            packed = cbor2.loads(read_pf(shard.root / "filter" / f"{filter_hash}.pf_filter"))
            for value, numbers in packed[1]:
                values.setdefault(name, {}).setdefault(value, []).extend(shard.offset + n for n in numbers)
    names = _Names(lang)
    metas = []
    for name in sorted(values):
        payload = cbor2.dumps([name, [[v, values[name][v]] for v in sorted(values[name])]])
        short, new = names.name(payload)
        if new:
            write_pf(out / "filter" / f"{short}.pf_filter", payload)
        metas.append([name, short])
    return metas


def decode_index(bundle: Path) -> dict[str, Any]:
    """A Pagefind bundle as plain data, page numbers replaced by the pages' URLs: for each
    language, its pages {url: word count}, words {word: {url: [locs, meta locs by field
    name]}} with their variants and the chunk holding them, and filters {filter: {value: [urls]}}. Two bundles of the
    same pages give equal data however they were built (tests and benchmarks compare them)."""
    cbor2 = _cbor()
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    result: dict[str, Any] = {}
    for lang, info in entry["languages"].items():
        meta = cbor2.loads(read_pf(bundle / f"pagefind.{info['hash']}.pf_meta"))
        urls = [json.loads(read_pf(bundle / "fragment" / f"{h}.pf_fragment"))["url"] for h, _ in meta[1]]
        fields = meta[5] if len(meta) > 5 else []

        def pages_of(packed: list[Any], urls: list[str] = urls, fields: list[str] = fields) -> dict[str, Any]:
            found, number = {}, 0
            for page in packed:
                number += page[0]
                metas, field = [], None
                for loc in page[2] if len(page) > 2 else []:
                    if loc < 0:
                        field = fields[-loc - 1]
                    else:
                        metas.append((field, loc))
                found[urls[number]] = [list(page[1]), sorted(metas)]
            return found

        words: dict[str, Any] = {}
        for _from, _to, chunk_hash in meta[2]:
            for word, packed, variants in cbor2.loads(read_pf(bundle / "index" / f"{chunk_hash}.pf_index"))[0]:
                assert word not in words, word
                found = {"pages": pages_of(packed), "variants": {f: pages_of(p) for f, p in variants}}
                words[word] = dict(found, chunk=chunk_hash)
        filters = {}
        for name, filter_hash in meta[3]:
            packed = cbor2.loads(read_pf(bundle / "filter" / f"{filter_hash}.pf_filter"))
            filters[name] = {value: sorted(urls[n] for n in numbers) for value, numbers in packed[1]}
        pages = {url: wc for url, (_, wc) in zip(urls, meta[1], strict=True)}
        result[lang] = {"pages": pages, "words": words, "filters": filters, "chunks": meta[2]}
    return result
