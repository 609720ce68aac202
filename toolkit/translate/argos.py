"""Argos Translate packages: listing, installing, and translating with CTranslate2 directly.

Packages are found and installed through ``argostranslate.package`` (so Argos's own
settings and environment variables — ``ARGOS_PACKAGES_DIR``, ``XDG_DATA_HOME`` … — decide
where they live). Translation does not go through ``argostranslate.translate`` (which
imports stanza, spaCy and torch and wants to download a sentence splitter): it loads the
package's ``model/`` with ``ctranslate2.Translator`` and its ``sentencepiece.model``, and
translates all segments of a run in one batched call.
"""

from __future__ import annotations

import os
import unicodedata
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..backends import Opened, Request, Unavailable
from ..document import Segment, TermMatch
from ..errors import ModelError
from ..numbers import ZH_NUMBER, english_amount
from ..qa import missing_numbers

INSTALL_HINT = (
    "install a zh→en model: `toolkit models install translate-zh_en` (needs network) "
    "or `toolkit models install FILE.argosmodel`"
)


@dataclass(frozen=True, slots=True)
class ModelInfo:
    name: str
    from_code: str
    to_code: str
    version: str
    path: Path
    target_prefix: str = ""

    @property
    def label(self) -> str:
        return f"{self.name} {self.version}".strip()


def _package_module() -> Any:
    import argostranslate.package

    return argostranslate.package


def installed_models() -> list[ModelInfo]:
    """Installed Argos packages (every directory Argos looks in)."""
    pkg = _package_module()
    from argostranslate import settings

    models: list[ModelInfo] = []
    for directory in settings.package_dirs:
        if not Path(directory).is_dir():
            continue
        for path in sorted(Path(directory).iterdir()):
            if not path.is_dir():
                continue
            try:
                p = pkg.Package(path)
            except (FileNotFoundError, ValueError, OSError) as exc:
                raise ModelError(
                    f"broken Argos package: {exc}", path=path, hint="remove the folder or reinstall the package"
                ) from None
            models.append(
                ModelInfo(
                    name=path.name,
                    from_code=p.from_code or "",
                    to_code=p.to_code or "",
                    version=str(p.package_version or ""),
                    path=path,
                    target_prefix=p.target_prefix or "",
                )
            )
    return models


def find_zh_en() -> ModelInfo | None:
    for m in installed_models():
        if m.from_code == "zh" and m.to_code == "en":
            return m
    return None


def open_backend(request: Request) -> Opened:
    """The ``argos`` row of :data:`toolkit.backends.BACKENDS`: the installed zh→en package."""
    info = find_zh_en()
    if info is None:
        raise Unavailable(
            "no zh→en Argos package is installed", why="no zh→en Argos model is installed", hint=INSTALL_HINT
        )
    device, note = resolve_device(request.device)
    backend = ArgosBackend(info, beam_size=request.beam_size, device=device)
    return Opened(backend, f"Argos package {info.label} is installed", note or f"device: {device}")


def install_file(path: Path) -> ModelInfo:
    """Install a local ``.argosmodel`` file (offline)."""
    if not path.is_file():
        raise ModelError("no such model file", path=path, hint=INSTALL_HINT)
    if not zipfile.is_zipfile(path):
        raise ModelError("not an Argos package (a .argosmodel is a zip archive)", path=path)
    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
    tops = {n.split("/", 1)[0] for n in names}
    if len(tops) != 1 or not any(n.endswith("/metadata.json") and n.count("/") == 1 for n in names):
        raise ModelError(
            "package must hold one top-level folder with metadata.json in it",
            path=path,
            hint="zip the package folder itself, not its contents",
        )
    before = {m.path for m in installed_models()}
    _package_module().install_from_path(path)
    new = [m for m in installed_models() if m.path not in before or m.name in tops]
    if not new:
        raise ModelError("package did not install", path=path)
    return new[0]


def install_from_index(name: str, timeout: float = 30.0) -> ModelInfo:
    """Install a package by name (``translate-zh_en``) from the Argos index; needs the network.

    The index is fetched here, with a timeout, rather than by ``update_package_index``
    (which swallows errors, after which ``get_available_packages`` recurses forever).
    """
    import urllib.error
    import urllib.request

    pkg = _package_module()
    from argostranslate import settings

    url = settings.remote_package_index
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            data = response.read()
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise ModelError(
            f"cannot reach the Argos package index at {url} ({reason})",
            hint="without network, download the .argosmodel elsewhere and run `toolkit models install FILE`",
        ) from None
    Path(settings.local_package_index).parent.mkdir(parents=True, exist_ok=True)
    Path(settings.local_package_index).write_bytes(data)
    try:
        available = pkg.get_available_packages()
    except ValueError as exc:
        raise ModelError(f"the Argos package index is not valid JSON ({exc})", hint=INSTALL_HINT) from None
    wanted = name.removeprefix("translate-")
    for ap in available:
        if f"{ap.from_code}_{ap.to_code}" == wanted:
            try:
                downloaded = ap.download()
            except Exception as exc:  # argostranslate raises bare Exceptions for failed downloads
                raise ModelError(f"download of {name} failed ({type(exc).__name__})", hint=INSTALL_HINT) from None
            return install_file(Path(downloaded))
    raise ModelError(
        f"no package {name!r} in the Argos index",
        hint="names look like translate-zh_en (from_to language codes)",
    )


def remove(name: str) -> ModelInfo:
    for m in installed_models():
        if m.name == name or f"translate-{m.from_code}_{m.to_code}" == name:
            import shutil

            shutil.rmtree(m.path)
            return m
    raise ModelError(f"no installed package {name!r}", hint="see `toolkit models list`")


class ArgosBackend:
    """Neural MT with an installed Argos package, driven through CTranslate2 directly.

    All pending segments of a run are sorted by length and translated in token-sized
    batches (``translate_batch`` with ``batch_type="tokens"``), one call per chunk of
    ``chunk_tokens`` source tokens: each chunk gets a decoding-length guard relative to its
    own longest source, and its results reach the translation memory as soon as it is done
    (a killed run keeps them). Glossary terms are put in through the model's attention.

    ``batch_tokens`` 1024: measured on transformer-base, beam 4, 2 cores: ~10% faster than
    256 or 4096, and half the peak memory of 2048. A chunk also ends where the guard grows by
    :data:`GUARD_SPREAD`, so a chunk of short segments is not decoded to a long one's guard.
    """

    engine = "argos"

    def __init__(
        self,
        info: ModelInfo,
        beam_size: int = 2,
        batch_tokens: int = 1024,
        chunk_tokens: int = 8192,
        threads: int | None = None,
        device: str = "cpu",
    ) -> None:
        self.info = info
        self.device = device
        """``cpu`` or ``cuda`` (resolved by :func:`resolve_device`): int8 on CPU, int8_float16 on CUDA."""
        self.model = info.label
        self.beam_size = beam_size
        self.batch_tokens = batch_tokens
        self.chunk_tokens = chunk_tokens
        self.threads = threads or os.cpu_count() or 1
        self._translator: Any = None
        self._sp: Any = None

    def __getstate__(self) -> dict[str, Any]:
        """Pickled (for a Ray worker) without the loaded model: each worker loads its own."""
        state = dict(self.__dict__)
        state.update(_translator=None, _sp=None)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)

    def _load_sp(self) -> None:
        if self._sp is not None:
            return
        import sentencepiece

        sp_path = self.info.path / "sentencepiece.model"
        if not sp_path.is_file():
            raise ModelError("package has no sentencepiece.model", path=self.info.path, hint=INSTALL_HINT)
        try:
            self._sp = sentencepiece.SentencePieceProcessor(model_file=str(sp_path))
        except (RuntimeError, ValueError, OSError) as exc:
            raise ModelError(f"cannot load the model: {exc}", path=self.info.path, hint=INSTALL_HINT) from None

    def _load(self) -> None:
        if self._translator is not None:
            return
        import ctranslate2

        model_dir = self.info.path / "model"
        sp_path = self.info.path / "sentencepiece.model"
        if not model_dir.is_dir() or not sp_path.is_file():
            raise ModelError(
                "package has no model/ folder or sentencepiece.model", path=self.info.path, hint=INSTALL_HINT
            )
        self._load_sp()
        try:
            self._translator = ctranslate2.Translator(
                str(model_dir),
                device=self.device,
                compute_type=COMPUTE_TYPES[self.device],
                inter_threads=1,
                intra_threads=self.threads,
            )
        except (RuntimeError, ValueError, OSError) as exc:
            raise ModelError(f"cannot load the model: {exc}", path=self.info.path, hint=INSTALL_HINT) from None

    def translate(self, segments: Sequence[Segment]) -> Iterator[tuple[int, str]]:
        """Yield ``(index, english)`` for every segment, chunk by chunk (shortest first)."""
        if not segments:
            return
        self._load()
        encoded, pieces = self._encode(segments)
        for chunk in self._plan(pieces):
            batch = [pieces[i] for i in chunk]
            longest = max(len(b) for b in batch)
            results = self._translator.translate_batch(
                batch,
                target_prefix=[[self.info.target_prefix]] * len(batch) if self.info.target_prefix else None,
                beam_size=self.beam_size,
                max_batch_size=self.batch_tokens,
                batch_type="tokens",
                # Argos has no guard: a model that starts repeating decodes up to its limit.
                max_decoding_length=max_target_length(longest),
                return_attention=any(segments[i].terms or has_number(segments[i].zh) for i in chunk),
            )
            for i, result in zip(chunk, results, strict=True):
                yield i, self._finish(segments[i], encoded[i], result)

    def _encode(self, segments: Sequence[Segment]) -> tuple[list[Any], list[list[str]]]:
        encoded = [self._sp.encode(s.zh, out_type="proto") for s in segments]
        return encoded, [[p.piece for p in e.pieces] or ["▁"] for e in encoded]

    def _plan(self, pieces: list[list[str]]) -> Iterator[list[int]]:
        order = sorted(range(len(pieces)), key=lambda i: len(pieces[i]))
        lengths = [len(p) for p in pieces]
        return _chunks(order, lengths, self.chunk_tokens, self.batch_tokens, GUARD_SPREAD)

    def plan(self, segments: Sequence[Segment]) -> list[list[int]]:
        """The chunks :meth:`translate` would send to the engine, as lists of indices into
        ``segments`` (shortest first). Translating one chunk's segments alone gives each the
        English it gets in the whole run (the chunk is planned again as itself): an executor
        that spreads chunks over workers gets the local run's output."""
        if not segments:
            return []
        self._load_sp()
        return list(self._plan(self._encode(segments)[1]))

    def _finish(self, seg: Segment, encoded: Any, result: Any) -> str:
        tokens = list(result.hypotheses[0])
        attention = list(result.attention[0]) if result.attention else []
        if self.info.target_prefix and tokens and tokens[0] == self.info.target_prefix:
            tokens, attention = tokens[1:], attention[1:]
        limit = max_target_length(len(encoded.pieces))
        tokens, attention = trim_repetition(tokens[:limit]), attention[:limit]
        attention = attention[: len(tokens)]
        numbers = number_terms(seg, str(self._sp.decode(tokens))) if has_number(seg.zh) else ()
        if not seg.terms and not numbers:
            return str(self._sp.decode(tokens))
        return self._with_terms(replace(seg, terms=seg.terms + numbers), encoded, tokens, attention)

    def _with_terms(self, seg: Segment, encoded: Any, tokens: list[str], attention: list[list[float]]) -> str:
        """Put every glossary term in: the target tokens the model aligned to the term's
        source pieces (argmax of attention) are replaced by the glossary English."""
        plain = str(self._sp.decode(tokens))
        spans: list[tuple[int, int, str]] = []
        for term in seg.terms:
            if term.en.lower() in plain.lower():
                continue
            start = seg.zh.find(term.zh) if term.start < 0 else term.start
            b0 = len(seg.zh[:start].encode())
            b1 = b0 + len(seg.zh[start : start + len(term.zh)].encode())
            src = {j for j, p in enumerate(encoded.pieces) if p.begin < b1 and p.end > b0}
            spans.append((*_aligned_span(attention, src, len(tokens)), term.en))
        if not spans:
            return plain
        spans.sort()
        parts: list[str] = []
        pos = 0
        for a, b, en in spans:
            if a < pos:  # overlaps a span already replaced: insert after it
                a = b = pos
            parts += [str(self._sp.decode(tokens[pos:a])), en]
            pos = max(pos, b)
        parts.append(str(self._sp.decode(tokens[pos:])))
        return " ".join(p.strip() for p in parts if p.strip())


DEVICES = ("cpu", "cuda", "auto")
"""What ``--device`` and the ``device`` setting accept."""

COMPUTE_TYPES = {"cpu": "int8", "cuda": "int8_float16"}
"""CTranslate2's compute type per device: int8 weights, float16 activations on a GPU."""


def cuda_devices() -> int:
    """How many CUDA GPUs CTranslate2 can use here (0 without a GPU or a CUDA build)."""
    import ctranslate2

    try:
        return int(ctranslate2.get_cuda_device_count())
    except RuntimeError:
        return 0


def resolve_device(device: str) -> tuple[str, str | None]:
    """``device`` (``cpu``, ``cuda`` or ``auto``) made concrete, and a note when ``auto`` fell
    back to the CPU; ``cuda`` with no GPU is a :class:`~toolkit.errors.ConfigError` (exit 2)."""
    from ..errors import ConfigError

    if device not in DEVICES:
        raise ConfigError(f"unknown --device {device!r}", hint="use --device cpu, cuda or auto")
    if device == "cpu":
        return "cpu", None
    if cuda_devices() > 0:
        return "cuda", None
    if device == "cuda":
        raise ConfigError(
            "--device cuda: no CUDA GPU is visible to CTranslate2", hint="use --device cpu, or --device auto"
        )
    return "cpu", "device: auto → cpu (no CUDA GPU is visible to CTranslate2)"


def has_number(zh: str) -> bool:
    return ZH_NUMBER.search(zh) is not None


def number_terms(seg: Segment, english: str) -> tuple[TermMatch, ...]:
    """The numbers of ``seg``'s Chinese that the model's ``english`` does not carry (QA's
    :func:`toolkit.qa.missing_numbers`), as terms to put in the way glossary terms are: a 亿/万
    amount as English writes it (1328亿 → 132.8 billion), a percentage with its sign, any other
    number as written. So "1328 billion" or a dropped year becomes the right number."""
    missing = set(missing_numbers(seg.zh, english))
    out = []
    for m in ZH_NUMBER.finditer(seg.zh):
        text = unicodedata.normalize("NFKC", m.group(0)).strip()
        if text not in missing:
            continue
        digits, unit = unicodedata.normalize("NFKC", m.group(1) + (m.group(2) or "")), m.group(3) or ""
        en = digits + "%" if unit in ("%", "％") else english_amount(digits, unit)
        out.append(TermMatch(zh=m.group(0).strip(), en=en, start=m.start()))
    return tuple(out)


GUARD_SPREAD = 1.2
"""A chunk ends where the guard grows by a fifth (once it fills a batch): measured on the
benchmark's transformer-base package, 13% fewer decoding steps than 8,192-token chunks."""


def max_target_length(source_tokens: int) -> int:
    """Decoding-length guard: English rarely needs more than twice the Chinese pieces."""
    return min(1024, 2 * source_tokens + 10)


def trim_repetition(tokens: list[str], max_unit: int = 4, min_repeats: int = 3) -> list[str]:
    """Cut a run of the same 1–4-token unit repeated ``min_repeats``+ times at the end to one."""
    for unit in range(1, max_unit + 1):
        reps = 1
        while len(tokens) >= unit * (reps + 1) and (
            tokens[len(tokens) - unit * (reps + 1) : len(tokens) - unit * reps] == tokens[len(tokens) - unit :]
        ):
            reps += 1
        if reps >= min_repeats:
            return tokens[: len(tokens) - unit * (reps - 1)]
    return tokens


def _aligned_span(attention: list[list[float]], src: set[int], n_tokens: int) -> tuple[int, int]:
    """The target token range [a, b) whose attention peaks on the source pieces ``src``."""
    if not attention or not src:
        return n_tokens, n_tokens  # nothing to align with: the term goes at the end
    peaks = [t for t, row in enumerate(attention) if row and max(range(len(row)), key=row.__getitem__) in src]
    if peaks:
        # The contiguous run around the strongest peak.
        best = max(peaks, key=lambda t: sum(attention[t][j] for j in src if j < len(attention[t])))
        a = b = best
        while a - 1 in peaks:
            a -= 1
        while b + 1 in peaks:
            b += 1
        return a, b + 1
    best = max(range(len(attention)), key=lambda t: sum(attention[t][j] for j in src if j < len(attention[t])))
    return best, best  # no token belongs to the term: insert it where the term is attended most


def _chunks(
    order: list[int], lengths: list[int], max_tokens: int, min_tokens: int = 0, spread: float = 0.0
) -> Iterator[list[int]]:
    """Consecutive runs of ``order`` (sorted by length) of at most ``max_tokens`` source tokens;
    with ``spread``, a run of ``min_tokens`` or more also ends where the guard would grow past
    ``spread`` times its first segment's, so that the run's one guard stays close to each
    segment's own (decoding past it is work the trim throws away)."""
    chunk: list[int] = []
    tokens = 0
    for i in order:
        first = lengths[chunk[0]] if chunk else 0
        grows = spread > 0 and max_target_length(lengths[i]) > spread * max_target_length(first)
        if chunk and (tokens + lengths[i] > max_tokens or (tokens >= min_tokens and grows)):
            yield chunk
            chunk, tokens = [], 0
        chunk.append(i)
        tokens += lengths[i]
    if chunk:
        yield chunk
