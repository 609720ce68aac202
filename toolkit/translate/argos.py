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
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..document import Segment
from ..errors import ModelError

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
    """Neural MT with an installed Argos package, driven through CTranslate2 directly."""

    engine = "argos"

    def __init__(self, info: ModelInfo, beam_size: int = 2) -> None:
        self.info = info
        self.model = info.label
        self.beam_size = beam_size
        self._translator: Any = None
        self._sp: Any = None

    def _load(self) -> None:
        if self._translator is not None:
            return
        import ctranslate2
        import sentencepiece

        model_dir = self.info.path / "model"
        sp_path = self.info.path / "sentencepiece.model"
        if not model_dir.is_dir() or not sp_path.is_file():
            raise ModelError(
                "package has no model/ folder or sentencepiece.model", path=self.info.path, hint=INSTALL_HINT
            )
        try:
            self._translator = ctranslate2.Translator(
                str(model_dir), device="cpu", compute_type="auto", intra_threads=os.cpu_count() or 1
            )
        except (RuntimeError, ValueError) as exc:
            raise ModelError(f"cannot load CTranslate2 model: {exc}", path=model_dir, hint=INSTALL_HINT) from None
        self._sp = sentencepiece.SentencePieceProcessor(model_file=str(sp_path))

    def translate(self, segments: list[Segment]) -> list[str]:
        if not segments:
            return []
        self._load()
        sources = [self._sp.encode(s.zh, out_type=str) for s in segments]
        order = sorted(range(len(sources)), key=lambda i: len(sources[i]))
        batch = [sources[i] for i in order]
        prefix = [[self.info.target_prefix]] * len(batch) if self.info.target_prefix else None
        max_len = max(len(s) for s in batch)
        results = self._translator.translate_batch(
            batch,
            target_prefix=prefix,
            beam_size=self.beam_size,
            max_batch_size=4096,
            batch_type="tokens",
            # Guard against runaway repetition: at most ~2× the source length (+ slack).
            max_decoding_length=min(512, 2 * max_len + 10),
            repetition_penalty=1.0,
        )
        out = [""] * len(segments)
        for i, r in zip(order, results, strict=True):
            tokens = r.hypotheses[0]
            if self.info.target_prefix and tokens and tokens[0] == self.info.target_prefix:
                tokens = tokens[1:]
            out[i] = self._sp.decode(tokens)
        return out
