"""The normalise stage: detection, script conversion, the reviewed fixes, punctuation, report, properties."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from toolkit.clean import clean
from toolkit.cli import app
from toolkit.document import Block, Document, Meta
from toolkit.errors import ConfigError
from toolkit.files import dump_markdown, load_document, load_markdown, read_source
from toolkit.normalize import (
    CONVERSIONS,
    _opencc,
    conversion_fixes,
    convert_script,
    detect,
    detect_script,
    load_fixes,
    load_markers,
    normalize,
    normalize_punctuation,
    normalize_report,
    normalize_text,
    region_markers,
)

from .conftest import SEED_FILES, SEEDS

PAGES = Path(__file__).parent / "normalize"
"""Taiwan- and Hong Kong-phrased pages written for these tests. The fixes were collected on the
ai-action-plan, semiconductor-talent, smart-city and innovation-blueprint pages; satellite,
sme-digital and startup-fund were written afterwards, as unseen pages."""
TW_PAGES = sorted(PAGES.glob("tw-*.txt"))
HK_PAGES = sorted(PAGES.glob("hk-*.txt"))
TAIWAN_WORDS = (
    "人工智慧",
    "演算法",
    "網路",
    "网路",
    "軟體",
    "软体",
    "資訊",
    "资讯",
    "晶片",
    "資料庫",
    "资料库",
    "透過",
    "透过",
)


def t2s(text: str) -> str:
    return str(_opencc("t2s").convert(text))


def body(doc: Document) -> str:
    return "\n".join(b.text for b in doc.blocks)


def page(path: Path, simplified: bool = False) -> Document:
    """A test page, cleaned; ``simplified``: the same page in Simplified characters (Taiwan wording kept)."""
    doc = clean(read_source(path))
    if simplified:
        doc = replace(
            doc,
            meta=replace(doc.meta, title=t2s(doc.meta.title)),
            blocks=tuple(replace(b, text=t2s(b.text)) for b in doc.blocks),
        )
    return doc


# --- seeds and pages ---------------------------------------------------------------------------


def test_seed_001_comes_out_in_mainland_simplified() -> None:
    doc = normalize(clean(read_source(SEEDS / "001_30305e7df3106016.txt")))
    text = body(doc)
    assert (doc.meta.script, doc.meta.region, doc.meta.conversion) == ("traditional", "taiwan", "tw2sp")
    for taiwan in TAIWAN_WORDS:
        assert taiwan not in text
    assert "人工智能" in text and "算法" in text
    assert doc.meta.title == "市科技工作党委聚焦科技创新工作的突出矛盾和问题"
    assert doc.meta.source == "上观新闻"
    assert "整合大型科学仪器" in text and "集成大型" not in text
    # Fully Simplified: OpenCC t2s has nothing left to change.
    assert t2s(text) == text


@pytest.mark.parametrize("seed", [p for p in SEED_FILES if not p.name.startswith("001")], ids=lambda p: p.name[:3])
def test_simplified_seeds_are_not_converted(seed: Path) -> None:
    doc = normalize(clean(read_source(seed)))
    assert (doc.meta.script, doc.meta.region, doc.meta.conversion) == ("simplified", "mainland", "none")
    # 核心 survives in Simplified documents (以习近平同志为核心 …).
    assert "内核" not in body(doc)


@pytest.mark.parametrize("simplified", [False, True], ids=["traditional", "simplified-characters"])
@pytest.mark.parametrize("path", TW_PAGES, ids=lambda p: p.stem)
def test_taiwan_pages_come_out_in_mainland_usage(path: Path, simplified: bool) -> None:
    doc = normalize(page(path, simplified))
    text = body(doc) + doc.meta.title
    assert (doc.meta.region, doc.meta.conversion) == ("taiwan", "tw2sp")
    assert doc.meta.script == ("simplified" if simplified else "traditional")
    for taiwan in TAIWAN_WORDS:
        assert taiwan not in text, taiwan
    assert "内核" not in text and "创建" not in text and "运行" not in text
    assert t2s(text) == text


@pytest.mark.parametrize("path", HK_PAGES, ids=lambda p: p.stem)
def test_hong_kong_pages_come_out_in_mainland_usage(path: Path) -> None:
    doc = normalize(page(path))
    text = body(doc).replace("《个人资料（私隐）条例》", "")  # the ordinance keeps its name
    assert (doc.meta.script, doc.meta.region, doc.meta.conversion) == ("traditional", "hongkong", "hk2s")
    for hk in ("私隐", "质素", "电邮", "资讯", "透过"):
        assert hk not in text, hk
    assert t2s(text) == text


@pytest.mark.parametrize("seed", [p for p in SEED_FILES if not p.name.startswith("001")], ids=lambda p: p.name[:3])
def test_tw2sp_with_the_fixes_keeps_mainland_wording(seed: Path) -> None:
    """Mainland text in Taiwan characters (s2tw) comes back through tw2sp and the fixes as it was.

    Taiwan writes many policy words as the mainland does (建立, 执行, 程序, 核心, 新增, 指标 …),
    and OpenCC tw2sp alone changes them (创建, 运行, 进程, 内核, 添加, 指针 …). Two changes are
    left, and right for Taiwan text: 装置 (device) → 设备 and 支援 → 支持.
    """
    from difflib import SequenceMatcher

    text = body(clean(read_source(seed)))
    back = convert_script(str(_opencc("s2tw").convert(text)), "tw2sp")
    changes = {
        (text[i1:i2], back[j1:j2])
        for op, i1, i2, j1, j2 in SequenceMatcher(None, text, back, autojunk=False).get_opcodes()
        if op != "equal"
    }
    assert changes <= {("装置", "设备"), ("援", "持")}


def test_taiwan_page_words() -> None:
    text = body(normalize(page(PAGES / "tw-ai-action-plan.txt")))
    for mainland in ("核心竞争力", "云计算", "数字化转型", "知识产权", "信息安全", "算法", "芯片", "软件", "互联网"):
        assert mainland in text, mainland


# --- the reviewed fixes ------------------------------------------------------------------------

# One test per entry of toolkit/data/conversion_fixes.tsv: an example, and what it must become
# under each of the entry's conversions. The test also shows the entry is needed: without it
# (OpenCC and the other fixes alone) the example comes out differently.
FIX_EXAMPLES: dict[str, tuple[str, str]] = {
    # OpenCC tw2sp turns a shared word into a different mainland word
    "核心": ("以習近平同志為核心的黨中央，突破核心演算法", "以习近平同志为核心的党中央，突破核心算法"),
    "整合": ("整合大型科學儀器資源", "整合大型科学仪器资源"),
    "系統整合": ("提供系統整合服務", "提供系统集成服务"),
    "建立": ("建立科研經費包干制", "建立科研经费包干制"),
    "執行": ("嚴格執行中央八項規定", "严格执行中央八项规定"),
    "執行緒": ("支援多個執行緒", "支持多个线程"),
    "執行長": ("公司執行長表示", "公司首席执行官表示"),
    "執行檔": ("下載執行檔", "下载可执行文件"),
    "新增": ("新增高新技術企業5000餘家", "新增高新技术企业5000余家"),
    "程序": ("簡化審批程序", "简化审批程序"),
    "互動": ("形成良性互動", "形成良性互动"),
    "人機互動": ("研究人機互動技術", "研究人机交互技术"),
    "檢視": ("檢視問題清單", "检视问题清单"),
    "效能": ("提升行政效能", "提升行政效能"),
    "高效能運算": ("發展高效能運算", "发展高性能计算"),
    "複製": ("形成可複製可推廣的經驗", "形成可复制可推广的经验"),
    "批次": ("分批次推動", "分批次推动"),
    "線上": ("推動線上線下融合", "推动线上线下融合"),
    "列舉": ("出台一系列舉措", "出台一系列举措"),
    "指標": ("訂出績效指標", "订出绩效指标"),
    "向量": ("支援向量機", "支持向量机"),
    "序列": ("完成基因序列分析", "完成基因序列分析"),
    "序列埠": ("經由序列埠連接", "经由串口连接"),
    "區域性": ("打造區域性創新中心", "打造区域性创新中心"),
    "宣告": ("宣告成立研究院", "宣告成立研究院"),
    "文件": ("下載相關文件", "下载相关文件"),
    "查詢": ("供民眾查詢", "供民众查询"),
    "智慧城市": ("推動智慧城市建設", "推动智慧城市建设"),
    "集體智慧": ("凝聚集體智慧", "凝聚集体智慧"),
    "智慧型手機": ("智慧型手機普及", "智能手机普及"),
    "智慧財產": ("經濟部智慧財產局", "经济部知识产权局"),
    "智慧財產權": ("保護智慧財產權", "保护知识产权"),
    "科學裝置": ("建設大科學裝置", "建设大科学装置"),
    "裝置容量": ("提高風電裝置容量", "提高风电装机容量"),
    "行動裝置": ("行動裝置普及", "移动设备普及"),
    "穿戴式裝置": ("發展穿戴式裝置", "发展可穿戴设备"),
    "穿戴裝置": ("發展穿戴裝置", "发展可穿戴设备"),
    "電子元件": ("關鍵電子元件", "关键电子元件"),
    "通訊社": ("據中央通訊社報導", "据中央通讯社报导"),
    "通訊錄": ("更新通訊錄", "更新通讯录"),
    "數位居": ("企業家數位居全國第一", "企业家数位居全国第一"),
    "數位於": ("研究人員總數位於全國前列", "研究人员总数位于全国前列"),
    "聯絡處": ("設立對外聯絡處", "设立对外联络处"),
    "聯絡員": ("指定信息聯絡員", "指定信息联络员"),
    "醫學影像": ("輔助醫學影像判讀", "辅助医学影像判读"),
    "應用程式介面": ("開放應用程式介面", "开放应用程序接口"),
    "個人資料保護法": ("遵守個人資料保護法", "遵守个人资料保护法"),
    # Taiwan phrasing OpenCC leaves, or renders in words the mainland does not use
    "雲端運算": ("發展雲端運算產業", "发展云计算产业"),
    "雲端服務": ("提供雲端服務", "提供云服务"),
    "雲端平台": ("建置雲端平台", "建设云平台"),
    "邊緣運算": ("結合邊緣運算技術", "结合边缘计算技术"),
    "量子運算": ("投入量子運算研究", "投入量子计算研究"),
    "平行運算": ("平行運算架構", "并行计算架构"),
    "分散式運算": ("分散式運算系統", "分布式计算系统"),
    "運算中心": ("國家級AI運算中心", "国家级AI计算中心"),
    "運算資源": ("使用運算資源", "使用计算资源"),
    "運算思維": ("培養運算思維", "培养计算思维"),
    "數位轉型": ("推動數位轉型", "推动数字化转型"),
    "數位落差": ("縮短數位落差", "缩短数字鸿沟"),
    "資通訊": ("強化資通訊產業", "强化信息通信产业"),
    "資安防護": ("強化資安防護", "强化信息安全防护"),
    "資安產業": ("發展資安產業", "发展信息安全产业"),
    "資安人才": ("培育資安人才", "培育信息安全人才"),
    "資安事件": ("通報資安事件", "通报信息安全事件"),
    "資安應變": ("成立資安應變中心", "成立信息安全应急中心"),
    "資安稽核": ("通過資安稽核", "通过信息安全审计"),
    "個人資料": ("保護個人資料", "保护个人信息"),
    "透過": ("透過產學合作", "通过产学合作"),
    "透過程": ("在滲透過程中", "在渗透过程中"),
    "透過程式": ("透過程式設計", "通过程序设计"),
    "透過程序": ("透過程序正義", "通过程序正义"),
    "為因應": ("為因應全球變局", "为应对全球变局"),
    "以因應": ("調整策略以因應挑戰", "调整策略以应对挑战"),
    "因應措施": ("提出因應措施", "提出应对措施"),
    "建置": ("建置國家級平台", "建设国家级平台"),
    "訂定": ("訂定管理辦法", "制定管理办法"),
    "高階人才": ("延攬高階人才", "延揽高端人才"),
    "新創企業": ("扶植新創企業", "扶植初创企业"),
    "新創公司": ("投資新創公司", "投资初创公司"),
    "新創團隊": ("輔導新創團隊", "辅导初创团队"),
    "中小及新創企業署": ("經濟部中小及新創企業署", "经济部中小及新创企业署"),
    "育成中心": ("大學育成中心", "大学孵化中心"),
    "加值應用": ("開放資料加值應用", "开放数据增值应用"),
    "加值服務": ("推出加值服務", "推出增值服务"),
    "高品質": ("推動高品質發展", "推动高质量发展"),
    "產品品質": ("提升產品品質", "提升产品质量"),
    "服務品質": ("改善服務品質", "改善服务质量"),
    "空氣品質": ("監測空氣品質", "监测空气质量"),
    "生活品質": ("提高生活品質", "提高生活质量"),
    "教育品質": ("確保教育品質", "确保教育质量"),
    "品質管理": ("導入品質管理", "导入质量管理"),
    "綠能": ("發展綠能產業", "发展绿色能源产业"),
    "再生能源": ("擴大再生能源", "扩大可再生能源"),
    "可再生能源": ("發展可再生能源", "发展可再生能源"),
    "太陽光電": ("太陽光電裝置", "光伏设备"),
    "離岸風電": ("推動離岸風電", "推动海上风电"),
    "氣候變遷": ("因應氣候變遷", "因应气候变化"),
    "永續": ("推動永續發展", "推动可持续发展"),
    "高齡化": ("高齡化社會", "老龄化社会"),
    "生技醫藥": ("生技醫藥產業", "生物医药产业"),
    "生技產業": ("發展生技產業", "发展生物技术产业"),
    "醫療器材": ("醫療器材產業", "医疗器械产业"),
    "遠距醫療": ("推動遠距醫療", "推动远程医疗"),
    "遠距教學": ("實施遠距教學", "实施远程教学"),
    "遠距照護": ("導入遠距照護", "导入远程照护"),
    "遠距工作": ("鼓勵遠距工作", "鼓励远程办公"),
    "自駕車": ("測試自駕車", "测试自动驾驶汽车"),
    "自駕車輛": ("自駕車輛上路", "自动驾驶车辆上路"),
    "極紫外光微影": ("導入極紫外光微影技術", "导入极紫外光刻技术"),
    "微影技術": ("先進微影技術", "先进光刻技术"),
    "行動支付": ("推廣行動支付", "推广移动支付"),
    "行動寬頻": ("5G行動寬頻", "5G移动宽带"),
    "行動應用": ("行動應用服務", "移动应用服务"),
    "行動上網": ("行動上網普及", "移动上网普及"),
    "經濟成長": ("帶動經濟成長", "带动经济增长"),
    "成長率": ("年成長率18.5%", "年增长率18.5%"),
    "偏鄉地區": ("在偏鄉地區", "在偏远地区"),
    "個人化": ("提供個人化服務", "提供个性化服务"),
    "社群媒體": ("透過社群媒體發布", "通过社交媒体发布"),
    "社群網站": ("於社群網站發布", "于社交网站发布"),
    "社群平台": ("經營社群平台", "经营社交平台"),
    "行銷方案": ("推出個人化的行銷方案", "推出个性化的营销方案"),
    "行銷策略": ("調整行銷策略", "调整营销策略"),
    "數位行銷": ("發展數位行銷", "发展数字营销"),
    "網路行銷": ("透過網路行銷", "通过网络营销"),
    "營運成本": ("降低營運成本", "降低运营成本"),
    "教育訓練": ("員工教育訓練", "员工教育培训"),
    "零組件": ("關鍵零組件國產化", "关键零部件国产化"),
    # Hong Kong phrasing (hk2s converts characters only)
    "資訊": ("發布相關資訊", "发布相关信息"),
    "資訊科技": ("使用資訊科技", "使用信息技术"),
    "晶片": ("研發晶片", "研发芯片"),
    "伺服器": ("租用伺服器", "租用服务器"),
    "程式": ("開發應用程式", "开发应用程序"),
    "方程式": ("建立程式化方程式", "建立程序化方程式"),
    "數碼化": ("推動數碼化", "推动数字化"),
    "數碼經濟": ("發展數碼經濟", "发展数字经济"),
    "數碼轉型": ("加快數碼轉型", "加快数字化转型"),
    "數碼政府": ("建設數碼政府", "建设数字政府"),
    "數碼服務": ("一站式數碼服務", "一站式数字服务"),
    "私隱": ("保障市民私隱", "保障市民隐私"),
    "個人資料（私隱）條例": ("符合《個人資料（私隱）條例》", "符合《个人资料（私隐）条例》"),
    "質素": ("提升服務質素", "提升服务质量"),
    "電郵": ("以電郵通知", "以电子邮件通知"),
    "短訊": ("發送短訊", "发送短信"),
    "流動電話": ("流動電話用戶", "移动电话用户"),
    "流動應用程式": ("下載流動應用程式", "下载移动应用程序"),
    "流動數據": ("流動數據服務", "移动数据服务"),
    "寬頻": ("寬頻網絡", "宽带网络"),
    # every conversion
    "衞": ("保衞家園", "保卫家园"),
    "衹": ("衹有一個", "只有一个"),
    "枱": ("擺上枱面", "摆上台面"),
    "敍": ("敍述經過", "叙述经过"),
    "揹": ("揹負責任", "背负责任"),
    "鍛鍊": ("在培養鍛鍊形成", "在培养锻炼形成"),
}


@pytest.mark.parametrize("word", sorted(FIX_EXAMPLES))
def test_conversion_fix(word: str) -> None:
    fix = conversion_fixes()[word]
    example, expected = FIX_EXAMPLES[word]
    assert word in example
    without = {k: v for k, v in conversion_fixes().items() if k != word}
    for config in sorted(fix.conversions):
        assert convert_script(example, config) == expected, config
        assert convert_script(example, config, fixes=without) != expected, f"{config}: {word} is not needed"


def test_every_fix_has_a_test() -> None:
    assert set(conversion_fixes()) == set(FIX_EXAMPLES)


def test_fixes_give_simplified_text() -> None:
    for fix in conversion_fixes().values():
        assert t2s(fix.simplified) == fix.simplified, fix.traditional
        assert fix.conversions and fix.note


def test_original_fixes_kept() -> None:
    assert convert_script("核心演算法", "tw2sp") == "核心算法"
    assert convert_script("雲端運算", "tw2sp") == "云计算"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a\tb\tc\n", "header must be traditional / simplified / conversions / note"),
        ("traditional\tsimplified\tconversions\tnote\n核心\t核心\n", ":2: expected 4 tab-separated columns"),
        ("traditional\tsimplified\tconversions\tnote\n核心\t核心\tx2y\tn\n", ":2: unknown conversion 'x2y'"),
        (
            "traditional\tsimplified\tconversions\tnote\n# c\n核心\t核心\ttw2sp\tn\n核心\t内核\ttw2sp\tn\n",
            ":4: 核心 is already fixed on line 3",
        ),
    ],
)
def test_bad_fixes_file(text: str, message: str) -> None:
    with pytest.raises(ConfigError) as info:
        load_fixes(text, "fixes.tsv")
    assert message in info.value.render() and info.value.render().startswith("fixes.tsv")


def test_bad_markers_file() -> None:
    with pytest.raises(ConfigError, match="regions must be"):
        load_markers("marker\tregions\tnote\n軟體\tmars\tn\n", "markers.tsv")
    markers = {m.text: m.regions for m in region_markers()}
    assert markers["軟體"] == {"taiwan"} and markers["資訊"] == {"taiwan", "hongkong"} and markers["創新創業"] == set()


# --- detection ---------------------------------------------------------------------------------


def test_detect_script() -> None:
    assert detect_script("市科技工作黨委聚焦科技創新工作的突出矛盾和問題") == "traditional"
    assert detect_script("市科技工作党委聚焦科技创新工作的突出矛盾和问题") == "simplified"
    assert detect_script("no chinese at all") == "simplified"


@pytest.mark.parametrize(
    ("text", "script", "region", "conversion"),
    [
        ("發展人工智慧與軟體產業，提升網路服務", "traditional", "taiwan", "tw2sp"),
        ("发展人工智慧与软体产业，提升网路服务", "simplified", "taiwan", "tw2sp"),
        ("推動數碼經濟，保障市民私隱，提升服務質素", "traditional", "hongkong", "hk2s"),
        ("發展人工智能與軟件產業，提升網絡服務", "traditional", "mainland", "t2s"),
        ("发展人工智能与软件产业，提升网络服务", "simplified", "mainland", "none"),
        ("发展人工智能与软件产业，提升网络服务。見《詩與真》", "simplified", "mainland", "t2s"),
        ("本市资讯平台", "simplified", "mainland", "none"),  # one 资讯 is not enough in Simplified
        ("創新創業，創新創業，產品質量", "traditional", "mainland", "t2s"),  # 新創, 品質 inside other words
        ("滲透過程，滲透過程，滲透過程", "traditional", "mainland", "t2s"),  # 透過 inside 滲透過程
        ("no chinese at all", "simplified", "mainland", "none"),
    ],
)
def test_detect(text: str, script: str, region: str, conversion: str) -> None:
    found = detect(text)
    assert (found.script, found.region, found.conversion) == (script, region, conversion)


def test_detection_evidence() -> None:
    found = detect(body(page(PAGES / "tw-ai-action-plan.txt")))
    assert found.traditional_chars > 100 and found.simplified_chars < 10
    assert dict(found.evidence)["軟體"] == 3


def test_region_and_conversion_go_into_front_matter(tmp_path: Path) -> None:
    doc = normalize(page(PAGES / "tw-smart-city.txt"))
    text = dump_markdown(doc)
    assert "script: traditional\nregion: taiwan\nconversion: tw2sp\n" in text
    back = load_markdown(text, tmp_path / "x.md")
    assert (back.meta.script, back.meta.region, back.meta.conversion) == ("traditional", "taiwan", "tw2sp")
    assert normalize(back) is back  # already normalised


def test_old_files_without_region_still_load() -> None:
    doc = Document(meta=Meta(slug="x", script="traditional", conversion="tw2sp"))
    data = doc.to_dict()
    del data["meta"]["region"]
    assert Document.from_dict(data).meta.region == ""


def test_script_option_overrides_the_conversion_not_the_detection() -> None:
    doc = normalize(page(PAGES / "tw-smart-city.txt"), "t2s")
    assert (doc.meta.script, doc.meta.region, doc.meta.conversion) == ("traditional", "taiwan", "t2s")
    assert "软体" in body(doc)  # t2s keeps Taiwan wording
    kept = normalize(page(PAGES / "tw-smart-city.txt"), "none")
    assert "「台北通」" in body(kept)  # Traditional output keeps its corner quotes
    with pytest.raises(ConfigError, match="unknown script conversion 'x2y'"):
        normalize(page(PAGES / "tw-smart-city.txt"), "x2y")
    assert set(CONVERSIONS) == {"tw2sp", "tw2s", "t2s", "hk2s", "none"}


# --- punctuation and spacing -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("2019年,市科技工作党委", "2019年，市科技工作党委"),
        ("同志们:", "同志们："),
        ("问题?对策!", "问题？对策！"),
        ("(一)坚持突出国家战略导向", "（一）坚持突出国家战略导向"),
        ("「不忘初心」和『牢记使命』", "“不忘初心”和‘牢记使命’"),
        ("增长３.１％，ＡＩ", "增长3.1％，AI"),
        ("增长３．１％，２０１９－１２－０２，Ｒ＆Ｄ", "增长3.1％，2019-12-02，R&D"),
        ("R&D占GDP比重3.1%,居全国第五", "R&D占GDP比重3.1%，居全国第五"),
        ("发布时间 2019-12-02 10:30", "发布时间 2019-12-02 10:30"),
        ("时间:10:30,比例为3:1;其余", "时间：10:30，比例为3:1；其余"),
        ("“1+10+10”工作部署,迈入3.0版", "“1+10+10”工作部署，迈入3.0版"),
        ("见 https://www.example.gov.cn/a,b?c=1 。", "见 https://www.example.gov.cn/a,b?c=1 。"),
        ("见https://example.cn/a,详见附件", "见https://example.cn/a，详见附件"),
        ("邮箱:kjw@sh.gov.cn,电话:021-12345678", "邮箱：kjw@sh.gov.cn，电话：021-12345678"),
        ("\u3000\u3000一、总体要求", "一、总体要求"),
        ("科技\u3000\u3000创新\t发展", "科技 创新 发展"),
        ("问题 ，对策 。 （一） 总体", "问题，对策。（一）总体"),
        ("科技\u200b创新\ufeff", "科技创新"),
        ("见\x000\x00 https://a.cn", "见0 https://a.cn"),
        ("1,000 items (English only)", "1,000 items (English only)"),
        ("研发(R&D)投入", "研发（R&D）投入"),
        ("函数f(x)的值", "函数f(x)的值"),
        ("（一)总体要求", "（一）总体要求"),
        ('他说"双轮驱动"很重要', "他说“双轮驱动”很重要"),
        ('print("hello")', 'print("hello")'),
    ],
)
def test_punctuation(before: str, after: str) -> None:
    assert normalize_punctuation(before) == after
    assert normalize_punctuation(after) == after


def test_corner_quotes_kept_for_traditional_output() -> None:
    assert normalize_punctuation("「不忘初心」,牢記使命", quotes=False) == "「不忘初心」，牢記使命"


# --- the change report -------------------------------------------------------------------------


def test_report_lists_every_change_with_its_line() -> None:
    seed = SEEDS / "001_30305e7df3106016.txt"
    source_lines = seed.read_text(encoding="utf-8").splitlines()
    doc, report = normalize_report(clean(read_source(seed)))
    assert report.detection is not None and report.conversion == "tw2sp"
    changes = report.changes
    phrase = next(c for c in changes if c.rule == "phrase" and "人工智慧" in c.before)
    assert "人工智能" in phrase.after and "智慧→智能" in phrase.note
    assert "人工智慧" in source_lines[phrase.line - 1]
    fix = next(c for c in changes if c.rule == "fix")
    assert (fix.before, fix.after, fix.note) == ("整合", "整合", "OpenCC tw2sp: 集成")
    assert "整合" in source_lines[fix.line - 1]
    paren = next(c for c in changes if c.rule == "paren")
    assert (paren.before, paren.after) == ("(境)", "（境）") and "(境)" in source_lines[paren.line - 1]
    assert {c.rule for c in changes} >= {"script", "phrase", "fix", "punct", "paren", "quotes"}
    assert any(c.field == "title" and c.line == 0 for c in changes)
    # The report comes from the same code: normalize() gives the same document.
    assert normalize(clean(read_source(seed))) == doc
    # What each change put in is in the output.
    texts = {"title": doc.meta.title, "source": doc.meta.source, "text": body(doc)}
    for c in changes:
        assert c.after in texts[c.field]


def test_report_of_a_normalised_document_is_empty() -> None:
    doc, _ = normalize_report(page(PAGES / "tw-satellite.txt"))
    again, report = normalize_report(doc)
    assert again is doc and report.changes == () and report.detection is None


def test_report_render() -> None:
    _, report = normalize_report(
        Document(meta=Meta(slug="x"), blocks=(Block("paragraph", "\u3000科技,創新", lines=(7,)),))
    )
    lines = [c.render("x.txt") for c in report.changes]
    assert "x.txt:7: [space] \\u3000 → ∅  (\\u3000科技,創新)" in lines
    assert "x.txt:7: [punct] , → ，  (科技,創新)" in lines
    assert "x.txt:7: [script] 創新 → 创新" in lines


def test_cli_report(tmp_path: Path) -> None:
    runner = CliRunner()
    page_path = PAGES / "tw-ai-action-plan.txt"
    result = runner.invoke(app, ["normalize", str(page_path), "-o", str(tmp_path), "--report"])
    assert result.exit_code == 0, result.output
    assert "tw-ai-action-plan.txt:3: [fix] 透過 → 通过  (OpenCC tw2sp: 透过)" in result.stdout
    assert "(traditional, taiwan, tw2sp, " in result.stderr
    doc = load_document(tmp_path / "tw-ai-action-plan.md")
    assert doc.meta.region == "taiwan" and "云计算" in body(doc)

    result = runner.invoke(app, ["normalize", str(page_path), "-o", str(tmp_path), "--report", "--json"])
    assert result.exit_code == 0
    entry = json.loads(result.stdout)["outputs"][0]
    assert (entry["script"], entry["region"], entry["conversion"]) == ("traditional", "taiwan", "tw2sp")
    assert ["軟體", 3] in entry["evidence"]
    assert {"rule": "fix", "before": "雲端運算", "after": "云计算", "line": 5, "field": "text", "block": 3,
            "note": "OpenCC tw2sp: 云端运算"} in entry["changes"]  # fmt: skip

    result = runner.invoke(app, ["normalize", str(page_path), "-o", str(tmp_path), "--json"])
    assert "changes" not in json.loads(result.stdout)["outputs"][0]


def test_cli_report_on_cleaned_markdown(tmp_path: Path) -> None:
    """Blocks read back from Markdown have no source lines: the block number stands in."""
    runner = CliRunner()
    assert runner.invoke(app, ["clean", str(PAGES / "tw-smart-city.txt"), "-o", str(tmp_path / "c")]).exit_code == 0
    result = runner.invoke(app, ["normalize", str(tmp_path / "c"), "-o", str(tmp_path / "n"), "--report"])
    assert result.exit_code == 0, result.output
    assert "tw-smart-city.txt:¶2: [script] 臺北市政府宣布啟動 → 台北市政府宣布启动" in result.stdout
    assert "tw-smart-city.txt:title: [quotes]" not in result.stdout


def test_cli_bad_input(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["normalize", str(PAGES / "tw-satellite.txt"), "-o", str(tmp_path), "--script", "x2y"])
    assert result.exit_code == 2 and "unknown --script 'x2y'" in result.stderr
    empty = tmp_path / "empty.md"
    empty.write_text("---\ntitle: x\n---\n", encoding="utf-8")
    result = runner.invoke(app, ["normalize", str(empty), str(PAGES / "tw-satellite.txt"), "-o", str(tmp_path / "o")])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "error: empty.md: no body text left after cleaning" in result.stderr  # the file, not its slug
    assert (tmp_path / "o" / "tw-satellite.md").exists()


# --- properties --------------------------------------------------------------------------------

# Characters from both scripts, Taiwan and Hong Kong words and fix fragments, ASCII and
# full-width punctuation, quotes, spaces, digits and Latin letters.
_ALPHABET = list("科技創新发展網路资讯軟體人工智慧演算法核心整合透過程序建立執行數位居衞揹鍛鍊私隱質素的")
_ALPHABET += list('，。,:;!?()（）「」『』" 　1.A-年')
_WORDS = ["雲端運算", "智慧財產權", "滲透過程", "透過程式", "個人資料", "可再生能源", "https://a.cn/x,y", "R&D", "3.1%"]
chinese = st.lists(st.one_of(st.sampled_from(_ALPHABET), st.sampled_from(_WORDS)), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(chinese, st.sampled_from(["tw2sp", "t2s", "hk2s", "tw2s"]))
def test_normalise_is_idempotent(text: str, config: str) -> None:
    once = normalize_text(text, config)
    assert normalize_text(once, config) == once
    assert normalize_text(once, "none") == once


@settings(max_examples=200, deadline=None)
@given(chinese)
def test_normalising_a_normalised_document_changes_nothing(text: str) -> None:
    doc = Document(meta=Meta(slug="x", title=text[:10]), blocks=(Block("paragraph", text, lines=(1,)),))
    once = normalize(doc)
    assert normalize(once) is once
    fresh = normalize(replace(once, meta=replace(once.meta, script="", region="", conversion="")))
    assert fresh.blocks == once.blocks and fresh.meta.title == once.meta.title


@settings(max_examples=300, deadline=None)
@given(
    chinese,
    st.from_regex(
        r"[0-9]{1,4}([.,:][0-9]{1,3})?%?|[0-9]{4}-[0-9]{2}-[0-9]{2}|[A-Za-z]{1,8}([&+.-][A-Za-z0-9]{1,4})?"
        r"|https?://[a-z]{3,8}\.(cn|com)/[a-z,?=&]{0,8}[a-z0-9/]",
        fullmatch=True,
    ),
    chinese,
    st.sampled_from(["tw2sp", "t2s", "hk2s", "auto"]),
)
def test_digits_latin_and_urls_survive(left: str, token: str, right: str, config: str) -> None:
    """A token between Chinese (separated from ASCII neighbours by a Chinese character) is kept."""
    text = f"{left}科{token}技{right}"
    if config == "auto":
        out = body(normalize(Document(meta=Meta(slug="x"), blocks=(Block("paragraph", text),))))
    else:
        out = normalize_text(text, config)
    assert f"{token}" in out


@settings(max_examples=300, deadline=None)
@given(chinese, st.sampled_from(["tw2sp", "t2s", "hk2s", "tw2s", "auto"]))
def test_output_is_fully_simplified(text: str, config: str) -> None:
    if config == "auto":
        out = body(normalize(Document(meta=Meta(slug="x"), blocks=(Block("paragraph", text),))))
    else:
        out = normalize_text(text, config)
    assert t2s(out) == out
