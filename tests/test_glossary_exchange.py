"""Glossary exchange that other tools accept (issue #18): TBX-Basic validated against its
schema and read by translate-toolkit; TBX v3 and language-region tags on import; CSV headers
from other tools; and the editing commands (add, edit, remove, export -)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner

from toolkit import glossary

from .conftest import GLOSSARY, invoke

SCHEMA = Path(__file__).parent / "schemas" / "TBXcoreStructV03_TBX-Basic_integrated.rng"
TBX3 = "urn:iso:std:iso:30042:ed-2"
HEADER = "zh\ten\tstatus\tfixed\tvariants\tsource\tnote\n"
V3_NAMES = {"martif": "tbx", "martifHeader": "tbxHeader", "termEntry": "conceptEntry", "langSet": "langSec"}


@pytest.fixture(scope="module")
def schema() -> etree.RelaxNG:
    return etree.RelaxNG(etree.parse(str(SCHEMA)))


def v2_to_v3(root: etree._Element) -> etree._Element:
    """TBX 2008 → TBX v3 by renaming elements (the mapping ISO 30042:2019 gives), so that
    the TBX-Basic v3 schema can check a TBX 2008 file's data categories and levels."""
    names = {**V3_NAMES, "tig": "termSec"}

    def convert(node: etree._Element) -> etree._Element:
        new = etree.Element(f"{{{TBX3}}}{names.get(node.tag, node.tag)}", nsmap={None: TBX3})
        new.attrib.update(node.attrib)
        new.text = node.text
        new.extend(convert(c) for c in node if isinstance(c.tag, str))
        return new

    out = convert(root)
    out.set("style", "dca")
    return out


def assert_tbx_basic_levels(root: etree._Element) -> None:
    """What lxml cannot run of TBX-Basic's Schematron: data categories at their level."""
    ns = {"t": TBX3}
    assert root.get("type") == "TBX-Basic" and root.get("style") == "dca"
    for note in root.iterfind(".//t:termNote", ns):
        assert etree.QName(note.getparent()).localname == "termSec"
    for entry in root.iterfind(".//t:conceptEntry", ns):
        kids = [etree.QName(k).localname for k in entry]
        assert kids.index("langSec") == len(kids) - kids[::-1].index("langSec") - kids.count("langSec")
        assert "note" not in kids[kids.index("langSec") :]  # notes before the language sections


def export(runner: CliRunner, path: Path, *args: str, source: Path = GLOSSARY) -> None:
    code, _, err = invoke(runner, "glossary", "export", str(path), "--glossary", str(source), *args)
    assert code == 0, err


def test_tbx3_export_is_valid_tbx_basic(runner: CliRunner, tmp_path: Path, schema: etree.RelaxNG) -> None:
    path = tmp_path / "g.tbx"
    export(runner, path, "--format", "tbx3")
    doc = etree.parse(str(path))
    assert schema.validate(doc), schema.error_log
    assert_tbx_basic_levels(doc.getroot())
    assert len(doc.getroot().findall(f".//{{{TBX3}}}conceptEntry")) == len(glossary.check(GLOSSARY)[0])


def test_tbx_2008_export_is_tbx_basic_and_translate_toolkit_reads_it(
    runner: CliRunner, tmp_path: Path, schema: etree.RelaxNG
) -> None:
    from translate.storage import tbx

    path = tmp_path / "g.tbx"
    export(runner, path)
    root = etree.parse(str(path)).getroot()
    assert root.tag == "martif" and root.get("type") == "TBX-Basic"
    v3 = v2_to_v3(root)
    assert schema.validate(etree.ElementTree(v3)), schema.error_log
    assert_tbx_basic_levels(v3)
    # translate-toolkit, the library other tools build on, reads every term and rendering.
    store = tbx.tbxfile.parsestring(path.read_bytes())
    entries, _ = glossary.check(GLOSSARY)
    assert [(u.source, u.target) for u in store.units] == [(e.zh, e.en) for e in entries]
    unit = next(u for u in store.units if u.source == "双轮驱动")
    assert next(t.text for t in unit.get_source_terms()) == "双轮驱动"


@pytest.mark.parametrize("fmt", ["tbx", "tbx3", "csv"])
def test_round_trip_is_lossless(runner: CliRunner, tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"g.{'csv' if fmt == 'csv' else 'tbx'}"
    export(runner, path, "--format", fmt)
    fresh = tmp_path / "fresh.tsv"
    code, _out, err = invoke(runner, "glossary", "import", str(path), "--format", fmt, "--glossary", str(fresh))
    assert code == 0, err
    key = lambda e: (e.zh, e.en, e.status, e.fixed, e.variants, e.source, e.note)  # noqa: E731
    assert sorted(map(key, glossary.check(fresh)[0])) == sorted(map(key, glossary.check(GLOSSARY)[0]))


def test_translate_toolkit_tbx_with_region_tags_imports(runner: CliRunner, tmp_path: Path) -> None:
    from translate.storage import tbx

    store = tbx.tbxfile(sourcelanguage="zh-CN", targetlanguage="en-US")
    unit = store.addsourceunit("科技小巨人")
    unit.settarget("little giant technology enterprise")
    path = tmp_path / "theirs.tbx"
    path.write_bytes(bytes(store))
    target = tmp_path / "g.tsv"
    code, _out, err = invoke(runner, "glossary", "import", str(path), "--glossary", str(target))
    assert code == 0, err
    [entry] = glossary.check(target)[0]
    assert (entry.zh, entry.en) == ("科技小巨人", "little giant technology enterprise")


def test_tbx_v3_with_zh_hans_and_zh_tw_imports(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "v3.tbx"
    path.write_text(
        f"""<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="{TBX3}">
 <tbxHeader><fileDesc><sourceDesc><p>other tool</p></sourceDesc></fileDesc></tbxHeader>
 <text><body>
  <conceptEntry id="c1">
   <descrip type="definition">a Shanghai programme</descrip>
   <langSec xml:lang="zh-Hans"><termSec><term>科技小巨人</term></termSec></langSec>
   <langSec xml:lang="zh-TW"><termSec><term>科技小巨人企業</term></termSec></langSec>
   <langSec xml:lang="en-US"><termSec><term>little giant technology enterprise</term>
     <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
     <admin type="source">https://example.org/terms</admin></termSec></langSec>
  </conceptEntry>
 </body></text>
</tbx>""",
        encoding="utf-8",
    )
    target = tmp_path / "g.tsv"
    code, _, err = invoke(runner, "glossary", "import", str(path), "--glossary", str(target))
    assert code == 0, err
    [e] = glossary.check(target)[0]
    assert (e.zh, e.en, e.status, e.variants) == ("科技小巨人", "little giant technology enterprise", "approved",
                                                 ("科技小巨人企業",))  # fmt: skip
    assert e.source == "https://example.org/terms" and e.note == "definition: a Shanghai programme"


@pytest.mark.parametrize(
    "header",
    ["source,target,comment", "Chinese,English,Notes", "zh-CN,en-US,note", "ZH_HANS;EN;Comments"],
)
def test_csv_import_maps_common_headers(runner: CliRunner, tmp_path: Path, header: str) -> None:
    sep = ";" if ";" in header else ","
    path = tmp_path / "theirs.csv"
    rows = [header, sep.join(["科技小巨人", "little giant enterprise", "Shanghai"])] * 1
    rows.append(sep.join(["科技小巨人", "little giant enterprise", "Shanghai"]))  # identical: skipped
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    target = tmp_path / "g.tsv"
    code, _out, err = invoke(runner, "glossary", "import", str(path), "--glossary", str(target))
    assert code == 0, err
    [e] = glossary.check(target)[0]
    assert (e.zh, e.en, e.note, e.status) == ("科技小巨人", "little giant enterprise", "Shanghai", "proposed")


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        ("科技小巨人,little giant enterprise\n党组会议,leading Party group meeting\n", 1, "needs a header row"),
        ("foo,bar\n科技小巨人,little giant\n", 1, "header names no Chinese column"),
        ("source,target\n科技小巨人,\n", 2, "empty en field"),
        ("source,target\n,little giant\n", 2, "empty zh field"),
        ("source,target\n科技小巨人,a\n科技小巨人,b\n", 3, "appears twice"),
    ],
)
def test_csv_import_refuses_clearly(runner: CliRunner, tmp_path: Path, body: str, line: int, message: str) -> None:
    path = tmp_path / "theirs.csv"
    path.write_text(body, encoding="utf-8")
    target = tmp_path / "g.tsv"
    code, _, err = invoke(runner, "glossary", "import", str(path), "--glossary", str(target))
    assert code == 2 and f"{path}:{line}:" in err and message in err, err
    assert len(err.strip().splitlines()) == 1 and not target.exists()


def test_tbx_entry_without_english_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "x.tbx"
    path.write_text(
        '<martif type="TBX"><text><body><termEntry id="a"><langSet xml:lang="zh-CN"><tig><term>党组会议</term>'
        "</tig></langSet></termEntry></body></text></martif>",
        encoding="utf-8",
    )
    code, _, err = invoke(runner, "glossary", "import", str(path), "--glossary", str(tmp_path / "g.tsv"))
    assert code == 2 and f"{path}:1: term entry 1 (a) has no English term" in err


# --- editing --------------------------------------------------------------------------------------


@pytest.fixture
def mine(tmp_path: Path) -> Path:
    g = tmp_path / "glossary"
    shutil.copytree(GLOSSARY, g)
    return g


def test_add_refuses_nested_mismatch_and_says_already_present(runner: CliRunner, mine: Path) -> None:
    before = (mine / "terms.tsv").read_text(encoding="utf-8")
    # 关键核心技术 → "core technologies in key fields": a longer term must contain that rendering.
    code, _, err = invoke(runner, "glossary", "add", "关键核心技术突破", "key core technology breakthroughs",
                          "--glossary", str(mine))  # fmt: skip
    assert code == 2 and "contains '关键核心技术' but not its rendering" in err
    # …and a new shorter term must be rendered in the longer terms that contain it.
    code, _, err = invoke(runner, "glossary", "add", "科技两委", "two tech committees", "--glossary", str(mine))
    assert code == 2 and "'科技两委' but not its rendering 'two tech committees'" in err
    assert (mine / "terms.tsv").read_text(encoding="utf-8") == before
    e = next(e for e in glossary.check(mine)[0] if e.zh == "双轮驱动")
    args = ["--status", e.status, "--source", e.source, "--note", e.note, "--glossary", str(mine)]
    args += [a for v in e.variants for a in ("--variant", v)]
    code, out, err = invoke(runner, "glossary", "add", e.zh, e.en, *args)
    assert code == 0 and "already present" in out, err
    assert (mine / "terms.tsv").read_text(encoding="utf-8") == before


def test_add_warns_on_traditional_and_stores_simplified(runner: CliRunner, mine: Path) -> None:
    code, _out, err = invoke(runner, "glossary", "add", "黨組會議", "leading Party members group meeting",
                            "--glossary", str(mine))  # fmt: skip
    assert code == 0 and "warning" in err and "'党组会议'" in err, err
    e = next(e for e in glossary.check(mine)[0] if e.zh == "党组会议")
    assert e.variants == ("黨組會議",)


def test_edit_and_remove(runner: CliRunner, mine: Path) -> None:
    code, out, err = invoke(runner, "glossary", "edit", "三评", "--en", "three reviews", "--glossary", str(mine))
    assert code == 0, err
    assert next(e for e in glossary.check(mine)[0] if e.zh == "三评").en == "three reviews"
    # an edit check would reject is refused, and nothing changes
    before = (mine / "terms.tsv").read_text(encoding="utf-8")
    code, _, err = invoke(runner, "glossary", "edit", "关键核心技术", "--en", "the key core technologies",
                          "--glossary", str(mine))  # fmt: skip
    assert code == 2 and "starts with 'the'" in err
    code, _, err = invoke(runner, "glossary", "edit", "关键核心技术", "--en", "kernel tech", "--glossary", str(mine))
    assert code == 2 and "but not its rendering 'kernel tech'" in err
    assert (mine / "terms.tsv").read_text(encoding="utf-8") == before
    # a variant finds its row; remove takes it out
    code, out, err = invoke(runner, "glossary", "remove", "三評", "--glossary", str(mine))
    assert code == 0 and "removed 三评" in out, err
    assert all(e.zh != "三评" for e in glossary.check(mine)[0])
    code, _, err = invoke(runner, "glossary", "remove", "三评", "--glossary", str(mine))
    assert code == 2 and "'三评' is not in the glossary" in err and len(err.strip().splitlines()) == 1


def test_edit_renaming_keeps_the_file_sorted(runner: CliRunner, mine: Path) -> None:
    code, _, err = invoke(runner, "glossary", "edit", "三评", "--zh", "专项评估", "--glossary", str(mine))
    assert code == 0, err
    lines = (mine / "terms.tsv").read_text(encoding="utf-8").splitlines()
    rows = [ln.split("\t")[0] for ln in lines if not ln.startswith("#")][1:]
    assert "专项评估" in rows and rows == sorted(rows)
    assert not [p for p in glossary.check(mine)[1] if p.severity == "error"]


def test_export_to_stdout_and_never_over_a_special_file(runner: CliRunner, tmp_path: Path) -> None:
    code, out, err = invoke(runner, "glossary", "export", "-", "--format", "csv", "--glossary", str(GLOSSARY))
    assert code == 0 and out.startswith('"location","source","target"') and "双轮驱动" in out, err
    code, out, _ = invoke(runner, "glossary", "export", "-", "--glossary", str(GLOSSARY))
    assert code == 0 and "<martif" in out
    fifo = tmp_path / "pipe.tbx"
    os.mkfifo(fifo)
    code, _, err = invoke(runner, "glossary", "export", str(fifo), "--glossary", str(GLOSSARY))
    assert code == 2 and "is not a regular file" in err and fifo.is_fifo()
    folder = tmp_path / "dir.csv"
    folder.mkdir()
    code, _, err = invoke(runner, "glossary", "export", str(folder), "--glossary", str(GLOSSARY))
    assert code == 2 and folder.is_dir()
