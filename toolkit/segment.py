"""Stage 3, segment: split each block into sentences, the unit of translation.

Chinese sentences end at 。！？； (and their ASCII forms), with any closing quotes or
brackets that follow kept on the sentence they close. Headings and list items stay one
segment each. Ids are ``p<block>s<sentence>``, stable for a given cleaned document.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .document import Block, Document, Segment

_SENTENCE = re.compile(r"[^。！？；!?;…]*(?:[。！？；!?;]+|…+|$)[”’」』）)》]*")


def split_sentences(text: str) -> list[str]:
    """Split Chinese text into sentences; joining the result gives back ``text``."""
    parts = [m.group(0) for m in _SENTENCE.finditer(text) if m.group(0)]
    # Keep whitespace-only pieces attached to the sentence before them.
    out: list[str] = []
    for p in parts:
        if out and not p.strip():
            out[-1] += p
        else:
            out.append(p)
    return out or ([text] if text else [])


def segment(doc: Document) -> Document:
    if any(b.segments for b in doc.blocks):
        return doc  # already segmented: keep existing translations
    blocks: list[Block] = []
    for bi, block in enumerate(doc.blocks):
        pieces = [block.text] if block.kind == "heading" else split_sentences(block.text)
        segs = tuple(Segment(id=f"p{bi}s{si}", zh=p.strip()) for si, p in enumerate(pieces) if p.strip())
        blocks.append(replace(block, segments=segs))
    return replace(doc, blocks=tuple(blocks))
