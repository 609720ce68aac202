"""The clean stage's rule rows: unique names, and examples per rule that behave.

``tests/clean_rules/examples.yaml`` lists, for each line rule by name, lines it must drop and
near-misses it must keep. A drop example is dropped by that rule, by name, both when the line
is matched alone and when it stands where the rule's scope applies in a small page; a keep
example is rejected by the rule's own test and kept in a page's body.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from toolkit.clean import PAGE_RULES, PASSES, RULES, clean
from toolkit.clean.rules import RULE_NAMED, Rule, _named, match
from toolkit.document import Block, Document, Meta
from toolkit.textmeta import key, unmark

EXAMPLES: dict[str, dict[str, list[str]]] = yaml.safe_load(
    (Path(__file__).resolve().parent / "clean_rules" / "examples.yaml").read_text(encoding="utf-8")
)
DROPS = [(name, line) for name, ex in EXAMPLES.items() for line in ex.get("drop", [])]
KEEPS = [(name, line) for name, ex in EXAMPLES.items() for line in ex.get("keep", [])]

TITLE = "关于开展2024年科技活动周的通知"
BODY = "为深入实施创新驱动发展战略，推动科技成果转化，现将有关事项通知如下。"
BODY2 = "各单位要高度重视，精心组织，确保活动取得实效，并于5月底前报送总结。"
FOOTER = "版权所有：某某市科学技术局"


def _page(*lines: str) -> Document:
    blocks = tuple(Block(kind="raw", text=t, lines=(n,)) for n, t in enumerate(lines, 1))
    return Document(meta=Meta(slug="example"), blocks=blocks)


def _dropped_by(lines: tuple[str, ...], at: int) -> str | None:
    """The rule that dropped line ``at`` (0-based) of a page of ``lines``, or None if kept."""
    doc = clean(_page(*lines))
    return next((d.rule for d in doc.dropped if d.line == at + 1), None)


def _in_place(rule: Rule, line: str) -> tuple[tuple[str, ...], int]:
    """A small page with ``line`` where ``rule``'s scope applies, and the line's index."""
    if rule.scope == "header":
        return (line, TITLE, BODY, BODY2), 0
    if rule.scope == "edge":
        return (TITLE, BODY, BODY2, FOOTER, line), 4
    return (TITLE, BODY, line, BODY2), 2


def test_rule_names_are_unique() -> None:
    rows = {id(r): r for r in (*RULES, *PAGE_RULES.values())}.values()
    names = [r.name for r in rows]
    assert len(names) == len(set(names))
    assert set(RULE_NAMED) == set(names)


def test_a_clash_of_names_is_refused() -> None:
    with pytest.raises(ValueError, match="footer"):
        _named((Rule("footer"), Rule("footer")))


def test_page_rules_match_no_line() -> None:
    assert all(not r.test("任何一行") for r in PAGE_RULES.values() if r not in RULES)


def test_every_rule_has_examples() -> None:
    assert set(EXAMPLES) == {r.name for r in RULES}
    assert all(EXAMPLES[r.name].get("drop") for r in RULES)


def test_passes_are_listed_by_unique_name() -> None:
    names = [name for name, _ in PASSES]
    assert len(names) == len(set(names)) and names[0] == "header-rules"


@pytest.mark.parametrize(("name", "line"), DROPS, ids=[f"{n}:{i}" for i, (n, _) in enumerate(DROPS)])
def test_drop_example(name: str, line: str) -> None:
    rule = match(key(line))
    assert rule is not None and rule.name == name, f"{line!r} is matched by {rule and rule.name}"
    lines, at = _in_place(rule, line)
    assert _dropped_by(lines, at) == name


@pytest.mark.parametrize(("name", "line"), KEEPS, ids=[f"{n}:{i}" for i, (n, _) in enumerate(KEEPS)])
def test_keep_example(name: str, line: str) -> None:
    assert not RULE_NAMED[name].test(unmark(key(line)))
    assert _dropped_by((TITLE, BODY, line, BODY2), 2) is None
