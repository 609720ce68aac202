"""Check the hand-written gold of tests/pages_real: every body line, the title (and the
date, loosely) must occur in the page's visible text once tags and whitespace are removed.

Uses only lxml and the standard library; it does not import or run the toolkit.

    python tests/pages_real/check_gold.py [DIR]        # all pages, prints problems
    python tests/pages_real/check_gold.py --dump PAGE  # the page's visible text, one block a line
"""

import re
import sys
from pathlib import Path

import lxml.html
import yaml

HERE = Path(__file__).resolve().parent
BLOCK = {
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "td",
    "th",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "dl",
    "center",
    "form",
    "nav",
    "aside",
    "figure",
    "figcaption",
    "hr",
    "title",
}
DROP = {"script", "style", "noscript", "template", "head", "textarea", "select", "svg"}


def decode(raw: bytes, encoding: str) -> str:
    return raw.decode(encoding, errors="replace")


def blocks(text: str):
    """The page's visible text as a list of blocks (split at block-level tags)."""
    root = lxml.html.document_fromstring(text.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8"))
    for el in list(root.iter()):
        if not isinstance(el.tag, str) and el.getparent() is not None:  # comments, processing instructions
            tail = el.tail
            parent = el.getparent()
            prev = el.getprevious()
            if tail:
                if prev is not None:
                    prev.tail = (prev.tail or "") + tail
                else:
                    parent.text = (parent.text or "") + tail
            parent.remove(el)
    for el in list(root.iter(*DROP)):
        if el.getparent() is not None:
            el.drop_tree()
    out, cur = [], []

    def flush():
        s = re.sub(r"[ \t\r\n\u3000\xa0]+", " ", "".join(cur)).strip()
        if s:
            out.append(s)
        cur.clear()

    def walk(el):
        if el.tag == "pre":  # code: one block a line, as it is shown
            flush()
            for line in el.text_content().splitlines():
                cur.append(line)
                flush()
            return
        block = el.tag in BLOCK
        if block:
            flush()
        if el.text:
            cur.append(el.text)
        for ch in el:
            walk(ch)
            if ch.tail:
                cur.append(ch.tail)
        if block:
            flush()

    walk(root)
    flush()
    return out


def squash(s: str) -> str:
    return re.sub(r"\s+", "", s.replace("\u3000", "").replace("\xa0", ""))


def check(expect: Path):
    gold = yaml.safe_load(expect.read_text(encoding="utf-8"))
    stem = expect.name[: -len(".expect.yaml")]
    pages = [p for p in expect.parent.glob(stem + ".*") if not p.name.endswith(".yaml")]
    if len(pages) != 1:
        return [f"{stem}: expected one page file, found {len(pages)}"]
    raw = pages[0].read_bytes()
    problems = []
    try:
        text = raw.decode(gold["encoding"])
    except UnicodeDecodeError as e:
        problems.append(f"{stem}: does not decode as {gold['encoding']}: {e}")
        text = decode(raw, gold["encoding"])
    visible = squash("".join(blocks(text)))
    for key in ("encoding", "format", "title", "body"):
        if key not in gold:
            problems.append(f"{stem}: no {key}")
    if squash(str(gold.get("title", ""))) not in visible:
        problems.append(f"{stem}: title not in the visible text")
    pos = 0
    for i, line in enumerate(gold.get("body") or []):
        s = squash(str(line))
        at = visible.find(s, pos)
        if at < 0:
            where = "anywhere" if s not in visible else "after the previous line"
            problems.append(f"{stem}: body[{i}] not found {where}: {str(line)[:40]}")
        else:
            pos = at + len(s)
    if "date" in gold and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(gold["date"])):
        problems.append(f"{stem}: date {gold['date']!r} is not YYYY-MM-DD")
    return problems


def main(argv):
    if argv and argv[0] == "--dump":
        page = Path(argv[1])
        enc = argv[2] if len(argv) > 2 else "utf-8"
        for n, b in enumerate(blocks(decode(page.read_bytes(), enc))):
            print(f"{n:4d} {b}")
        return 0
    folder = Path(argv[0]) if argv else HERE
    expects = sorted(folder.glob("*.expect.yaml"))
    problems = [p for e in expects for p in check(e)]
    for p in problems:
        print(p)
    print(f"{len(expects)} pages, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
