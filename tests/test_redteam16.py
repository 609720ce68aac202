# ruff: noqa: E501  (pages are written as a CMS prints them, a line an element)
r"""Red-team tests (round 16): commit 2a8c4f5 against its parent c6c043b:

* ``textmeta.is_metadata``: a line with "(发布|修改|编辑|更新|发表)于 YYYY-MM-DD" at its start or
  after a space, and no clause mark, is metadata (``_POSTED``; all of ``_POSTED`` now needs a
  line without a clause mark); the strong fields gained 原始发表, 文章被收录于专栏, 收录于专栏,
  所属专栏, 解读形式, 政策原文 (one opening a line with a colon makes it metadata);
* ``textmeta.BYLINE_PATTERN``: "作者＼生活報橘 蔡芷庭";
* ``clean/rules.py``: "credit" takes several "X记者｜name" / "X编辑｜name" on one line and
  "封面图片来源："; "repost-notice" takes "如需转载", "与本站联系索取稿酬" and "未经《报名》…授权"
  (and starts the trailer); "site-promo" takes "读者热线：" (and starts the trailer).

Each test is a small page as a Chinese site prints it, checked through ``clean(read_source(…))``;
its docstring says what a reader should get, why a real site prints such a page, what c6c043b
gave, and whether the hole is a REGRESSION (passes on c6c043b, fails now) or a CLAIM GAP (fails
on both). Tests marked HOLDS pass now: realistic variants the change gets right. Six failed on
2a8c4f5 (six regressions); all pass since the mend that followed: a post's days make a metadata
line only two at a time and with no clause (the clause test no longer touches the reading-time
lines); "政策原文：" is no field; "如需转载" only opens a line; "未经《报名》…授权" is no notice
("严禁转载或镜像" is); "读者热线：" only opens a line with its number."""

from __future__ import annotations

from pathlib import Path

from .test_redteam12 import body, read  # one page, cleaned; its blocks less headings

# --- 1. metadata-line: a changelog's items "v2.1 发布于 2024-03-01" --------------------------------

CHANGELOG = """<html><head><meta charset="utf-8"><title>从 v1 到 v3：我们的开源日志库这三年 - 某某技术博客</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/tags/">标签</a> <a href="/about/">关于</a></div>
<article><h1>从 v1 到 v3：我们的开源日志库这三年</h1>
<div class="post-meta">2024-06-18 · 8 分钟 · 3120 字 · 林深</div>
<div class="post-content">
<p>三年前，我们为了解决内部服务日志格式不统一的问题，写了一个很小的日志库。没想到它后来被几十个团队用上，也在 GitHub 上收获了两千多颗星。这篇文章回顾一下它的几个关键版本。</p>
<h2>版本时间线</h2>
<ul>
<li>v1.0 发布于 2021-05-10 仅支持同步写入</li>
<li>v2.0 发布于 2022-09-01 引入异步批量刷盘</li>
<li>v2.1 发布于 2023-03-15 修复高并发下的内存泄漏</li>
<li>v3.0 发布于 2024-06-01 支持 OpenTelemetry 日志协议</li>
</ul>
<p>回头看，v2.0 的异步刷盘是最重要的一次改动：在我们的压测里，它让单机写入吞吐提升了将近六倍，而代价只是进程崩溃时可能丢失最后几十毫秒的日志。</p>
<p>v3.0 之后，我们计划把精力放在采样和脱敏上，也欢迎大家在 issue 里提需求。</p>
</div></article>
<div class="foot">© 2024 某某技术博客</div>
</body></html>"""


def test_a_changelogs_发布于_items_are_kept(tmp_path: Path) -> None:
    """REGRESSION (passes on c6c043b). A tech blog's retrospective lists its library's versions,
    one a list item, as such posts and every README's "版本历史" do: "v2.0 发布于 2022-09-01 引入
    异步批量刷盘" (a version, its day, what it brought; no comma). The reader should get the four
    items: they are the post's timeline. ``_POSTED``'s new branch ``(?:^|\\s)(发布|…)于\\s*\\d{4}-…``
    takes any line without a clause mark that has "发布于 <date>" after a space as a blog's post
    line, so "metadata-line" drops all four. c6c043b kept them."""
    doc = read(tmp_path, CHANGELOG)
    kept = " ".join(body(doc))
    for item in (
        "v1.0 发布于 2021-05-10",
        "v2.0 发布于 2022-09-01",
        "v2.1 发布于 2023-03-15",
        "v3.0 发布于 2024-06-01",
    ):
        assert item in kept
    assert doc.meta.date == "2024-06-18"


# --- 2. metadata-line: a 解读's clause-by-clause "政策原文：…" / "解读：…" -----------------------------

JIEDU = """<html><head><meta charset="utf-8"><title>《某某市促进科技型中小企业高质量发展若干措施》政策解读_某某市科学技术局</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/zwgk/">政务公开</a> <a href="/zcjd/">政策解读</a></div>
<div class="article"><h1>《某某市促进科技型中小企业高质量发展若干措施》政策解读</h1>
<div class="info">发布日期：2024-05-20 来源：市科学技术局</div>
<div class="content">
<p>为便于社会各界准确理解和把握政策内容，现将《若干措施》主要条款解读如下。</p>
<p>政策原文：（一）对首次认定的国家高新技术企业，给予一次性20万元奖励；</p>
<p>解读：奖励对象为首次通过认定的企业，重新认定的企业不再享受，奖励资金由市、区两级财政按1:1比例承担。</p>
<p>政策原文：（二）对年度研发投入超过500万元的企业，按新增研发投入的10%给予补助，最高不超过100万元；</p>
<p>解读：新增研发投入以企业所得税汇算清缴中的研发费用加计扣除数据为准，与上一年度相比计算增量。</p>
<p>政策原文：（三）支持企业建设市级以上研发机构</p>
<p>解读：对新认定的国家级、省级研发机构分别给予200万元、50万元奖励，已享受同类奖励的不重复支持。</p>
<p>本解读自发布之日起施行，由市科学技术局负责解释。</p>
</div></div>
<div class="foot">主办：某某市科学技术局 版权所有</div>
</body></html>"""


def test_a_解读s_政策原文_clauses_are_kept(tmp_path: Path) -> None:
    """REGRESSION (passes on c6c043b). City and county 政策解读 pages very often go clause by
    clause: "政策原文：（一）…；" quoting the measure, then "解读：…" explaining it (a measure's items
    end with "；" or no mark, as the policy prints them). The reader should get each quoted clause:
    without it the 解读 lines answer nothing. 政策原文 is now a strong field, so every such line
    that does not end in "。" and is at most 200 characters is a "metadata-line" and goes; the
    解读 lines stay, orphaned. c6c043b kept all three. (The seventh batch's "政策原文：" was a
    header field over a link; a field whose value is a clause, a line with "；", is the text.)"""
    kept = body(read(tmp_path, JIEDU))
    assert any(b.startswith("政策原文：（一）对首次认定的国家高新技术企业") for b in kept)
    assert any(b.startswith("政策原文：（二）对年度研发投入超过500万元的企业") for b in kept)
    assert any(b.startswith("政策原文：（三）支持企业建设市级以上研发机构") for b in kept)


# --- 3. repost-notice: a copyright case's "未经《报名》授权转载" ----------------------------------------

COURT = """<html><head><meta charset="utf-8"><title>擅自转载新闻稿件千余篇 一自媒体公司被判赔偿12万元_某某法治网</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/fz/">法治</a> <a href="/sf/">司法</a></div>
<div class="article"><h1>擅自转载新闻稿件千余篇 一自媒体公司被判赔偿12万元</h1>
<div class="info">2024-04-26 09:12 来源：某某法治网 记者 孙磊</div>
<div class="content">
<p>世界知识产权日前夕，某某区人民法院公开宣判一起侵害作品信息网络传播权纠纷案。</p>
<p>法院审理查明，被告某某文化传媒公司运营的多个公众号未经《都市晨报》授权转载其原创稿件共计1200余篇</p>
<p>庭审中被告辩称稿件注明了出处</p>
<p>法院认为注明出处不能替代许可</p>
<p>法院最终判决被告停止侵权，并赔偿原告经济损失及合理开支共计12万元。</p>
<p>承办法官提醒，新闻作品同样受著作权法保护，转载他人原创稿件应当事先取得授权并支付报酬。</p>
</div></div>
<div class="foot">某某法治网 版权所有</div>
</body></html>"""


def test_a_copyright_cases_未经报名授权_finding_is_kept(tmp_path: Path) -> None:
    """REGRESSION (passes on c6c043b). Around 4月26日 every 法治 desk reports a 信息网络传播权 case:
    "法院审理查明，被告…未经《都市晨报》授权转载其原创稿件共计1200余篇" (a court's finding, no full
    stop where the page split the paragraph, as 法治 sites' editors often break lines). The reader
    should get the finding and the short lines under it. The new branch ``未经《[^》]{1,12}》\\S{0,4}
    授权.{0,10}转载`` takes the finding for a paper's repost notice, and "repost-notice" starts the
    trailer, so "庭审中被告辩称…" and "法院认为…" go too. c6c043b kept all three."""
    kept = body(read(tmp_path, COURT))
    assert any("未经《都市晨报》授权转载其原创稿件" in b for b in kept)
    assert "庭审中被告辩称稿件注明了出处" in kept
    assert "法院认为注明出处不能替代许可" in kept


# --- 4. repost-notice: an interview's "如需转载" -----------------------------------------------------

PHOTOGRAPHER = """<html><head><meta charset="utf-8"><title>对话风光摄影师老周：我的照片被盗用了三百多次_某某影像</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/rw/">人物</a> <a href="/fangtan/">访谈</a></div>
<div class="article"><h1>对话风光摄影师老周：我的照片被盗用了三百多次</h1>
<div class="info">2024-07-09 14:30 来源：某某影像 作者：何静</div>
<div class="content">
<p>老周拍了十五年川西，他的雪山照片在网上流传很广，但大多数时候，用图的人并没有告诉他。</p>
<p>问：你怎么发现照片被盗用的？</p>
<p>老周：一开始是朋友截图给我，后来我用识图工具搜，一搜就是三百多处，有旅行社的广告，也有景区的宣传册。</p>
<p>问：现在你怎么处理？</p>
<p>老周：我在每张图的说明里都写清楚了如需转载请私信我，大多数人联系我以后我都免费授权</p>
<p>问：那商用呢？</p>
<p>老周：商用要收费</p>
<p>老周说，他最希望的是用图的人先问一句，哪怕只是署个名。</p>
</div></div>
<div class="foot">某某影像 版权所有</div>
</body></html>"""


def test_an_interviews_如需转载_answer_is_kept(tmp_path: Path) -> None:
    """REGRESSION (passes on c6c043b). A photography site's Q&A with a photographer about his
    stolen pictures: "老周：我在每张图的说明里都写清楚了如需转载请私信我，大多数人…" (spoken, so no
    full stop at the answer's end, as transcripts often print). The reader should get the answer
    and the Q&A after it. "repost-notice" now takes "如需转载" anywhere in a line of at most 120
    characters and starts the trailer, so the answer goes and so do "问：那商用呢？" and "老周：商用
    要收费". c6c043b kept them."""
    kept = body(read(tmp_path, PHOTOGRAPHER))
    assert any("如需转载请私信我" in b for b in kept)
    assert "问：那商用呢？" in kept
    assert "老周：商用要收费" in kept


# --- 5. site-promo: a consumer story's "读者热线：" ------------------------------------------------------

MAGAZINE = """<html><head><meta charset="utf-8"><title>杂志续订“自动扣费”三年 老人浑然不知_某某消费维权网</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/ts/">投诉</a> <a href="/wq/">维权</a></div>
<div class="article"><h1>杂志续订“自动扣费”三年 老人浑然不知</h1>
<div class="info">2024-03-15 08:40 来源：某某消费维权网 记者 郑雨</div>
<div class="content">
<p>市民刘女士近日向本网反映，她72岁的父亲三年前订阅了一份养生杂志，此后每年都被自动续订扣费，老人对此毫不知情。</p>
<p>刘女士随即拨打了杂志封底印着的读者热线：400-820-6677</p>
<p>客服称续订条款写在订阅单背面</p>
<p>刘女士表示从未见过该条款</p>
<p>经记者协调，杂志社同意退还后两年的订阅费共计576元，并取消自动续订。</p>
<p>律师提醒，经营者以格式条款设置自动续费的，应当在扣费前以显著方式提醒消费者，否则消费者可主张相关条款无效。</p>
</div></div>
<div class="foot">某某消费维权网 版权所有</div>
</body></html>"""


def test_a_consumer_storys_读者热线_line_is_kept(tmp_path: Path) -> None:
    """REGRESSION (passes on c6c043b). On 3·15 every consumer desk runs complaint stories; this
    one about a magazine's silent renewals says "刘女士随即拨打了杂志封底印着的读者热线：400-820-6677"
    (the line broken at the number, as such pages do). The reader should get the line and the
    short ones under it: they are the complaint. "site-promo" now takes "读者热线：" anywhere in
    a line of at most 160 characters and starts the trailer, so the complaint's three lines go.
    c6c043b kept them (it took only 报料/爆料/新闻热线)."""
    kept = body(read(tmp_path, MAGAZINE))
    assert "刘女士随即拨打了杂志封底印着的读者热线：400-820-6677" in kept
    assert "客服称续订条款写在订阅单背面" in kept
    assert "刘女士表示从未见过该条款" in kept


# --- 6. metadata-line: a Hugo post line with several authors, "阿周, 小林 & 老王" -----------------------

HUGO = """<html><head><meta charset="utf-8"><title>Go 并发模式实践笔记 | 三人行技术周刊</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/posts/">文章</a> <a href="/tags/">标签</a></div>
<article><h1>Go 并发模式实践笔记</h1>
<div class="post-meta">2024-03-10 · 6 分钟 · 2816 字 · 阿周, 小林 &amp; 老王</div>
<div class="post-content">
<p>这一期我们三个人各自整理了在项目里用得最多的并发模式，合成一篇笔记，供大家参考。</p>
<p>第一种是 worker pool：固定数量的 goroutine 从同一个 channel 取任务，既能限制并发度，又避免了频繁创建 goroutine 的开销。</p>
<p>第二种是 errgroup：一组任务里任何一个出错就取消其余任务，适合并发调用多个下游服务的场景。</p>
</div></article>
<div class="foot">© 2024 三人行技术周刊 · Powered by Hugo &amp; PaperMod</div>
</body></html>"""


def test_a_hugo_post_line_with_several_authors_goes(tmp_path: Path) -> None:
    """REGRESSION (passes on c6c043b). Hugo's PaperMod theme prints a post's line as "2024-03-10 ·
    6 分钟 · 2816 字 · 阿周, 小林 & 老王" (it joins several authors with ", " and " & "); team blogs
    and weekly digests have several. The reader should get the three paragraphs only. The commit
    now asks every ``_POSTED`` line to have no clause mark (for the new "发布于 <date>" branch),
    and the authors' comma is one, so the line stays as the text's first paragraph. c6c043b
    dropped it as metadata."""
    doc = read(tmp_path, HUGO)
    assert not any("2816 字" in b for b in body(doc))
    assert doc.meta.date == "2024-03-10"


# --- 7. HOLDS: the seventh batch's post line, a credit pair, a paper's notice ------------------------

BLOG = """<html><head><meta charset="utf-8"><title>一次 Redis 连接池耗尽的排查-后端老周的博客</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/blog/">博客</a></div>
<article><h1>一次 Redis 连接池耗尽的排查</h1>
<div class="meta">后端老周 修改于 2024-04-01 10:12:33 发布于 2024-03-28 21:05:10 1.8K 0 举报</div>
<div class="content">
<p>上周五晚上，订单服务突然大量超时，监控显示 Redis 连接池的活跃连接数一直顶在上限。</p>
<p>Vue 3 发布于 2020-09-18，此后我们前端的所有项目都迁了过去，这次的问题却出在后端。</p>
<p>排查下来，是一个批量查询接口在异常分支里忘了归还连接，压测时流量不大，问题一直没有暴露。</p>
<p>修复很简单：把获取和归还放进 try/finally，并给连接池加上借出超时的告警。</p>
</div></article>
<div class="foot">© 2024 后端老周</div>
</body></html>"""


def test_holds_a_blogs_修改于_发布于_post_line_goes_and_a_sentence_stays(tmp_path: Path) -> None:
    """HOLDS (passes now; c6c043b joined the post line to the text). A CSDN-style post line "后端老周
    修改于 2024-04-01 10:12:33 发布于 2024-03-28 21:05:10 1.8K 0 举报" is metadata and dates the page;
    a sentence that says "Vue 3 发布于 2020-09-18，…" (a clause mark) stays."""
    doc = read(tmp_path, BLOG)
    kept = body(doc)
    assert not any("举报" in b for b in kept)
    assert any(b.startswith("Vue 3 发布于 2020-09-18，") for b in kept)
    assert doc.meta.date in ("2024-03-28", "2024-04-01")


NBD = """<html><head><meta charset="utf-8"><title>多家银行下调存款利率 大额存单“秒光”成历史_每日经济新闻</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/jr/">金融</a></div>
<div class="article"><h1>多家银行下调存款利率 大额存单“秒光”成历史</h1>
<div class="info">2024-05-11 20:31:15 来源：每日经济新闻</div>
<div class="content">
<p>每经记者｜张明　每经编辑｜李华</p>
<p>近日，多家股份制银行宣布下调人民币存款挂牌利率，三年期定期存款利率普遍降至2.2%以下。</p>
<p>业内人士表示，存款利率下调有助于缓解银行净息差压力，预计后续仍有中小银行跟进。</p>
<p>封面图片来源：视觉中国</p>
<p>未经《每日经济新闻》报社授权，严禁转载或镜像，违者必究。</p>
<p>如需转载请与《每日经济新闻》报社联系。</p>
</div></div>
</body></html>"""


def test_holds_a_papers_credit_pair_and_its_notice_go(tmp_path: Path) -> None:
    """HOLDS (passes now). 每日经济新闻's story: the credit pair "每经记者｜张明　每经编辑｜李华",
    "封面图片来源：视觉中国" and the paper's two notices go; the two paragraphs stay."""
    kept = body(read(tmp_path, NBD))
    assert kept == [
        "近日，多家股份制银行宣布下调人民币存款挂牌利率，三年期定期存款利率普遍降至2.2%以下。",
        "业内人士表示，存款利率下调有助于缓解银行净息差压力，预计后续仍有中小银行跟进。",
    ]
