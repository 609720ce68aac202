# ruff: noqa: E501  (pages are written as a site prints them, a line an element)
"""The page pass ``paywall``: a login or subscription box under a teaser cut short.

A paywalled news page prints the article's first paragraph, stopped in an ellipsis, and below it
the box that sells the rest: a login form, a hotline, a mailbox, a subscription link. The box is
no text of the article (the rest of it is not on the page); a whole article's "登录" below a
paragraph that ends in a full stop is left to the other rules."""

from __future__ import annotations

from pathlib import Path

from toolkit.clean import clean
from toolkit.files import read_source

TEASER = "英特尔在本届德国IFA展前发表代号Lunar Lake的处理器，但这是英特尔首款所有逻辑芯片都由外部晶圆代工厂制造的处理器设计。对此市场分析认为，那英特尔何须发..."

PAGE = """<html><head><meta charset="utf-8"><title>Lunar Lake全由台积电制造 英特尔还需留晶圆代工？ | 科技网</title></head><body>
<div class="top"><a href="/">首页</a> <a href="/login">登入</a> <a href="/news">新闻</a></div>
<div class="main"><h1>Lunar Lake全由台积电制造 英特尔还需留晶圆代工？</h1>
<div class="meta">杨智家／综合报导 2024/09/05 02:39</div>
<p>{teaser}</p>
<div class="box"><div class="left"><h3>{prompt}</h3>
<form method="post" action="/check"><input type="email" name="id"><br><span>【范例：user@company.com】</span>
<input type="password" name="pwd"><br><a href="/pwd">忘记密码</a> | <a href="/mail">重寄启用信</a><br>
<input type="checkbox" name="keep">记住账号密码<button type="button">登入</button></form></div>
<div class="right"><h3>会员服务申请/试用</h3>
<div>申请专线：<br>+886-02-87125398。<br>(周一至周五工作日9:00~18:00)</div>
<div>会员信箱：<br><a href="mailto:member@example.com">member@example.com</a><br>(一个工作日内将回复您的来信)</div>
<div><a href="/order"><b>订阅科技网行动版</b></a></div></div></div>
{after}
</div>
<div class="foot">Copyright © 2024 科技网 版权所有</div>
</body></html>"""

BOX = [
    "申请专线：",
    "+886-02-87125398。",
    "(周一至周五工作日9:00~18:00)",
    "会员信箱：",
    "member@example.com",
    "(一个工作日内将回复您的来信)",
]


def cleaned(tmp_path: Path, text: str, suffix: str = ".html"):
    path = tmp_path / f"page{suffix}"
    path.write_text(text, encoding="utf-8")
    return clean(read_source(path))


def body(doc) -> list[str]:
    return [b.text for b in doc.blocks if b.kind != "heading"]


def test_a_login_box_under_a_teaser_is_no_text(tmp_path: Path) -> None:
    doc = cleaned(tmp_path, PAGE.format(teaser=TEASER, prompt="会员登入", after=""))
    assert body(doc) == [TEASER]
    assert {d.text for d in doc.dropped if d.rule == "paywall"} >= {"会员登入", *BOX}


def test_a_traditional_page_and_a_subscription_prompt(tmp_path: Path) -> None:
    teaser = "英特爾在本屆德國IFA展前發表代號Lunar Lake的處理器，但這是英特爾首款所有邏輯晶片都由外部晶圓代工廠製造的處理器設計。對此市場分析認為，那英特爾何須發…"
    for prompt in ("會員登入", "訂閱後即可閱讀全文", "剩餘 80% 內容，付費會員專享"):
        doc = cleaned(tmp_path, PAGE.format(teaser=teaser, prompt=prompt, after=""))
        assert body(doc) == [teaser], prompt


def test_the_box_ends_at_the_next_paragraph(tmp_path: Path) -> None:
    after = (
        "<p>编者按：本刊所有报道均经过事实核查，读者如对报道内容有疑问，欢迎来信来电与编辑部联系，我们将及时回复。</p>"
    )
    doc = cleaned(tmp_path, PAGE.format(teaser=TEASER, prompt="会员登入", after=after))
    assert not set(BOX) & set(body(doc))
    assert not any(d.rule == "paywall" and d.text.startswith("编者按") for d in doc.dropped)


def test_a_whole_paragraph_above_a_login_line_is_no_teaser(tmp_path: Path) -> None:
    whole = TEASER.removesuffix("...") + "展晶圆代工业务？业界看法不一。"
    doc = cleaned(tmp_path, PAGE.format(teaser=whole, prompt="会员登入", after=""))
    assert whole in body(doc)
    assert not any(d.rule == "paywall" for d in doc.dropped)


def test_an_ellipsis_in_the_text_then_a_how_to_is_not_a_paywall(tmp_path: Path) -> None:
    """A paragraph that trails off, then the article goes on (no prompt line): nothing goes."""
    lines = [
        "市政务服务网上线“一网通办”新版本",
        "2024-05-12 09:30 来源：市政务服务中心",
        "市民反映，过去办理一件事要跑好几个窗口，材料交了一遍又一遍，说起来都是泪……",
        "新版本上线后，群众可以在网上一次提交材料，由后台分送各部门并联审批，办理时限压缩一半以上。",
        "登录后即可查看办件进度和审批结果，不必再到窗口询问。",
        "市政务服务中心有关负责人表示，下一步将推动更多事项实现全程网办，让数据多跑路、群众少跑腿。",
    ]
    doc = cleaned(tmp_path, "\n".join(lines) + "\n", ".txt")
    assert body(doc) == lines[2:]


def test_a_text_dump_of_a_paywalled_page(tmp_path: Path) -> None:
    lines = [
        "台积电二季度营收创新高",
        "2024-07-18 08:00 来源：财经日报",
        "台积电公布第二季度财报，营收与获利均超出市场预期，其中先进制程占比持续提升，管理层并上调全年营收增长指引，市场认为……",
        "订阅后可阅读全文",
        "已是会员？",
        "立即登录",
        "客服热线：400-000-0000",
    ]
    doc = cleaned(tmp_path, "\n".join(lines) + "\n", ".txt")
    assert body(doc) == [lines[2]]
    # (the prompt itself may be another rule's: a subscription prompt is one wherever it stands)
    assert {d.text for d in doc.dropped if d.rule == "paywall"} >= set(lines[4:])
