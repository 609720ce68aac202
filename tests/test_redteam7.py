# ruff: noqa: E501  (pages are written as a CMS prints them, a line an element)
"""Red-team tests (round 7): preformatted text read line by line, the lead brought back from
above the main text, the headline among several lines that say the title, the page's 发布日期
read over its head only, policy-library fields, two-heading titles, the stamped feed's teasers
and its stamps.

Each test states the claim it checks, why a real site produces the page and how likely it is.
All of them fail on the code they were written against (95fb423). Nine passed before its change
(48c45a9): the typed notice's sentences, the sidebar entry taken for the headline, the date
under a subtitle and the 1990 regulation's date, the 所属行业 and 适用对象/适用行业 lines, the
two decks taken for titles, and the next story under an <h2>. The others were wrong before too
but lie in what the change claims to handle (code blocks, stamps, the lead, two-cell fields)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from toolkit.clean import clean
from toolkit.document import Document
from toolkit.files import read_source


def read(tmp_path: Path, html: str) -> Document:
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    return clean(read_source(path, "html"))


def body(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks]


# --- preformatted text ----------------------------------------------------------------------

TYPED = """<html><head><meta charset="utf-8"><title>关于2024年春节放假安排的通知_通知公告_某某大学</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/tzgg/">通知公告</a> <a href="/xwzx/">新闻中心</a></div>
<div class="article">
<h1>关于2024年春节放假安排的通知</h1>
<div class="info">发布时间：2024-01-20　来源：校长办公室　浏览次数：1023</div>
<div class="content">
<pre>各学院、各部门：
    根据国务院办公厅通知精神，结合我校实际，现将2024年春节放假
安排通知如下：
    一、2月10日至17日放假调休，共8天。2月4日（星期日）、2月18日
（星期日）上班。
    二、放假期间，各单位要切实做好安全保卫工作，加强值班，遇有重大
突发事件发生，要按规定及时报告并妥善处置。
    三、各单位要妥善安排好值班和安全、保卫等工作，确保师生度过一个
欢乐祥和的春节。

                                            校长办公室
                                         2024年1月20日</pre>
</div></div>
<div class="footer">版权所有 © 某某大学</div>
</body></html>"""


def test_a_typed_notices_wrapped_lines_are_joined_into_its_sentences(tmp_path: Path) -> None:
    """A university's notice pasted into the CMS as typed text, in a <pre>, its lines wrapped by
    hand at a fixed width ("…现将2024年春节放假" / "安排通知如下："). Every line of a <pre> is now a
    paragraph of its own that no other line joins, so each sentence is cut in two at the wrap:
    the reader (and a translator, segment by segment) gets half-sentences. Before (48c45a9) the
    wrapped lines were joined into their paragraphs. Old school and county sites print such
    notices in <pre> (a .txt pasted in, a "纯文本" editor mode); likely on those, rare elsewhere."""
    kept = body(read(tmp_path, TYPED))
    assert "根据国务院办公厅通知精神，结合我校实际，现将2024年春节放假安排通知如下：" in kept
    assert "一、2月10日至17日放假调休，共8天。2月4日（星期日）、2月18日（星期日）上班。" in kept


CODE = '''<html><head><meta charset="utf-8"><title>Python装饰器详解：从入门到实战_Python教程_某某技术博客</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/python/">Python</a> <a href="/java/">Java</a></div>
<div class="post">
<h1>Python装饰器详解：从入门到实战</h1>
<div class="meta">2023-08-15 10:20　作者：码农小白　阅读：2451</div>
<div class="post-content">
<p>装饰器是Python中非常强大的一个特性，它可以在不修改原函数代码的前提下，为函数添加额外的功能。</p>
<p>下面是一个最简单的计时装饰器：</p>
<pre><code class="language-python">import time
from functools import wraps

# 计时装饰器
def timer(func):
    @wraps(func)
    def wrapper(*args, **kwargs):
        start = time.time()
        result = func(*args, **kwargs)
        print(f"{func.__name__} 耗时 {time.time() - start:.2f} 秒")
        return result
    return wrapper

@timer
def download(url):
    """下载一个网页。"""
    ...
</code></pre>
<p>使用时只需要在函数定义上方加上@timer即可，调用download时就会自动打印耗时。</p>
<p>需要注意的是，wraps装饰器可以保留原函数的名字和文档字符串，建议每次写装饰器都加上。</p>
<h2>相关阅读</h2>
<ul><li><a href="/a/1">Python生成器详解</a></li><li><a href="/a/2">Python上下文管理器</a></li></ul>
</div></div>
<div class="footer">Copyright © 2023 某某技术博客</div>
</body></html>'''


@pytest.mark.xfail(
    strict=True,
    reason="known limitation, left open: a code block's lines lose their indentation, because cleaning keeps each "
    "code line as a paragraph of the cleaned Markdown, where leading spaces are not text (four would even make "
    "it a Markdown code block); keeping it needs a code block kind in Document, carried through segmenting "
    "(not translated), the exchange formats and publishing (rendered as <pre>)",
)
def test_a_code_blocks_indentation_survives(tmp_path: Path) -> None:
    """A Python tutorial's code block (<pre><code class="language-python">, as every Markdown
    blog engine prints one): each source line is now a line of its own, but its leading spaces
    are collapsed away, so "    @wraps(func)" and "        return result" come out flush left and
    the function bodies, the decorator's nesting, are gone: the code no longer runs and does not
    say what the article explains. Every blog with Python (or YAML, Makefile) code shows it."""
    text = "\n".join(body(read(tmp_path, CODE)))
    assert re.search(r"^ {4}@wraps\(func\)$", text, re.MULTILINE)
    assert re.search(r"^ {8}return result$", text, re.MULTILINE)


HEXO = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>用 Flask 写一个最简单的 REST API | 小林的技术博客</title>
<meta property="article:published_time" content="2023-06-18T20:11:05.000Z"></head><body>
<header id="header"><a href="/" class="logo">小林的技术博客</a><nav><a href="/">首页</a> <a href="/archives/">归档</a> <a href="/tags/">标签</a> <a href="/about/">关于</a></nav></header>
<main><article class="post">
<header class="post-header"><h1 class="post-title">用 Flask 写一个最简单的 REST API</h1>
<div class="post-meta"><time datetime="2023-06-18T20:11:05.000Z">2023-06-18</time> <span>分类于 <a href="/categories/Python/">Python</a></span></div></header>
<div class="post-body">
<p>Flask 是一个轻量级的 Python Web 框架，用来写小型的接口服务非常方便。这篇文章用不到二十行代码写一个待办事项的接口。</p>
<p>先安装 Flask：</p>
<figure class="highlight bash"><table><tr><td class="gutter"><pre><span class="line">1</span><br></pre></td><td class="code"><pre><span class="line">pip install flask</span><br></pre></td></tr></table></figure>
<p>然后新建 app.py，写入下面的代码：</p>
<figure class="highlight python"><table><tr><td class="gutter"><pre><span class="line">1</span><br><span class="line">2</span><br><span class="line">3</span><br><span class="line">4</span><br><span class="line">5</span><br><span class="line">6</span><br><span class="line">7</span><br><span class="line">8</span><br><span class="line">9</span><br><span class="line">10</span><br><span class="line">11</span><br><span class="line">12</span><br></pre></td><td class="code"><pre><span class="line"><span class="keyword">from</span> flask <span class="keyword">import</span> Flask, jsonify, request</span><br><span class="line"></span><br><span class="line">app = Flask(__name__)</span><br><span class="line">todos = []</span><br><span class="line"></span><br><span class="line"><span class="meta">@app.route(<span class="string">&quot;/todos&quot;</span>, methods=[<span class="string">&quot;GET&quot;</span>])</span></span><br><span class="line"><span class="keyword">def</span> <span class="title function_">list_todos</span>():</span><br><span class="line">    <span class="keyword">return</span> jsonify(todos)</span><br><span class="line"></span><br><span class="line"><span class="meta">@app.route(<span class="string">&quot;/todos&quot;</span>, methods=[<span class="string">&quot;POST&quot;</span>])</span></span><br><span class="line"><span class="keyword">def</span> <span class="title function_">add_todo</span>():</span><br><span class="line">    todos.append(request.json)</span><br></pre></td></tr></table></figure>
<p>运行 python app.py 之后，用 curl 或者 Postman 就可以调用这两个接口了。</p>
<p>下一篇会介绍如何给这个接口加上数据库和身份验证。</p>
</div>
<footer class="post-footer"><div class="post-tags"><a href="/tags/Flask/"># Flask</a> <a href="/tags/Python/"># Python</a></div></footer>
</article></main>
<footer id="footer">© 2023 小林 | Powered by Hexo | Theme NexT</footer>
</body></html>"""


HUGO = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>用 Flask 写一个最简单的 REST API | 小林的技术博客</title>
<meta property="article:published_time" content="2023-06-18T20:11:05.000Z"></head><body>
<header id="header"><a href="/" class="logo">小林的技术博客</a><nav><a href="/">首页</a> <a href="/archives/">归档</a> <a href="/tags/">标签</a> <a href="/about/">关于</a></nav></header>
<main><article class="post">
<header class="post-header"><h1 class="post-title">用 Flask 写一个最简单的 REST API</h1>
<div class="post-meta"><time datetime="2023-06-18T20:11:05.000Z">2023-06-18</time> <span>分类于 <a href="/categories/Python/">Python</a></span></div></header>
<div class="post-body">
<p>Flask 是一个轻量级的 Python Web 框架，用来写小型的接口服务非常方便。这篇文章用不到二十行代码写一个待办事项的接口。</p>
<p>先安装 Flask：</p>
<div class="highlight"><div class="chroma"><table class="lntable"><tr><td class="lntd"><pre tabindex="0" class="chroma"><code><span class="lnt">1
</span></code></pre></td><td class="lntd"><pre tabindex="0" class="chroma"><code class="language-python" data-lang="python"><span class="line"><span class="cl">pip install flask
</span></span></code></pre></td></tr></table></div></div>
<p>然后新建 app.py，写入下面的代码：</p>
<div class="highlight"><div class="chroma"><table class="lntable"><tr><td class="lntd"><pre tabindex="0" class="chroma"><code><span class="lnt">1
</span><span class="lnt">2
</span><span class="lnt">3
</span><span class="lnt">4
</span><span class="lnt">5
</span><span class="lnt">6
</span><span class="lnt">7
</span><span class="lnt">8
</span></code></pre></td><td class="lntd"><pre tabindex="0" class="chroma"><code class="language-python" data-lang="python"><span class="line"><span class="cl">from flask import Flask, jsonify, request
</span></span><span class="line"><span class="cl">
</span></span><span class="line"><span class="cl">app = Flask(__name__)
</span></span><span class="line"><span class="cl">todos = []
</span></span><span class="line"><span class="cl">
</span></span><span class="line"><span class="cl">@app.route(&quot;/todos&quot;, methods=[&quot;GET&quot;])
</span></span><span class="line"><span class="cl">def list_todos():
</span></span><span class="line"><span class="cl">    return jsonify(todos)
</span></span></code></pre></td></tr></table></div></div>
<p>运行 python app.py 之后，用 curl 或者 Postman 就可以调用这两个接口了。</p>
<p>下一篇会介绍如何给这个接口加上数据库和身份验证。</p>
</div>
<footer class="post-footer"><div class="post-tags"><a href="/tags/Flask/"># Flask</a> <a href="/tags/Python/"># Python</a></div></footer>
</article></main>
<footer id="footer">© 2023 小林 | Powered by Hugo | Theme LoveIt</footer>
</body></html>"""


@pytest.mark.parametrize("html", [HEXO, HUGO], ids=["hexo", "hugo"])
def test_a_code_blocks_line_numbers_are_not_paragraphs(tmp_path: Path, html: str) -> None:
    """Hexo's highlighter (the default of Hexo 3 to 7, themes NexT, Butterfly, Fluid …) prints a
    code block as a table: a gutter <pre> of line numbers ("1<br>2<br>…") beside the code's
    <pre>, neither with a code class or a <code> (the class is on the <figure>). Both are read
    as "preformatted" text, a paragraph a line: the post carries twelve paragraphs "1", "2", …
    "12" before its code, and the code itself is judged by the line rules like prose. Hugo's
    Chroma with lineNos=table (the default of the LoveIt/DoIt themes) prints its gutter as a
    <pre><code> of numbers: code lines no rule judges, kept as paragraphs "1" … "8". (Before,
    the same numbers were kept too; the change reads every <pre> a line a line but tells no
    gutter from code.) Hexo and Hugo are the most common engines of Chinese tech blogs; likely."""
    kept = body(read(tmp_path, html))
    assert not [line for line in kept if line.strip().isdigit()]


DATE_TUTORIAL = """<html><head><meta charset="utf-8"><title>Linux date 命令的常用用法 - 运维小林 - 博客园</title></head><body>
<div id="header"><a id="Header1_HeaderTitle" href="https://www.cnblogs.com/xiaolin/">运维小林</a></div>
<div id="navigator"><a href="/">博客园</a> <a href="/xiaolin/">首页</a> <a href="/xiaolin/new">新随笔</a> <a href="/xiaolin/contact">联系</a> <a href="/xiaolin/rss">订阅</a> <a href="/xiaolin/manage">管理</a></div>
<div id="main"><div id="mainContent"><div class="forFlow"><div id="post_detail">
<div class="post">
<h1 class="postTitle"><a id="cb_post_title_url" class="postTitle2" href="https://www.cnblogs.com/xiaolin/p/17123456.html"><span>Linux date 命令的常用用法</span></a></h1>
<div class="clear"></div>
<div class="postBody"><div id="cnblogs_post_body" class="blogpost-body">
<p>date 命令用来显示或设置系统的日期和时间，写脚本的时候经常要用它生成带日期的文件名。下面整理几个常用的用法。</p>
<p>1. 直接执行 date，显示当前的日期和时间：</p>
<div class="cnblogs_code"><pre>[root@localhost ~]# date
2024年 03月 05日 星期二 10:20:01 CST</pre></div>
<p>2. 按指定格式输出，比如只要年月日：</p>
<div class="cnblogs_code"><pre>[root@localhost ~]# date +%Y-%m-%d
2024-03-05</pre></div>
<p>3. 输出昨天的日期，写日志清理脚本时很常用：</p>
<div class="cnblogs_code"><pre>[root@localhost ~]# date -d "yesterday" +"%Y-%m-%d %H:%M:%S"
2024-03-04 10:20:35</pre></div>
<p>以上就是 date 命令最常用的几种写法，更多参数可以通过 man date 查看。</p>
</div></div>
<div class="postDesc">posted @ <span id="post-date">2024-03-05 10:30</span> 运维小林 阅读(1203) 评论(0) <a href="#">编辑</a> <a href="#">收藏</a> <a href="#">举报</a></div>
</div></div></div></div></div>
<div id="footer">Copyright © 2024 运维小林 Powered by .NET 8.0 on Kubernetes</div>
</body></html>"""


@pytest.mark.parametrize(
    ("open_tag", "close_tag"),
    [('<div class="cnblogs_code"><pre>', "</pre></div>"), ('<pre><code class="language-bash">', "</code></pre>")],
    ids=["cnblogs-pre", "code-block"],
)
def test_a_shell_tutorials_steps_and_output_stay(tmp_path: Path, open_tag: str, close_tag: str) -> None:
    """A 博客园 post on the date command: each step is a numbered line, then a <pre> with the
    command and its output, a date ("2024-03-05"). The dated output lines under short lines make
    the HTML pass see a list of dated headlines: step 2's heading, its command and its output go
    as link-list, in a code block too (the code's lines are spared the line rules, not the
    page's list passes); in a plain <pre> (博客园's own "插入代码" prints <div class="cnblogs_code">
    <pre> with no class) step 1's output also goes as a date-bar. Tutorials on date, time and
    log commands, SQL's now() and Python's datetime print such output; likely on those."""
    html = DATE_TUTORIAL.replace('<div class="cnblogs_code"><pre>', open_tag).replace("</pre></div>", close_tag)
    kept = body(read(tmp_path, html))
    assert "2. 按指定格式输出，比如只要年月日：" in kept
    assert "[root@localhost ~]# date +%Y-%m-%d" in kept
    assert "2024-03-05" in kept
    assert "2024年 03月 05日 星期二 10:20:01 CST" in kept


WECHAT_CODE = """<html><head><meta charset="utf-8"><title>三行代码搞定Excel批量合并</title>
<meta property="og:title" content="三行代码搞定Excel批量合并"></head><body>
<div id="js_article" class="rich_media">
<div class="rich_media_inner">
<h1 class="rich_media_title" id="activity-name">三行代码搞定Excel批量合并</h1>
<div id="meta_content" class="rich_media_meta_list"><span class="rich_media_meta rich_media_meta_text">小张</span> <span class="rich_media_meta rich_media_meta_nickname" id="profileBt"><a href="javascript:void(0);" id="js_name">Python办公自动化</a></span> <em id="publish_time" class="rich_media_meta rich_media_meta_text">2024-03-05 08:30</em></div>
<div class="rich_media_content js_underline_content" id="js_content">
<p>每个月月底，财务同事都要把几十个部门报上来的Excel表合并成一张，手动复制粘贴要花一下午。</p>
<p>其实用pandas，几行代码就能搞定：</p>
<section class="code-snippet__fix code-snippet__js"><ul class="code-snippet__line-index code-snippet__js"><li></li><li></li><li></li><li></li></ul><pre class="code-snippet__js" data-lang="python"><code><span class="code-snippet_outer">import glob, pandas as pd</span></code><code><span class="code-snippet_outer">files = glob.glob("报表/*.xlsx")</span></code><code><span class="code-snippet_outer">df = pd.concat(pd.read_excel(f) for f in files)</span></code><code><span class="code-snippet_outer">df.to_excel("合并结果.xlsx", index=False)</span></code></pre></section>
<p>运行之后，报表文件夹里的所有表格就会合并成一个“合并结果.xlsx”，前后不到一秒钟。</p>
<p>如果各个表格的表头不完全一样，pandas会自动按列名对齐，缺失的地方留空。</p>
</div></div></div></body></html>"""


def test_a_wechat_code_snippets_lines_stay_apart(tmp_path: Path) -> None:
    """A WeChat article's code snippet (the 公众号 editor's code-snippet__fix block): one <pre>
    holding one <code> per source line, no newline between them. A <pre>'s lines are split
    only at newline characters, so the four lines come out as one, glued without a space
    ("import glob, pandas as pdfiles = glob.glob(…)df = …"): code that no longer parses. Every
    code block of every WeChat tech article is printed so; very likely for WeChat sources."""
    kept = body(read(tmp_path, WECHAT_CODE))
    assert not [line for line in kept if "pdfiles" in line]
    assert 'files = glob.glob("报表/*.xlsx")' in kept


COMMAND_TITLE = """<html><head><meta charset="utf-8"><title>git stash pop - 小林的笔记 - 博客园</title></head><body>
<div id="navigator"><a href="/">博客园</a> <a href="/xiaolin/">首页</a> <a href="/xiaolin/new">新随笔</a> <a href="/xiaolin/rss">订阅</a></div>
<div class="post">
<h1 class="postTitle"><a id="cb_post_title_url" href="https://www.cnblogs.com/xiaolin/p/1.html"><span>git stash pop</span></a></h1>
<div id="cnblogs_post_body" class="blogpost-body">
<p>开发到一半，临时要切到别的分支修一个紧急的bug，可以先把手头的修改存起来：</p>
<pre><code class="language-bash">git stash
git checkout hotfix
</code></pre>
<p>修完bug再切回来，把刚才存起来的修改恢复出来：</p>
<pre><code class="language-bash">git checkout dev
git stash pop
</code></pre>
<p>注意 git stash pop 恢复之后会把这条记录从stash列表里删掉，如果想保留记录，可以用 git stash apply。</p>
</div>
<div class="postDesc">posted @ 2024-03-05 10:30 小林 阅读(88) 评论(0)</div>
</div></body></html>"""


def test_a_code_line_that_says_the_title_is_not_the_headline(tmp_path: Path) -> None:
    """A 博客园 note titled with the command it explains ("git stash pop"), the command again
    as a line of its second code block. Now that a code block is read a line a line, that code
    line equals the title and is taken as the headline: everything above it (the real
    headline, the first paragraph, the first code block, the second paragraph) goes as
    above-headline, and the page loses its date. (Before, the code block was one line, "git
    checkout dev git stash pop", and the article stayed.) Short notes titled with a command
    (git, docker, npm, nginx -s reload) are common on 博客园 and CSDN; likely."""
    doc = read(tmp_path, COMMAND_TITLE)
    kept = body(doc)
    assert "开发到一半，临时要切到别的分支修一个紧急的bug，可以先把手头的修改存起来：" in kept
    assert "git stash" in kept and "git checkout dev" in kept and "git stash pop" in kept
    assert doc.meta.date == "2024-03-05"


CNBLOGS_JAVA = """<html><head><meta charset="utf-8"><title>Spring Boot 统一异常处理的写法 - 码农小林 - 博客园</title></head><body>
<div id="navigator"><a href="/">博客园</a> <a href="/xiaolin/">首页</a> <a href="/xiaolin/new">新随笔</a> <a href="/xiaolin/rss">订阅</a></div>
<div class="post">
<h1 class="postTitle"><a id="cb_post_title_url" href="https://www.cnblogs.com/xiaolin/p/2.html"><span>Spring Boot 统一异常处理的写法</span></a></h1>
<div id="cnblogs_post_body" class="blogpost-body">
<p>项目里如果每个接口都自己try-catch，代码会非常臃肿。Spring Boot提供了@RestControllerAdvice，可以把异常处理集中到一个类里。</p>
<div class="cnblogs_code"><pre>/**
 * 全局异常处理
 *
 * Copyright (c) 2024 某某科技有限公司 All rights reserved.
 * @author 小林
 * @date 2024-03-05
 */
@RestControllerAdvice
public class GlobalExceptionHandler {

    @ExceptionHandler(BizException.class)
    public Result&lt;Void&gt; handleBiz(BizException e) {
        return Result.fail(e.getCode(), e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    public Result&lt;Void&gt; handleOther(Exception e) {
        log.error("系统异常", e);
        return Result.fail(500, "系统繁忙，请稍后再试");
    }
}</pre></div>
<p>这样业务代码里只需要抛出BizException，返回给前端的格式就统一了。未知异常统一记录日志并返回“系统繁忙”。</p>
</div>
<div class="postDesc">posted @ 2024-03-05 10:30 码农小林 阅读(233) 评论(1)</div>
</div></body></html>"""


def test_a_license_line_in_a_cnblogs_code_block_stays(tmp_path: Path) -> None:
    """博客园's own "插入代码" prints <div class="cnblogs_code"><pre> with neither a code class
    nor a <code> (the highlighting is inline <span style>): its lines are "preformatted", not
    code, so every line rule but the drawing ones judges them, and the Java class's header
    comment loses its "* Copyright (c) 2024 … All rights reserved." line as footer. Header
    comments with a copyright line open much enterprise Java; 博客园 prints code so in most
    posts written in its rich-text editor; likely."""
    kept = body(read(tmp_path, CNBLOGS_JAVA))
    assert any("Copyright (c) 2024 某某科技有限公司 All rights reserved." in line for line in kept)


LIST_CODE = """<html><head><meta charset="utf-8"><title>Vite 项目从零搭建的三个步骤_前端_某某技术博客</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/fe/">前端</a> <a href="/be/">后端</a></div>
<div class="post">
<h1>Vite 项目从零搭建的三个步骤</h1>
<div class="meta">2024-03-01 09:00　作者：阿杰　阅读：860</div>
<div class="post-content">
<p>Vite的启动速度比webpack快很多，新项目我基本都用它。下面是从零搭建一个Vue3项目的步骤。</p>
<ol>
<li><p>创建项目：</p>
<pre><code class="language-bash">npm create vite@latest my-app -- --template vue
</code></pre></li>
<li><pre><code class="language-bash">cd my-app
npm install
</code></pre></li>
<li><p>启动开发服务器：</p>
<pre><code class="language-bash">npm run dev
</code></pre></li>
</ol>
<p>启动之后在浏览器打开终端里提示的地址，就能看到Vue的欢迎页面了。</p>
</div></div></body></html>"""


def test_a_code_block_that_opens_a_list_item_gets_no_bullet(tmp_path: Path) -> None:
    """A Markdown post's numbered steps, one of them only a code block (Markdown's "2. ```bash"
    renders <li><pre><code>…): the list item's bullet is put before the item's first line, here
    a line of code, which no rule judges and no list structure takes back: the reader is told to
    type "• cd my-app". Steps that are only a command are common in setup guides; moderately
    likely."""
    kept = body(read(tmp_path, LIST_CODE))
    assert "cd my-app" in kept
    assert not [line for line in kept if line.startswith("•")]


# --- the headline and the lead above the main text ---------------------------------------

SIDEBAR_LIST = """<html><head><meta charset="utf-8"><title>新手如何选购第一台咖啡机？看完这篇就够了 - 咖啡研习社</title></head><body>
<header class="site-header"><a href="/">咖啡研习社</a> <a href="/gear">器具</a> <a href="/bean">咖啡豆</a></header>
<div class="page-hero"><h1 class="entry-title">新手如何选购第一台咖啡机？看完这篇就够了</h1>
<p class="entry-meta">2023-09-12 · 阿豆</p></div>
<div class="site-inner"><div class="wrap">
<div class="widget-area"><div class="widget"><h3>搜索</h3><form><input type="text"></form></div>
<div class="widget"><h3>最新文章</h3><ul><li><a href="/p/9">手冲咖啡入门：从一把手冲壶开始</a></li><li><a href="/p/8">意式浓缩萃取的十个常见问题</a></li><li><a href="/p/7">新手如何选购第一台咖啡机？看完这篇就够了</a></li><li><a href="/p/6">云南咖啡豆值得买吗？</a></li><li><a href="/p/5">我的第一次拉花</a></li></ul></div>
<div class="widget"><h3>标签</h3><a href="/t/1">咖啡机</a> <a href="/t/2">磨豆机</a></div></div>
<main class="content"><article class="post"><div class="entry-content">
<p>经常有朋友问我，刚开始玩咖啡，第一台咖啡机应该怎么选？今天就把我这几年踩过的坑和心得整理成一篇文章。</p>
<h2>一、先想清楚你喜欢喝什么</h2>
<p>如果你平时主要喝美式或者手冲，一台滴滤咖啡机或者一套手冲器具就足够了，没必要一上来就买意式机。</p>
<p>如果你喜欢拿铁、卡布奇诺这类奶咖，那么一台带蒸汽棒的半自动意式咖啡机会是更好的选择。</p>
<h2>二、预算决定了选择的范围</h2>
<p>两千元以内，可以考虑入门级的半自动咖啡机，搭配一台手摇磨豆机，性价比最高。</p>
<p>三千到八千元，可以选择带PID温控的机型，出品更稳定，也更容易练出好的奶泡。</p>
<h2>三、别忘了磨豆机的预算</h2>
<p>很多新手只关注咖啡机，却忽略了磨豆机。事实上，磨豆机对一杯咖啡风味的影响甚至超过咖啡机本身。</p>
</div></article></main>
</div></div>
<footer>© 2023 咖啡研习社</footer></body></html>"""


def test_a_sidebar_list_that_names_the_story_does_not_become_its_headline(tmp_path: Path) -> None:
    """A WordPress theme with a hero headline and the left sidebar first in source order; the
    sidebar's "最新文章" widget lists the post itself. Of the lines equal to the title, the last
    one above the main text is now taken as the headline: the sidebar's entry. The widget's
    entries below it and the next widget ("标签" and its tags), four lines, are then "between the
    headline and the text" and kept as the article's opening. (Before: the <h1> was the headline
    and the sidebar stayed out.) Any blog that lists recent posts beside a hero headline shows
    it on its newest posts; likely."""
    kept = body(read(tmp_path, SIDEBAR_LIST))
    for junk in ("云南咖啡豆值得买吗？", "我的第一次拉花", "标签", "咖啡机 磨豆机"):
        assert junk not in kept


ABOUT_BOX = """<html><head><meta charset="utf-8"><title>新手如何选购第一台咖啡机？看完这篇就够了 - 咖啡研习社</title></head><body>
<header class="site-header"><a href="/">咖啡研习社</a> <a href="/gear">器具</a> <a href="/bean">咖啡豆</a></header>
<div class="page-hero"><h1 class="entry-title">新手如何选购第一台咖啡机？看完这篇就够了</h1>
<p class="entry-meta">2023-09-12 · 阿豆</p></div>
<div class="site-inner"><div class="wrap">
<div class="widget-area"><div class="widget"><h3>搜索</h3><form><input type="text"></form></div>
<div class="widget"><h3>分类</h3><ul><li><a href="/c/1">器具评测</a></li><li><a href="/c/2">冲煮心得</a></li><li><a href="/c/3">咖啡豆</a></li></ul></div>
<div class="widget about"><h3>关于博主</h3><p>我是阿豆，一个在上海工作的咖啡爱好者，平时喜欢研究各种咖啡器具，也爱逛各地的独立咖啡馆。</p>
<p>这个博客记录我的器具评测和冲煮心得，所有评测器材均为自费购买，欢迎留言交流，转载请注明出处。</p></div></div>
<main class="content"><article class="post"><div class="entry-content">
<p>经常有朋友问我，刚开始玩咖啡，第一台咖啡机应该怎么选？今天就把我这几年踩过的坑和心得整理成一篇文章。</p>
<h2>一、先想清楚你喜欢喝什么</h2>
<p>如果你平时主要喝美式或者手冲，一台滴滤咖啡机或者一套手冲器具就足够了，没必要一上来就买意式机。</p>
<p>如果你喜欢拿铁、卡布奇诺这类奶咖，那么一台带蒸汽棒的半自动意式咖啡机会是更好的选择。</p>
<h2>二、预算决定了选择的范围</h2>
<p>两千元以内，可以考虑入门级的半自动咖啡机，搭配一台手摇磨豆机，性价比最高。</p>
<p>三千到八千元，可以选择带PID温控的机型，出品更稳定，也更容易练出好的奶泡。</p>
<h2>三、别忘了磨豆机的预算</h2>
<p>很多新手只关注咖啡机，却忽略了磨豆机。事实上，磨豆机对一杯咖啡风味的影响甚至超过咖啡机本身。</p>
</div></article></main>

</div></div>
<footer>© 2023 咖啡研习社</footer></body></html>"""


def test_a_sidebars_about_box_is_not_the_lead_of_a_post_that_opens_with_a_paragraph(tmp_path: Path) -> None:
    """Round 6's left-sidebar "关于博主" box (tests/test_redteam6.py's BIO), with the one change
    that the post opens with a paragraph, as most posts do, rather than a section heading. Every
    line between the hero headline and the sidebar's bio is a label or a link ("搜索", "分类",
    the category links, "关于博主"), so the bio's first paragraph is brought back as the post's
    lead and printed under the headline. The round-6 fix only held because that post opened with
    an <h2>. Likely on any theme with a left sidebar and an author widget."""
    bio = "我是阿豆，一个在上海工作的咖啡爱好者，平时喜欢研究各种咖啡器具，也爱逛各地的独立咖啡馆。"
    assert bio not in body(read(tmp_path, ABOUT_BOX))


# --- the page's 发布日期 ----------------------------------------------------------------------

SUBTITLED = """<html><head><meta charset="utf-8"><title>扎根乡村三十年的“泥腿子”医生_身边榜样_某某县人民政府</title>
<meta name="PubDate" content="2024-03-06 09:12"></head><body>
<div class="location">当前位置：<a href="/">首页</a> &gt; <a href="/bsby/">身边榜样</a></div>
<div class="article">
<h1>扎根乡村三十年的“泥腿子”医生</h1>
<h2>——记全国优秀乡村医生、某某镇卫生院副院长张三</h2>
<div class="info">发布时间：2024-03-05　来源：县融媒体中心　浏览次数：512</div>
<div class="TRS_Editor">
<p>清晨六点，某某镇卫生院的灯已经亮了。副院长张三背起药箱，准备出发去二十公里外的山村出诊。</p>
<p>三十年来，他走遍了全镇二十八个行政村，为群众看病三十余万人次，被乡亲们亲切地称为“泥腿子”医生。</p>
<p>“只要乡亲们需要，我就一直干下去。”张三说。</p>
</div></div></body></html>"""


def test_a_subtitle_under_the_headline_does_not_hide_the_published_field(tmp_path: Path) -> None:
    """A county government's feature story: <h1> headline, an <h2> subtitle ("——记全国优秀乡村医
    生…"), then "发布时间：2024-03-05　来源：…"; the markup's PubDate is the upload's time, the next
    morning. The page's head now ends at the first main-text line below the headline that is no
    metadata line: the subtitle, so the 发布时间 line below it is never read and the page is dated
    2024-03-06. (Before: 2024-03-05.) 副标题 under a headline is common on government and party
    news sites; a PubDate a day off the shown date is what the rule itself was made for."""
    assert read(tmp_path, SUBTITLED).meta.date == "2024-03-05"


OLD_REGULATION = """<html><head><meta charset="utf-8"><title>城市规划法实施细则（1990年）_法规库_某某市自然资源和规划局</title>
<meta name="PubDate" content="2019-01-07 16:40"></head><body>
<div class="location">当前位置：<a href="/">首页</a> &gt; <a href="/fgk/">法规库</a></div>
<div class="article">
<h1>城市规划法实施细则（1990年）</h1>
<div class="info">发布日期：1990-06-12　来源：市人民政府　浏览次数：1320</div>
<div class="TRS_Editor">
<p>第一条　为了实施《中华人民共和国城市规划法》，结合本市实际情况，制定本细则。</p>
<p>第二条　本细则适用于本市行政区域内的城市规划区。</p>
<p>第三条　市城市规划行政主管部门负责本市城市规划管理工作，区、县城市规划行政主管部门按照规定的权限负责本辖区内的城市规划管理工作。</p>
<p>第四条　本细则自发布之日起施行。</p>
</div></div></body></html>"""


def test_an_old_regulations_published_field_beats_the_upload_date(tmp_path: Path) -> None:
    """A city's 法规库 page for a 1990 regulation: "发布日期：1990-06-12" under the headline, the
    markup's PubDate the day the page was uploaded (2019). Meant to stop a two-digit year read
    as the ROC's ("24-03-05" → 1935), the new floor drops every labelled date before 1995, four
    digits and all, and the page is dated 2019-01-07. (Before: 1990-06-12.) Government
    法规库/政策文件库 pages for documents of the 1980s and early 1990s are many; likely there."""
    assert read(tmp_path, OLD_REGULATION).meta.date == "1990-06-12"


DEFINITION_LIST = """<html><head><meta charset="utf-8"><title>关于印发《某某市数字经济促进条例实施细则》的通知_政策文件库_某某市人民政府</title>
<meta name="PubDate" content="2024-03-08 09:00"></head><body>
<div class="location">当前位置：<a href="/">首页</a> &gt; <a href="/zcwjk/">政策文件库</a></div>
<div class="article">
<h1>关于印发《某某市数字经济促进条例实施细则》的通知</h1>
<div class="doc-attr">
<dl><dt>发文机关</dt><dd>某某市人民政府办公厅</dd></dl>
<dl><dt>发文字号</dt><dd>某政办发〔2024〕9号</dd></dl>
<dl><dt>成文日期</dt><dd>2024-02-28</dd></dl>
<dl><dt>发布日期</dt><dd>2024-03-05</dd></dl>
</div>
<div class="TRS_Editor">
<p>各区人民政府，市政府各部门、各直属机构：</p>
<p>《某某市数字经济促进条例实施细则》已经市政府同意，现印发给你们，请认真贯彻执行。</p>
<p style="text-align:right">某某市人民政府办公厅</p>
<p style="text-align:right">2024年2月28日</p>
</div></div></body></html>"""


def test_a_published_field_in_a_definition_list_is_the_date(tmp_path: Path) -> None:
    """A 政策文件库 page prints its fields as <dl><dt>发布日期</dt><dd>2024-03-05</dd></dl>: label
    and value on two lines, the label with no colon. The two-cell pairing only joins a label
    that ends in "：", so no 发布日期 is found and the markup's PubDate (2024-03-08, the upload)
    dates the page. (Not a regression: 48c45a9 did the same; but the new rule's claim, label and
    value in two cells, does not hold for the commonest two-cell form.) Definition lists and
    label/value <div>s without colons are common on policy libraries; likely there."""
    assert read(tmp_path, DEFINITION_LIST).meta.date == "2024-03-05"


# --- policy-library fields ------------------------------------------------------------------

PROJECTS = """<html><head><meta charset="utf-8"><title>某某经济开发区2024年重点招商项目推介（一）_招商引资_某某经济开发区管委会</title></head><body>
<div class="location">当前位置：<a href="/">首页</a> &gt; <a href="/zsyz/">招商引资</a></div>
<div class="article">
<h1>某某经济开发区2024年重点招商项目推介（一）</h1>
<div class="info">发布日期：2024-03-05　来源：投资促进局　浏览次数：876</div>
<div class="TRS_Editor">
<p>为进一步扩大招商引资，现将开发区2024年第一批重点招商项目推介如下，欢迎海内外客商洽谈合作。</p>
<p>项目一：新能源汽车零部件产业园</p>
<p>所属行业：汽车制造业</p>
<p>投资规模：总投资约15亿元</p>
<p>项目内容：规划用地300亩，建设电机、电控及动力电池结构件生产线，达产后年产值约30亿元。</p>
<p>项目二：智能装备制造基地</p>
<p>所属行业：通用设备制造业</p>
<p>投资规模：总投资约8亿元</p>
<p>项目内容：规划用地150亩，建设工业机器人及智能物流装备生产线，配套研发中心和检测中心。</p>
<p>项目三：生物医药孵化器</p>
<p>所属行业：医药制造业</p>
<p>投资规模：总投资约3亿元</p>
<p>项目内容：建设标准化厂房和公共实验平台，引进生物医药初创企业二十家以上。</p>
<p>联系电话：0571-87654321</p>
</div></div></body></html>"""


def test_an_investment_projects_industry_lines_stay(tmp_path: Path) -> None:
    """A development zone's 招商项目推介: each project is a name, then "所属行业：…", "投资规模：
    …", "项目内容：…". 所属行业 is now a strong metadata field, dropped anywhere a line starts with
    it, so every project loses its industry (and 投资规模 stays: the body reads unevenly). Such
    推介/公示 pages, and job postings' "所属行业：/企业规模：" lines, are common on 开发区 and 人社
    sites; likely."""
    kept = body(read(tmp_path, PROJECTS))
    for line in ("所属行业：汽车制造业", "所属行业：通用设备制造业", "所属行业：医药制造业"):
        assert line in kept


POLICY_CARD = """<html><head><meta charset="utf-8"><title>【政策速览】科技型中小企业研发费用补助_惠企政策_某某市科学技术局</title></head><body>
<div class="location">当前位置：<a href="/">首页</a> &gt; <a href="/hqzc/">惠企政策</a></div>
<div class="article">
<h1>【政策速览】科技型中小企业研发费用补助</h1>
<div class="info">发布日期：2024-03-05　来源：市科技局　浏览次数：688</div>
<div class="TRS_Editor">
<p>适用对象：在本市注册登记、纳入国家科技型中小企业信息库的企业</p>
<p>适用行业：制造业、软件和信息技术服务业</p>
<p>支持标准：按企业上年度研发费用增量的10%给予补助，最高不超过50万元。</p>
<p>申报时间：2024年3月10日至4月10日</p>
<p>办理流程：企业在市惠企政策平台在线申报，区科技部门初审，市科技局复核后拨付资金。</p>
<p>政策依据：《某某市加快科技创新若干政策》（某政发〔2023〕12号）</p>
<p>咨询电话：0571-12345678</p>
</div></div></body></html>"""


def test_a_policy_cards_opening_fields_stay(tmp_path: Path) -> None:
    """A 惠企政策 "政策速览" card (政策明白卡, 免申即享 pages: every city's 惠企 platform prints
    them): the body is a list of fields, opening with "适用对象：…" and "适用行业：…". These are
    now weak metadata fields, dropped in the page's header, and the header runs down to the
    body's first line, so the card loses who the policy is for and which industries, the two
    things its reader came for. Likely on such pages."""
    kept = body(read(tmp_path, POLICY_CARD))
    assert "适用对象：在本市注册登记、纳入国家科技型中小企业信息库的企业" in kept
    assert "适用行业：制造业、软件和信息技术服务业" in kept


# --- two-heading titles ---------------------------------------------------------------------

COMMENTARY = """<html><head><meta charset="utf-8"><title>坚定信心 实干笃行——写在2024年全市经济工作会议召开之际_时评_某某新闻网</title></head><body>
<div class="location">当前位置：<a href="/">首页</a> &gt; <a href="/sp/">时评</a></div>
<div class="article">
<h1>坚定信心 实干笃行</h1>
<h2>——写在2024年全市经济工作会议召开之际</h2>
<div class="info">2024-01-20 08:30　来源：某某日报　作者：本报评论员</div>
<div class="content">
<p>岁末年初，全市经济工作会议隆重召开，全面总结2023年经济工作，深入分析当前经济形势，部署2024年经济工作。</p>
<p>过去一年，面对复杂严峻的外部环境，全市上下迎难而上、奋力拼搏，经济运行持续回升向好，高质量发展迈出坚实步伐。</p>
<p>新的一年，我们要坚定信心、实干笃行，以更加昂扬的精神状态推动全市经济实现质的有效提升和量的合理增长。</p>
</div></div></body></html>"""


@pytest.mark.parametrize(
    ("upper", "lower"),
    [
        ("坚定信心 实干笃行", "——写在2024年全市经济工作会议召开之际"),
        ("政府工作报告", "——2024年1月20日在某某市第十七届人民代表大会第四次会议上"),
    ],
    ids=["commentary", "work-report"],
)
def test_a_deck_under_a_short_headline_is_not_the_title(tmp_path: Path, upper: str, lower: str) -> None:
    """A 评论员文章 or a 政府工作报告 prints its headline as <h1> and its deck (副题, "——写在…之
    际", "——在…会议上") as <h2>; the <title> joins them. The headline is at most 6 characters or
    under half the deck's length, so the new two-line rule reads it as a kicker and titles the
    page with the deck, "——写在2024年全市经济工作会议召开之际". (Before: the headline.) A deck that
    opens with a dash is never the headline. Every 评论员文章 and every year's 政府工作报告 on a
    city's site is printed so; likely."""
    html = COMMENTARY.replace("坚定信心 实干笃行", upper).replace("——写在2024年全市经济工作会议召开之际", lower)
    assert read(tmp_path, html).meta.title == upper


# --- the stamped feed -----------------------------------------------------------------------

TEASERED = """<html><head><meta charset="utf-8"><title>港鐵東涌線延線明年通車 沿線新屋苑料受惠 - Yahoo新聞</title>
<meta property="article:published_time" content="2024-05-16T10:23:00+08:00"></head><body>
<header><a href="/">Yahoo新聞</a> <a href="/hk">香港</a> <a href="/world">國際</a></header>
<article>
<h1>港鐵東涌線延線明年通車 沿線新屋苑料受惠</h1>
<div class="caas-attr">星島日報 · 2024年5月16日 上午10:23</div>
<div class="caas-body">
<p>港鐵公司昨日公布，東涌線延線工程進展順利，預計明年第二季通車，屆時東涌西站及東涌東站將同步啟用。</p>
<p>港鐵表示，延線全長約1.3公里，通車後東涌西一帶居民前往市區的交通時間可縮短約十分鐘。</p>
<div class="related-inline"><p>延伸閱讀</p>
<p><a href="/news/1.html">屯馬線通車三年 沿線樓價升幅跑贏大市</a></p><p>香港經濟日報 · 3 天前</p><p>屯馬線全線通車三年，沿線屋苑樓價平均升幅較大市高出約一成。</p>
<p><a href="/news/2.html">北環線主線動工 料2034年完成</a></p><p>明報 · 5 天前</p><p>北環線主線工程正式展開，連接古洞站至錦上路站。</p>
<p><a href="/news/3.html">港鐵上半年盈利按年升三成</a></p><p>星島日報 · 昨天</p><p>港鐵公布中期業績，受惠客量回升，股東應佔盈利按年增加三成。</p>
</div>
<p>地產代理指出，東涌線延線通車後，沿線新屋苑的交通配套將大為改善，預料會帶動區內二手成交。</p>
<p>有區議員則關注工程期間的噪音問題，要求港鐵加強與居民溝通，盡量減少夜間施工。</p>
<p>港鐵回應指，已安裝隔音屏障，並會定期監測噪音水平，確保符合環保署要求。</p>
</div></article>
</body></html>"""


def test_the_paragraph_after_an_inline_block_of_teasered_stamped_links_stays(tmp_path: Path) -> None:
    """Round 6's Yahoo新聞 article with its inline "延伸閱讀" block, each of the three items now
    with its one-line teaser, as Yahoo prints them. Most items have a teaser, so teasers count;
    the last item's teaser window (two lines) runs past its own teaser into the article's next
    paragraph, which goes as link-list: the article loses the paragraph after every such block.
    Likely on any portal that inserts a teasered related block mid-article."""
    kept = body(read(tmp_path, TEASERED))
    assert "地產代理指出，東涌線延線通車後，沿線新屋苑的交通配套將大為改善，預料會帶動區內二手成交。" in kept


QA = """<html><head><meta charset="utf-8"><title>Vue3 中 watch 和 watchEffect 有什么区别？ - 某某问答</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/questions">问答</a> <a href="/blogs">专栏</a></div>
<div class="question">
<h1>Vue3 中 watch 和 watchEffect 有什么区别？</h1>
<div class="meta"><a href="/u/xiaoming">小明爱学习</a> 提问于 2024-03-02</div>
<div class="question-body"><p>刚开始学Vue3，看文档里既有watch又有watchEffect，感觉功能差不多，实际项目里应该怎么选？</p></div>
</div>
<h2>3 个回答</h2>
<div class="answers">
<div class="answer"><div class="answer-meta"><a href="/u/frontend007">前端老司机007</a></div><div class="answer-time">回答于 3 天前</div>
<div class="answer-body"><p>最大的区别是依赖收集方式不同：watch需要你显式指定要监听的数据源，watchEffect会自动收集回调里用到的响应式数据。</p>
<p>另外watch可以拿到旧值，watchEffect拿不到，而且watchEffect会立即执行一次。</p></div></div>
<div class="answer"><div class="answer-meta"><a href="/u/vuefans">Vue爱好者小王</a></div><div class="answer-time">回答于 2 天前</div>
<div class="answer-body"><p>补充一点：如果你只关心某个特定值的变化并且要对比新旧值，用watch；如果是多个依赖的副作用，用watchEffect更简洁。</p></div></div>
<div class="answer"><div class="answer-meta"><a href="/u/codecat">写代码的猫咪</a></div><div class="answer-time">回答于 昨天</div>
<div class="answer-body"><p>实际项目里我一般优先用watch，因为依赖关系写得清清楚楚，后来的人维护起来不容易出错。</p></div></div>
</div>
<div class="footer">© 2024 某某问答</div>
</body></html>"""


def test_a_qa_pages_answers_stay(tmp_path: Path) -> None:
    """A tech Q&A page (SegmentFault/CSDN问答-like): each answer is its author's link ("前端老司机
    007"), "回答于 3 天前", and the answer. The new post-label filter knows "发表于", "回复于",
    "编辑于", not "回答于" (nor "提问于", "修改于", "创建于"), so "回答于" is read as a feed's source,
    each answer as a stamped item under a story link, and every answer goes as link-list: the
    page is left with the question alone. Relative times are what Q&A sites print; likely."""
    kept = body(read(tmp_path, QA))
    assert "实际项目里我一般优先用watch，因为依赖关系写得清清楚楚，后来的人维护起来不容易出错。" in kept
    assert any(line.startswith("最大的区别是依赖收集方式不同") for line in kept)


# --- the next story under a furniture element's headline ------------------------------------

H1_SECTIONS = """<html><head><meta charset="utf-8"><title>从 React 转到 Vue3 半年，说说我的真实感受 - 前端杂记</title></head><body>
<header class="site-header"><a href="/">前端杂记</a> <a href="/vue">Vue</a> <a href="/react">React</a></header>
<div class="page-hero"><h1 class="entry-title">从 React 转到 Vue3 半年，说说我的真实感受</h1>
<p class="entry-meta">2024-02-26 · 阿杰</p><p class="entry-summary">用了半年Vue3之后，聊聊从React转过来的团队最关心的几个问题。</p></div>
<div class="site-inner"><div class="content-sidebar-wrap">
<main class="content"><article class="post"><div class="entry-content">
<h1>为什么我们团队决定从React换到Vue3</h1>
<p>去年下半年，公司新开了一条产品线，技术选型的时候团队里争论了很久，最后决定用Vue3来做。</p>
<p>主要原因有两个：一是新招的同事大多熟悉Vue，二是Vue3的组合式API在写法上和React Hooks很接近，迁移成本不高。</p>
<h1>组合式API用起来到底怎么样</h1>
<p>说实话，刚开始写setup的时候有点不习惯，但用了一个月之后，我觉得它比Hooks更不容易踩坑，因为不存在闭包陷阱。</p>
<p>响应式系统是Vue3最大的优势，ref和reactive用熟了之后，基本不需要考虑什么时候该重新渲染。</p>
<h1>半年下来的一点总结</h1>
<p>两个框架没有绝对的好坏，选哪个更多取决于团队的情况。对我个人来说，Vue3让我写业务代码的时候更轻松一些。</p>
</div></article></main>
<aside class="sidebar"><h3>热门文章</h3><ul><li><a href="/1">Vite 配置从入门到精通</a></li><li><a href="/2">Pinia 和 Vuex 到底选哪个</a></li></ul></aside>
</div></div>
<footer>© 2024 前端杂记</footer></body></html>"""


def test_a_post_that_opens_with_an_h1_section_in_a_genesis_wrapper_stays(tmp_path: Path) -> None:
    """A WordPress (Genesis framework) post: the hero holds the headline, its meta line and an
    excerpt; the post sits in Genesis's <div class="content-sidebar-wrap"> (a furniture word,
    "sidebar") beside the <aside>; the author, writing in Markdown, heads the sections with
    "# …" and the post opens with one (<h1>为什么我们团队决定从React换到Vue3</h1>, no number).
    The wrapper is then "a furniture element whose own <h1> stands above its paragraphs", the
    next story, and the whole post goes as template-furniture: the page keeps its headline and
    excerpt only. Genesis wraps every post so; H1 section headings come from Markdown editors;
    an excerpt in the hero is a theme option. Less likely than the others, but total."""
    kept = body(read(tmp_path, H1_SECTIONS))
    assert "去年下半年，公司新开了一条产品线，技术选型的时候团队里争论了很久，最后决定用Vue3来做。" in kept
    assert (
        "两个框架没有绝对的好坏，选哪个更多取决于团队的情况。对我个人来说，Vue3让我写业务代码的时候更轻松一些。" in kept
    )


NEXT_STORY_H2 = """<html><head><meta charset="utf-8"><title>国产大飞机C919迎来第100万名旅客_360快资讯</title></head><body>
<div class="header"><a href="/">360快资讯</a> <a href="/keji">科技</a> <a href="/caijing">财经</a></div>
<div class="detail">
<h1 class="detail-title">国产大飞机C919迎来第100万名旅客</h1>
<div class="detail-info">2024-03-05 10:20:11　来源：央视新闻</div>
<div class="detail-content">
<p>3月5日上午，东方航空MU5137航班从上海虹桥机场起飞前往北京，国产大飞机C919迎来了第100万名旅客。</p>
<p>自2023年5月商业首航以来，东航C919机队规模已扩大到7架，累计执行商业航班超过6000班次。</p>
<p>东航表示，今年还将陆续接收更多C919飞机，并计划开通更多国内干线航线。</p>
</div>
<div class="detail-content__recommend--wrapper">
<h2 class="recommend-title">31岁在春晚一炮而红，如今回老家开了一家小面馆</h2>
<div class="recommend-info">2024-03-04 18:02　来源：某某娱乐</div>
<p>还记得那个在春晚舞台上一炮而红的小伙子吗？如今他已经回到了老家，在县城开了一家小面馆，每天早上五点就起床和面。</p>
<p>他说，舞台上的光环来得快去得也快，还是踏踏实实过日子最安心，面馆的生意也越来越好，很多老乡专程赶来捧场。</p>
</div>
</div>
<div class="footer">© 2024 360快资讯</div>
</body></html>"""


def test_a_next_story_under_an_h2_headline_stays_out(tmp_path: Path) -> None:
    """A portal item with the next story loaded whole below it, in a recommend wrapper, under
    its own headline printed as <h2> (the page's one <h1> is the article's, as an SEO-minded
    template prints it) with its meta line and two paragraphs. Only an <h1> now marks the next
    story, so the other story's headline and paragraphs are printed as the end of this article
    (before this change: dropped as template-furniture). Infinite-scroll news templates load
    the next story so, with <h1> or <h2>; likely on those."""
    kept = body(read(tmp_path, NEXT_STORY_H2))
    assert "31岁在春晚一炮而红，如今回老家开了一家小面馆" not in kept
    assert not [line for line in kept if line.startswith("还记得那个在春晚舞台上一炮而红的小伙子吗")]


@pytest.mark.parametrize("label", ["發佈於", "張貼於", "回帖于"], ids=["fabu-traditional", "zhangtie", "huitie"])
def test_a_forum_threads_replies_stay_under_other_post_labels(tmp_path: Path, label: str) -> None:
    """Round 6's Discuz! thread (tests/test_redteam6.py's THREAD) with the post's time labelled
    as other templates label it: "發佈於 3 天前" (Traditional script writes 發佈 as often as 發布:
    Hong Kong and Taiwan forums, WordPress's zh-TW comments), "張貼於" (Taiwan's Blogger and
    forum templates), "回帖于". The post-label filter knows 发表/發表/发布/發布/回复 …, not these,
    so each reply is again a stamped feed item and every reply goes as link-list. Likely on
    Traditional-script forums."""
    from tests.test_redteam6 import THREAD

    kept = body(read(tmp_path, THREAD.replace("发表于", label)))
    assert "楼主厉害！请问用的是几号钩？我上次去千岛湖一条都没钓到，感觉是钓点没选好。" in kept
    assert "四月份水温上来以后鱼口会更好，到时候可以试试钓浮，千岛湖的白条和翘嘴都很多。" in kept


PROMO = """<html><head><meta charset="utf-8"><title>Python异步编程入门：从asyncio到实战_技术分享_某某博客</title></head><body>
<div class="topbar"><a href="/">首页</a> <a href="/tech">技术分享</a> <a href="/life">生活随笔</a></div>
<div class="main">
<h1>Python异步编程入门：从asyncio到实战</h1>
<div class="meta"><span>2024-01-08</span> <span>作者：木子</span> <span>阅读 1203</span></div>
<div class="tags"><a href="/t/python">Python</a> <a href="/t/async">异步</a></div>
<div class="share"><a>微信</a> <a>微博</a> <a>QQ空间</a></div>
<div class="fontsize">字号：<a>大</a> <a>中</a> <a>小</a></div>
<div class="tips">温馨提示：本站所有文章均为作者原创或转载自互联网，仅供学习交流使用，如有侵权请联系站长删除，谢谢合作！</div>
<div class="wx-tip">微信搜索「木子学编程」，第一时间阅读最新文章，回复【资料】有我准备的一线大厂面试资料和简历模板。</div>
<div class="post-body">
<p>在Python 3.4之后，标准库引入了asyncio模块，为编写并发代码提供了原生支持。本文从最基础的概念讲起，帮助大家快速上手。</p>
<p>首先要理解事件循环。事件循环负责调度协程，当一个协程等待I/O时，事件循环会切换去执行其他已经就绪的协程。</p>
<p>其次是async和await关键字。用async def定义的函数就是协程函数，调用它会返回一个协程对象，而不会立刻执行。</p>
<p>最后，我们用aiohttp写一个并发抓取网页的小例子，对比同步写法，可以看到耗时大幅缩短。</p>
</div></div></body></html>"""


def test_a_search_us_on_wechat_promo_above_the_body_stays_out(tmp_path: Path) -> None:
    """Round 6's tech-blog page (tests/test_redteam6.py, the follow-us promo between headline and
    post, more than four lines down) with the promo in the other common wording: "微信搜索「…」，
    第一时间阅读最新文章，回复【资料】有我准备的…" (the 掘金/CSDN/博客园 authors' banner, after
    敖丙's "微信搜一搜【…】…第一时间阅读"). Round 6 was fixed with a phrase ("关注…公众号…回复…
    领取"), not in the lead rule: every line above the promo is a label or a link, so this
    wording is still brought back as the article's lead. Likely."""
    promo = "微信搜索「木子学编程」，第一时间阅读最新文章，回复【资料】有我准备的一线大厂面试资料和简历模板。"
    assert promo not in body(read(tmp_path, PROMO))
