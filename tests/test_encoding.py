"""Decoding inputs: every encoding users bring, the Chinese-aware check, and clear errors."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from toolkit.encoding import build_common_hanzi, chinese_score, declared_charset
from toolkit.errors import InputError
from toolkit.files import decode, read_source

SIMPLIFIED = "关于组织申报2021年度省重点研发计划项目的通知。各设区市科技局，各有关单位：为深入实施创新驱动发展战略。"
TRADITIONAL = "國科會推動半導體前瞻研究計畫，培育關鍵人才。國家科學及技術委員會今日宣布啟動研究計畫。"
P = Path("page.txt")


def test_common_characters_file_is_current() -> None:
    text = resources.files("toolkit").joinpath("data/common_hanzi.txt").read_text(encoding="utf-8")
    assert "".join(line for line in text.splitlines() if not line.startswith("#")) == build_common_hanzi()


@pytest.mark.parametrize(
    ("text", "codec", "recorded"),
    [
        (SIMPLIFIED, "utf-8", "utf-8"),
        (SIMPLIFIED, "utf-8-sig", "utf-8-sig"),
        (SIMPLIFIED, "utf-16", "utf-16"),
        (SIMPLIFIED, "gb2312", "gb18030"),
        (SIMPLIFIED, "gbk", "gb18030"),
        (SIMPLIFIED + "欧元符号€与扩展字㐀", "gb18030", "gb18030"),
        (TRADITIONAL, "gb18030", "gb18030"),  # Traditional text in a GB file is still GB
        (TRADITIONAL, "big5", "big5"),
        (TRADITIONAL + "碁銹裏", "cp950", "cp950"),  # only Microsoft's Big5 has these
        (TRADITIONAL, "utf-8", "utf-8"),
    ],
)
def test_encodings(text: str, codec: str, recorded: str) -> None:
    got, encoding = decode(text.encode(codec), P)
    assert (got.lstrip("\ufeff"), encoding) == (text, recorded)


@pytest.mark.parametrize("codec", ["gb18030", "big5", "utf-8"])
@pytest.mark.parametrize("text", ["通知", "科技部", "上海"])
def test_a_few_characters(text: str, codec: str) -> None:
    """Two GBK characters can be valid UTF-8 ("通知" reads as Greek and Hebrew): Chinese wins."""
    got, _ = decode(text.encode(codec), P)
    assert got == text


def test_chinese_score_tells_right_from_wrong() -> None:
    big5 = (TRADITIONAL * 5).encode("big5")
    gbk = (SIMPLIFIED * 5).encode("gbk")
    assert chinese_score(big5.decode("big5")) > 0.95 > 0.6 > chinese_score(big5.decode("gb18030"))
    assert chinese_score(gbk.decode("gb18030")) > 0.95 > 0.6 > chinese_score(gbk.decode("big5", "replace"))


def _page(charset: str, body: str) -> str:
    meta = f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">'
    return f"<html><head>{meta}</head><body><p>{body}</p></body></html>"


@pytest.mark.parametrize(
    ("charset", "codec", "recorded"),
    [
        ("gb2312", "gbk", "gb18030"),
        ("GBK", "gbk", "gb18030"),
        ("big5", "big5", "big5"),
        ("utf-8", "gbk", "gb18030"),  # a wrong declaration: the bytes decide
        ("gb2312", "utf-8", "utf-8"),  # re-saved as UTF-8, stale declaration
        ("iso-8859-1", "gbk", "gb18030"),
    ],
)
def test_html_declared_charset(charset: str, codec: str, recorded: str) -> None:
    body = TRADITIONAL if codec == "big5" else SIMPLIFIED
    got, encoding = decode(_page(charset, body).encode(codec), Path("p.html"), html=True)
    assert encoding == recorded and body in got


def test_declared_charset_parsing() -> None:
    assert declared_charset(b'<meta charset="gb2312">') == "gb18030"
    assert declared_charset(b"<META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=big5'>") == "big5"
    assert declared_charset(b"<meta charset=x-unknown>") is None
    assert declared_charset(b"<p>no declaration</p>") is None


def test_a_file_cut_mid_character_still_reads() -> None:
    data = (SIMPLIFIED * 3).encode("gb18030")[:-1]
    got, encoding = decode(data, P)
    assert encoding == "gb18030" and got.startswith(SIMPLIFIED) and got.endswith("\ufffd")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "file is empty"),
        (b" \r\n\t\n", "file is empty"),
        ("\ufeff  \n".encode(), "file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "file is binary"),
        (bytes(range(1, 32)) * 20, "file is binary"),
        ("café au lait, déjà vu".encode("latin-1") * 5, "invalid UTF-8 byte 0xe9"),
        (b"\xef\xbb\xbf\xff\xfe broken", "invalid utf-8"),
    ],
)
def test_bad_bytes(data: bytes, message: str) -> None:
    with pytest.raises(InputError) as err:
        decode(data, P)
    where = f"{P}:{err.value.line}" if err.value.line else f"{P}"
    assert err.value.render().startswith(f"{where}: {message}")


def test_line_ends(tmp_path: Path) -> None:
    for name, data in [("crlf.txt", "一行\r\n二行\r\n"), ("cr.txt", "一行\r二行\r"), ("lf.txt", "一行\n二行\n")]:
        path = tmp_path / name
        path.write_bytes(data.encode("utf-8-sig"))
        assert [b.text for b in read_source(path).blocks] == ["一行", "二行"]


def test_format_by_extension_never_by_content(tmp_path: Path) -> None:
    """A .txt holding markup is a text dump: its <script> line is text."""
    path = tmp_path / "page.txt"
    path.write_text("<html><script>alert(1)</script>\n<p>正文</p>\n", encoding="utf-8")
    doc = read_source(path)
    assert doc.meta.format == "text" and doc.blocks[0].text == "<html><script>alert(1)</script>"
    assert read_source(path, "html").meta.format == "html"


@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig"])
def test_a_utf8_file_cut_mid_character_still_reads(codec: str) -> None:
    data = (SIMPLIFIED * 3).encode(codec)[:-1]
    got, encoding = decode(data, P)
    assert encoding == codec and got.lstrip("\ufeff").startswith(SIMPLIFIED) and got.endswith("\ufffd")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom(codec: str, tmp_path: Path) -> None:
    """UTF-16 saved without a byte-order mark used to be called binary."""
    text = SIMPLIFIED + "\r\n一、总体要求\r\n" + TRADITIONAL + "\r\n"
    got, encoding = decode(text.encode(codec), P)
    assert (got, encoding) == (text, codec)
    page = tmp_path / "page.txt"
    page.write_bytes(text.encode(codec))
    doc = read_source(page)
    assert doc.meta.encoding == codec and [b.text for b in doc.blocks][1] == "一、总体要求"


def test_utf16_without_a_bom_in_english_and_cut_short() -> None:
    assert decode("Annual report\nSecond line\n".encode("utf-16-le"), P) == (
        "Annual report\nSecond line\n",
        "utf-16-le",
    )
    got, encoding = decode((SIMPLIFIED + "\n").encode("utf-16-be")[:-1], P)
    assert encoding == "utf-16-be" and got == SIMPLIFIED + "\ufffd"


def test_undecodable_bytes_name_their_line(tmp_path: Path) -> None:
    lines = [f"第{i}行：关于组织申报科技计划项目的通知。" for i in range(1, 17)]
    data = "\r\n".join(lines).encode() + b"\r\n" + "café au lait, déjà vu".encode("latin-1") * 5 + b"\n"
    page = tmp_path / "file.txt"
    page.write_bytes(data)
    with pytest.raises(InputError) as err:
        read_source(page)
    assert err.value.line == 17
    assert err.value.render().startswith(f"{page}:17: invalid UTF-8 byte 0xe9 (column 4)")


def test_invalid_bytes_after_a_bom_name_their_line() -> None:
    with pytest.raises(InputError) as err:
        decode(b"\xef\xbb\xbf" + "一行\r二行\r".encode() + b"\xff\xfe broken", P)
    assert err.value.line == 3
