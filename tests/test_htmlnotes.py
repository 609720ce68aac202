"""An article's references list, set apart under its heading as a list of links, is body."""

from __future__ import annotations

from pathlib import Path

from toolkit.clean import clean
from toolkit.files import read_source

TEXT = "".join(
    f"<p>第{n}段：分布式系统中的一致性问题是一个经典的问题，在这篇文章中我们介绍几种不同的共识算法及其适用的场景。</p>"
    for n in range(1, 7)
)


SOURCES = [
    "Consensus (computer science)", "区块链共识算法介绍和心得", "Paxos 与 Raft", "Proof-of-work system",
    "Proof-of-stake", "Proof of Stake FAQ", "Delegated Proof of Stake", "DPOS共识算法：缺失的白皮书",
    "CAP theorem", "Paxos Made Simple", "The Raft Consensus Algorithm", "谈谈 paxos, multi-paxos, raft",
    "The Byzantine Generals Problem", "Byzantine fault tolerance", "A Brief Tour of FLP Impossibility",
    "FLP Impossibility 的证明", "白话区块链", "Paxos lecture (Raft user study)",
]  # fmt: skip


def _page(heading: str) -> str:
    links = "".join(
        f'<li> <a href="https://example.org/{n}" rel="nofollow" target="_blank">{name}</a> </li>'
        for n, name in enumerate(SOURCES)
    )
    return (
        "<html><head><title>分布式一致性与共识算法 - 某某的博客</title></head><body>"
        "<div class='nav'><a href='/'>首页</a> <a href='/a'>归档</a></div>"
        f"<div class='post'><h1>分布式一致性与共识算法</h1><div class='body'>{TEXT}</div>"
        f"<h2>{heading}</h2><ul>{links}</ul></div>"
        "<div class='footer'>版权所有 某某的博客</div></body></html>"
    )


def _blocks(tmp_path: Path, html: str) -> list[str]:
    page = tmp_path / "post.html"
    page.write_text(html, encoding="utf-8")
    return [b.text for b in clean(read_source(page)).blocks]


def test_a_references_list_of_links_is_the_articles_endnotes(tmp_path: Path) -> None:
    kept = _blocks(tmp_path, _page("Reference"))
    assert "Reference" in kept
    assert all(name in kept for name in SOURCES)


def test_a_list_of_other_stories_still_goes(tmp_path: Path) -> None:
    kept = _blocks(tmp_path, _page("相关阅读"))
    assert not any(name in kept for name in SOURCES)
