"""The normalise stage: script conversion, the reviewed fixes, punctuation, properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.clean import clean
from toolkit.files import read_source
from toolkit.normalize import (
    _opencc,
    conversion_fixes,
    convert_script,
    detect_script,
    normalize,
    normalize_punctuation,
)

from .conftest import SEED_FILES, SEEDS


def test_seed_001_comes_out_in_mainland_simplified() -> None:
    doc = normalize(clean(read_source(SEEDS / "001_30305e7df3106016.txt")))
    text = "\n".join(b.text for b in doc.blocks)
    assert doc.meta.script == "traditional" and doc.meta.conversion == "tw2sp"
    for taiwan in ("人工智慧", "演算法", "網路", "网路", "軟體", "資訊", "资讯", "晶片"):
        assert taiwan not in text
    assert "人工智能" in text and "算法" in text
    assert doc.meta.title == "市科技工作党委聚焦科技创新工作的突出矛盾和问题"
    assert doc.meta.source == "上观新闻"
    # Fully Simplified: OpenCC t2s has nothing left to change.
    assert _opencc("t2s").convert(text) == text


@pytest.mark.parametrize("seed", [p for p in SEED_FILES if not p.name.startswith("001")], ids=lambda p: p.name[:3])
def test_simplified_seeds_are_not_converted(seed: object) -> None:
    doc = normalize(clean(read_source(SEEDS / str(seed))))
    assert (doc.meta.script, doc.meta.conversion) == ("simplified", "none")
    # 核心 survives in Simplified documents (以习近平同志为核心 …).
    assert "内核" not in "".join(b.text for b in doc.blocks)


# One test per reviewed fix in toolkit/data/conversion_fixes.tsv.
@pytest.mark.parametrize(
    ("traditional", "expected", "wrong"),
    [
        ("以習近平同志為核心的黨中央，突破核心演算法", "以习近平同志为核心的党中央，突破核心算法", "内核"),
        ("整合大型科學儀器資源", "整合大型科学仪器资源", "集成"),
        ("發展雲端運算產業", "发展云计算产业", "云端运算"),
    ],
)
def test_conversion_fix(traditional: str, expected: str, wrong: str) -> None:
    out = convert_script(traditional, "tw2sp")
    assert out == expected and wrong not in out


def test_every_fix_has_a_test() -> None:
    assert set(conversion_fixes()) == {"核心", "整合", "雲端運算"}


def test_detect_script() -> None:
    assert detect_script("市科技工作黨委聚焦科技創新工作的突出矛盾和問題") == "traditional"
    assert detect_script("市科技工作党委聚焦科技创新工作的突出矛盾和问题") == "simplified"
    assert detect_script("no chinese at all") == "simplified"


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("2019年,市科技工作党委", "2019年，市科技工作党委"),
        ("同志们:", "同志们："),
        ("问题?对策!", "问题？对策！"),
        ("(一)坚持突出国家战略导向", "（一）坚持突出国家战略导向"),
        ("「不忘初心」和『牢记使命』", "“不忘初心”和‘牢记使命’"),
        ("增长３.１％，ＡＩ", "增长3.1％，AI"),
        ("R&D占GDP比重3.1%,居全国第五", "R&D占GDP比重3.1%，居全国第五"),
        ("发布时间 2019-12-02 10:30", "发布时间 2019-12-02 10:30"),
        ("“1+10+10”工作部署,迈入3.0版", "“1+10+10”工作部署，迈入3.0版"),
        ("见 https://www.example.gov.cn/a,b?c=1 。", "见 https://www.example.gov.cn/a,b?c=1 。"),
        ("\u3000\u3000一、总体要求", "一、总体要求"),
        ("1,000 items (English only)", "1,000 items (English only)"),
    ],
)
def test_punctuation(before: str, after: str) -> None:
    assert normalize_punctuation(before) == after


chinese = st.text(alphabet=st.sampled_from(list("科技創新發展網路資訊，,:;!?()「」 　1.A-年的")), max_size=60)


@settings(max_examples=300, deadline=None)
@given(chinese)
def test_normalise_is_idempotent(text: str) -> None:
    once = normalize_punctuation(convert_script(text, "tw2sp"))
    assert normalize_punctuation(convert_script(once, "none")) == once
    assert normalize_punctuation(once) == once


@settings(max_examples=200, deadline=None)
@given(
    st.from_regex(
        r"[0-9]{1,4}(\.[0-9]{1,2})?%?|[A-Za-z]{2,8}(&[A-Za-z])?|https?://[a-z]{3,8}\.cn/[a-z,?=&]{0,8}", fullmatch=True
    )
)
def test_numbers_latin_and_urls_survive_in_chinese_context(token: str) -> None:
    out = normalize_punctuation(convert_script(f"科技{token}创新", "tw2sp"))
    assert token in out
