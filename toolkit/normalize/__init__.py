"""Stage 2, normalise: one script (mainland Simplified), mainland wording, one punctuation style.

Per document:

1. **Detect** (:func:`detect`) the script, by characters only one script uses (those OpenCC
   ``t2s`` changes are Traditional, those ``s2t``, ``s2tw`` and ``s2hk`` all change are
   Simplified; the majority wins), and the region, by words only Taiwan or Hong Kong use
   (``data/region_markers.tsv``: 軟體, 網路, 演算法 … / 數碼, 私隱, 質素 …). Together they
   choose the OpenCC conversion:

   ===========  ========  ================================================================
   script       region    conversion
   ===========  ========  ================================================================
   traditional  taiwan    ``tw2sp`` (Taiwan phrasing → mainland: 軟體 → 软件, 演算法 → 算法)
   traditional  hongkong  ``hk2s``
   traditional  mainland  ``t2s``
   simplified   taiwan    ``tw2sp``, after ``s2tw`` (a Taiwan page already in Simplified
                          characters: 软体, 网路 → 软件, 网络)
   simplified   hongkong  ``hk2s``, after ``s2hk``
   simplified   mainland  ``t2s`` if a Traditional character is left, else ``none``
   ===========  ========  ================================================================

   ``script`` (``toolkit normalize --script``) overrides the conversion, not the detection.
2. **Punctuation and spacing** (:func:`normalize_punctuation`), in Chinese context: ASCII
   ``, : ; ? ! ( )`` → ``，：；？！（）``; ASCII kept inside numbers, times, dates, versions, Latin
   words, URLs and e-mail addresses; 「」『』 → “”‘’ for Simplified output; full-width digits and
   Latin letters → half-width; full-width spaces and indentation collapsed.
3. **Script** (:func:`convert_script`): OpenCC, plus the reviewed fixes in
   ``data/conversion_fixes.tsv`` where OpenCC is wrong for policy text (核心 must not become 内核)
   or leaves Taiwan / Hong Kong wording (雲端運算 → 云计算). Latin letters never go through
   OpenCC (nor do they change: B肝 stays B肝); OpenCC leaves digits and ASCII punctuation alone.

Every rule reports what it changes to an optional ``record`` callback as it makes the change, so
:func:`normalize_report` (``toolkit normalize --report``) lists each change (rule, before, after,
line) from the same code that makes it. Normalising a normalised document changes nothing.

One file per concern:

* :mod:`.detection` — script and region (:func:`detect`), and the conversion they call for;
* :mod:`.convert` — OpenCC and the reviewed fixes (:func:`convert_script`);
* :mod:`.tables` — the fixes and region markers, read from their data files in ``toolkit/data/``;
* :mod:`.punctuation` — punctuation, width and spacing (:func:`normalize_punctuation`);
* :mod:`.report` — the ``record`` callback, :class:`Change` and :class:`Report`;
* :mod:`.stage` — the stage function, :func:`normalize` and :func:`normalize_report`.
"""

from __future__ import annotations

from .convert import CONVERSIONS, convert_script
from .convert import _opencc as _opencc  # the tests convert with OpenCC alone through it
from .detection import Detection, detect, detect_script
from .punctuation import normalize_punctuation
from .report import Change, Record, Report
from .stage import normalize, normalize_report, normalize_text
from .tables import Fix, Marker, conversion_fixes, load_fixes, load_markers, region_markers

__all__ = [
    "CONVERSIONS",
    "Change",
    "Detection",
    "Fix",
    "Marker",
    "Record",
    "Report",
    "conversion_fixes",
    "convert_script",
    "detect",
    "detect_script",
    "load_fixes",
    "load_markers",
    "normalize",
    "normalize_punctuation",
    "normalize_report",
    "normalize_text",
    "region_markers",
]
