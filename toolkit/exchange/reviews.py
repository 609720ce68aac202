"""Review files out (:func:`export`) and back in (:func:`plan_import`, :func:`apply`).

What an import does with each unit of a returned file:

- an id that names no segment of the current documents, an empty target on a unit marked as
  translated, a target that is still Chinese: the unit is refused (:class:`ExchangeError`,
  exit 1); a file that cannot be read at all is unusable (exit 2). Either way **nothing** is
  stored: the import is all or nothing.
- a unit whose source is no longer the segment's current Chinese becomes a *fuzzy
  suggestion*: listed, and stored as the review of the source it was made for (which it is),
  never of the current one; the next build offers it for the current segment as a fuzzy
  match (state ``fuzzy``, with its score) when the two are alike enough and it passes QA.
- a unit not translated (no target, or the source copied into the target by a CAT tool, on a
  unit still marked new) is skipped.
- a target that differs from the English exported becomes a review: ``final`` when the file
  signs it off (XLIFF ``final`` / ``signed-off``), else ``reviewed``.
- an unchanged target becomes a review only when the file marks it as a person's work and
  that is news: a machine, gloss or fuzzy unit marked translated, reviewed or final (the
  translator accepted the pre-filled English), or a reviewed unit now final. An unchanged
  target still marked as needing review (XLIFF 2.0 ``subState toolkit:machine``, XLIFF 1.2
  ``needs-review-translation``, PO ``fuzzy``) is machine English and stays so.
"""

from __future__ import annotations

import getpass
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ConfigError, ExchangeError, ToolkitError
from ..glossary import Glossary
from ..tm import Review, TranslationMemory, source_key
from .units import DocUnits, ReturnedFile

FORMATS = {"xliff": ".xlf", "xliff12": ".xlf", "po": ".po"}
"""``--format`` → the suffix of the files written."""


# --- export ----------------------------------------------------------------------------------


def render(docs: list[DocUnits], fmt: str) -> bytes:
    """``docs`` as one review file in ``fmt`` (``xliff``, ``xliff12``, ``po``)."""
    if fmt == "xliff":
        from .xliff import xliff2_bytes

        return xliff2_bytes(docs)
    if fmt == "xliff12":
        from .xliff import xliff12_bytes

        return xliff12_bytes(docs)
    if fmt == "po":
        from .po import po_bytes

        return po_bytes(docs)
    raise ConfigError(f"unknown review format {fmt!r}", hint="use --format xliff, xliff12 or po")


def export(docs: list[DocUnits], output: Path, fmt: str) -> list[Path]:
    """Write ``docs`` for review: into one file ``output``, or one file per document when
    ``output`` is a folder (an existing one, or a path with no suffix)."""
    from ..files import output_path, write_atomic

    suffix = FORMATS.get(fmt)
    if suffix is None:
        render(docs, fmt)  # raises, naming the formats
    if output.is_dir() or (not output.exists() and not output.suffix):
        output.mkdir(parents=True, exist_ok=True)
        written = []
        for doc in docs:
            path = output_path(output, doc.meta.slug, str(suffix))
            write_atomic(path, render([doc], fmt))
            written.append(path)
        return written
    write_atomic(output, render(docs, fmt))
    return [output]


# --- import ----------------------------------------------------------------------------------


def read_file(path: Path, max_bytes: int) -> ReturnedFile:
    """A review file read back, by its suffix (``.po``) or its XLIFF version."""
    from ..files import read_input

    try:
        data = read_input(path, max_bytes, error=ExchangeError)
    except ExchangeError as err:
        raise ExchangeError(err.message, path=path, hint=err.hint, usable=False) from None
    if path.suffix.lower() in (".po", ".pot"):
        from .po import read_po

        return read_po(path, data)
    from .xliff import read_xliff2, read_xliff12

    root = re.search(rb"<(?:\w+:)?xliff\b[^>]*", data[:4096])
    version = re.search(rb"""\bversion\s*=\s*["'](\d)""", root.group()) if root else None
    if version and version.group(1) == b"1":
        return read_xliff12(path, data)
    if version and version.group(1) == b"2":
        return read_xliff2(path, data)
    raise ExchangeError(
        "not an XLIFF 1.2 or 2.0 file, nor PO (.po)", path=path, usable=False, hint="pass a file `review export` wrote"
    )


HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")


def mostly_chinese(text: str) -> bool:
    """Whether at least half of ``text``'s letters are Han characters: not English yet."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(1 for c in letters if HAN.match(c)) * 2 >= len(letters)


def _same(a: str, b: str) -> bool:
    return a.split() == b.split()


@dataclass
class Plan:
    """What an import would do: reviews to store, suggestions, skips and refusals."""

    reviews: list[tuple[Path, str, Review]] = field(default_factory=list)
    """(file, unit id, review) for each review to store."""
    suggestions: list[dict[str, str]] = field(default_factory=list)
    """Units whose source changed since export: ``{"file", "unit", "zh", "current", "en"}``."""
    stale: list[Review] = field(default_factory=list)
    """Their reviews, of the source they were made for (fuzzy matches for the current one)."""
    unchanged: int = 0
    untranslated: int = 0
    errors: list[ExchangeError] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return max((e.exit_code for e in self.errors), default=0)


def plan_import(
    files: Sequence[Path], current: dict[str, str], reviewer: str | None = None, max_bytes: int = 50 * 2**20
) -> Plan:
    """Read every file and decide, unit by unit, what the import stores (nothing yet).
    ``current``: unit id → the segment's current Chinese (:func:`units.current_sources`)."""
    plan = Plan()
    for path in files:
        try:
            returned = read_file(path, max_bytes)
        except ExchangeError as err:
            plan.errors.append(err)
            continue
        except ToolkitError as err:
            plan.errors.append(ExchangeError(err.message, path=path, hint=err.hint, usable=False))
            continue
        who = reviewer or returned.translator or _os_user()
        seen: set[str] = set()
        for unit in returned.units:
            _plan_unit(plan, path, unit, current, who, seen)
    return plan


def _plan_unit(plan: Plan, path: Path, unit: object, current: dict[str, str], who: str, seen: set[str]) -> None:
    from .units import Returned

    assert isinstance(unit, Returned)
    uid = unit.id
    if not uid:
        plan.errors.append(ExchangeError("a unit without an id", path=path, hint="export again"))
        return
    if uid in seen:
        plan.errors.append(ExchangeError("the id appears twice in the file", path=path, unit=uid))
        return
    seen.add(uid)
    if uid not in current:
        plan.errors.append(
            ExchangeError(
                "no such segment in the current documents",
                path=path,
                unit=uid,
                hint="pass --input with the documents it was exported from",
            )
        )
        return
    en = unit.en.strip()
    if unit.mark == "new" and (not en or _same(en, unit.zh)):
        plan.untranslated += 1  # not translated yet (a CAT tool may copy the source over)
        return
    if not en:
        plan.errors.append(ExchangeError("empty target on a unit marked translated", path=path, unit=uid))
        return
    if mostly_chinese(en):
        plan.errors.append(
            ExchangeError("the target is still Chinese", path=path, unit=uid, hint="translate it or mark it new")
        )
        return
    state = "final" if unit.mark == "final" else "reviewed"
    changed = not _same(en, unit.exported_en)
    human = unit.mark in ("translated", "reviewed", "final") and unit.exported_state != state
    if not changed and not human:
        plan.unchanged += 1
        return
    if source_key(unit.zh) != source_key(current[uid]):
        plan.suggestions.append({"file": str(path), "unit": uid, "zh": unit.zh, "current": current[uid], "en": unit.en})
        plan.stale.append(Review(unit.zh, unit.en, state, who, origin=path.name))
        return
    plan.reviews.append((path, uid, Review(current[uid], unit.en, state, who, origin=path.name)))


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name for this uid (a container)
        return ""


def apply(plan: Plan, memory: TranslationMemory) -> int:
    """Store the plan's reviews in one transaction; how many. Refuses (stores nothing) when
    the plan has errors."""
    if plan.errors:
        raise plan.errors[0]
    return memory.add_reviews([*plan.stale, *(review for _, _, review in plan.reviews)]) - len(plan.stale)


def review_problems(plan: Plan, glossary: Glossary) -> list[tuple[Path, str, str, str]]:
    """QA (:mod:`toolkit.qa`) of every review the plan stores, against its source and the
    glossary terms in it: (file, unit id, check, detail). Reported, not refused: the reviewer's
    English may rightly differ (a term the context renders otherwise)."""
    from ..document import Segment
    from ..qa import segment_problems

    out: list[tuple[Path, str, str, str]] = []
    for path, uid, review in plan.reviews:
        seg = Segment(uid, review.zh, review.en, tuple(glossary.match(review.zh)), review.provenance())
        out.extend((path, uid, check, detail) for check, detail in segment_problems(seg, glossary.version))
    return out


def with_glossary(plan: Plan, version: str) -> Plan:
    """``plan`` with every review recording the glossary version it was imported under."""
    from dataclasses import replace

    plan.reviews = [(path, uid, replace(r, glossary=version)) for path, uid, r in plan.reviews]
    plan.stale = [replace(r, glossary=version) for r in plan.stale]
    return plan
