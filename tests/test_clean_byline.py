"""A reporter's name between the headline and the metadata line ("记者 王明", "杨智家／综合报导",
in a list item or not) is a byline, and no source: the page's source is not a person's
name with a list's mark ("• 杨智家／综合报导", as DIGITIMES' pages gave)."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.clean import clean
from toolkit.files import read_source

PAGE = """<html><head><meta charset="utf-8"><title>工信部：加强新一代通信网和算力网规划建设</title></head><body>
<div class="main"><h1>工信部：加强新一代通信网和算力网规划建设</h1>
<ul class="info"><li>{byline}</li><li>2024/06/24 10:30</li></ul>
<p>工业和信息化部总工程师表示，将加强新一代通信网和算力网规划建设，推动网络设施与算力设施协同发展，提升服务能力。</p>
<p>他说，下一步将持续完善政策体系，引导各方加大投入，加快构建泛在连接、高效协同的网络和算力基础设施。</p>
</div></body></html>"""


@pytest.mark.parametrize("byline", ["杨智家／综合报导", "楊智家／綜合報導", "记者 王明", "杨智家/编译报道"])
def test_a_reporters_byline_is_no_source(tmp_path: Path, byline: str) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE.format(byline=byline), encoding="utf-8")
    doc = clean(read_source(path))
    assert "•" not in doc.meta.source
    assert byline.split("／")[0].split("/")[0][-2:] not in doc.meta.source
    assert [b.text for b in doc.blocks if b.kind != "heading"] == [
        "工业和信息化部总工程师表示，将加强新一代通信网和算力网规划建设，推动网络设施与算力设施协同发展，提升服务能力。",
        "他说，下一步将持续完善政策体系，引导各方加大投入，加快构建泛在连接、高效协同的网络和算力基础设施。",
    ]
