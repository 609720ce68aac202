"""The rule rows: every reason the clean stage gives for dropping a line, with its role.

:data:`RULES` is the table of line rules, tried in order on a line's key (the first that
matches names the line); the page passes decide by a row's fields, never by its name.
:data:`PAGE_RULES` holds the rows for drops decided by a line's place in the page (the title,
a short line in the trailer …); page passes also reuse line rows where the role is the same
("site-name", "nav-bar", "byline", "date-line").
"""

from __future__ import annotations

from ..textmeta import BYLINE_PATTERN, is_metadata, unmark
from .html_rows import HTML_ROWS
from .lines import (
    ENGLISH_NAME,
    HEADER_URL,
    either,
    is_breadcrumb,
    is_contact_footer,
    is_counters,
    is_date_line,
    is_decoration,
    is_font_size,
    is_language_switch,
    is_link_farm,
    is_nav_bar,
    is_pager,
    is_share,
    is_weak_metadata,
    is_window_control,
    pattern_test,
)
from .row import Rule as Rule  # re-exported: the rows and their type, in one place for callers

# --- rows the page passes also drop with, by a line's place -----------------------------------

SITE_NAME = Rule(
    "site-name",
    lambda s: ENGLISH_NAME.match(s) is not None,
    about="the site's or publisher's name above the title",
    scope="header",
    letterhead=True,
)
NAV_BAR = Rule("nav-bar", is_nav_bar, about="a navigation item above the title", navigation=True)
BYLINE = Rule(
    "byline",
    pattern_test(BYLINE_PATTERN.pattern, 40),
    about="an author's or account's name between the title and the metadata lines",
)
DATE_LINE = Rule(
    "date-line",
    is_date_line,
    about="a header line that is only a date, in a web page's style",
    scope="header",
    ends_list=True,
    below_title=True,
    date="line",
)

# --- rows only the page passes drop with -----------------------------------------------------

TITLE = Rule("title", about="a line holding the title (kept once, as the heading of the document)", page_break=True)
SECTION_LABEL = Rule("section-label", about="the site section (column) name above the title")
TRAILER = Rule(
    "trailer",
    about="a short line after a share prompt, related-links list, footer or link farm",
    footer=True,
    closing_date=True,
)
FURNITURE = Rule(
    "furniture",
    about="a short line above the title, or between two copies of it (the page's furniture)",
    letterhead=True,
)
TITLE_BLOCK = Rule(
    "title-block",
    about="a newspaper's headline block at the body's start: the title with its verb (\u2026座谈会强调) and the "
    "headline lines after it",
)
COLUMN_TAG = Rule("column-tag", about="a column's 【tag】 alone on the body's first line (【\u2026观察】)")
PAYWALL = Rule(
    "paywall",
    about="a login or subscription box under a teaser cut short (\u2026): the article goes on only behind it",
)
# --- the line rules, in the order they are tried ------------------------------------------------

RULES: tuple[Rule, ...] = (
    Rule("breadcrumb", is_breadcrumb, navigation=True, opens_article=True, ends_list=True, gives_crumbs=True),
    Rule(
        "metadata-line",
        is_metadata,
        opens_article=True,
        ends_list=True,
        below_title=True,
        gives_fields=True,
        date="field",
    ),
    Rule(
        "view-counter",
        pattern_test(
            r"(浏览|点击|阅读|访问|点阅)(次数|量|数|人次)?\s*[:：]\s*[\[【(（]?\s*\d+|^\d+\s*(人|次)(浏览|阅读)$|"
            r"(浏览|阅读|点击)\s*[(（]\s*\d+\s*[)）]$|"
            # the reading time ("7 分钟 浏览时间", "阅读时间：约3分钟", "预计阅读 5 分钟")
            r"^\d{1,3}\s*分钟\s*(浏览|阅读)(时间|时长)?$|(^|[·|｜])\s*\d{1,3}\s*分钟(阅读|浏览)\s*([·|｜]|$)|^(预计|大约|约)?\s*(阅读|浏览)(时间|时长)?\s*[:：]?\s*(约|大约)?\s*\d{1,3}\s*分钟$",
            120,
        ),
        below_title=True,
        date="field",
    ),
    # A time alone under its field's name, wherever it stands ("建立時間16:41" under a news item).
    Rule(
        "time-stamp", pattern_test(r"^(建立|创建|更新|发布|发表|修改)(时间|于)\s*[:：]?\s*\d{1,2}:\d{2}(:\d{2})?$", 30)
    ),
    Rule(
        "font-size",
        either(
            either(
                is_font_size,
                # the browser's text-size menu, item by item: "IE6请利用键盘按住ALT键 + V → X → (G)最大(L)较大
                # (M)中(S)较小(A)小，来选择适合您的文字大小" (not a how-to's "按住Ctrl键…调整文字大小")
                pattern_test(r"最大.{0,6}较大.{0,6}中.{0,6}较小.{0,40}(文字|字体|字型)大小", 120),
            ),
            pattern_test(
                r"^[\[【]?\s*(字号|字体|字体大小|字级|字级设定)\s*[:：]?\s*[\[【]?\s*([大中小特]\s*)*[\]】]?$|"
                r"^[\[【]?\s*[大中小]\s*[大中小]\s*[大中小]\s*[\]】]?$|^[\[【]?\s*(字号|字体|字体大小)\s*[:：]|"
                r"^[\[【]?\s*(字号|字体)\s*[\[【]?\s*[大中小]\s*[\]】]?\s*[\[【]?\s*[大中小]|"
                r"^([大中小]字号\s*)+$|^(字号|字体)\s*[大中小]$",
                60,
            ),
        ),
        below_title=True,
    ),
    Rule("window-control", is_window_control, starts_trailer=True, below_title=True),
    Rule("share", is_share, starts_trailer=True, below_title=True),
    Rule(
        "prev-next",
        pattern_test(
            r"^[\[【(（]?\s*(上一篇|下一篇|上一条|下一条|上一页|下一页|上篇|下篇|前一篇|后一篇|上一张|下一张|上一组|下一组)"
            r"\s*[\]】)）]?\s*([:：]|$)|^(上一(张|组|图|页|篇)\s*[|｜/]?\s*下一(张|组|图|页|篇))$|"
            # a blog's arrows to its older and newer posts ("« 读《额尔古纳河右岸》", "阳台月季 »")
            r"^«\s*[\u4e00-\u9fff《“][^»，。,.]{0,40}$|^[^«，。,.]{0,40}[\u4e00-\u9fff》”]\s*»$",
            120,
        ),
        starts_trailer=True,
    ),
    Rule(
        "more-answers",
        pattern_test(
            r"^(查看)?(更多|其他|其它)(回答|答案)\s*(>>|»|>)?$|"
            r"^(留言|评论|跟帖|跟贴|发言)(规则|规范|须知)$",
            30,
        ),
        starts_trailer=True,
        ends_article=True,
    ),
    Rule(
        "related-links",
        pattern_test(
            r"^[\[【]?(相关链接|相关连结|相关解读|相关问答|相关政策|相关公告|相关通知|相关动态|相关资讯|本期其他内容|往期推荐|政策解读链接|相关网站|相关网址|相关文章|相关新闻|相关阅读|相关文件|相关稿件|相关报道|相关信息|相关推荐|相关专题|延伸阅读|"
            r"推荐阅读|热点推荐|热点新闻|热门文章|热门推荐|热门新闻|精彩推荐|猜你喜欢|阅读排行|点击排行|排行榜|最新文章|最新动态|"
            r"最新新闻|最新更新|图片新闻|专题推荐|往期回顾|更多新闻|更多阅读|更多)[\]】]?\s*([:：>»]+.*|\s*(>>|more)?\s*)$|"
            r"请您?继续阅读|更多来自.{0,20}的|^(查看更多|more)\s*(>>|»)?$|^返回.{1,10}[,，]\s*查看更多|"
            r"^(点击|戳)?(下方|左下角|这里|此处)?.{0,4}阅读原文|^阅读全文\s*(>>|»|→|->)?\s*((https?://|www\.)\S+)?$|"
            # a ranking box ("诗人热力榜", its tabs "日榜周榜月榜总榜"), an author's box ("诗人简介 more>")
            r"^\S{0,8}(热力榜|热榜|排行榜|排行|榜单)$|^([日周月年总]榜\s*){2,}$|^(作者|诗人|博主)简介\s*(more|更多)?\s*>*$|"
            r"^(为您推荐|为你推荐|大家都在看|今日热点|\d+小时热文|热文|点击进入专题|进入专题|查看原文|更多精彩内容请关注.{0,20})$|"
            r"^(查看)?(更多|其他|其它)(相关)?(新闻|文章|阅读|报道|资讯|视频|图集|内容)\s*(>>|»|>)?$|"
            r"^更多\S{1,12}(报导|报道|新闻|文章|好文)\s*(>>|»|>)?$|"
            r"^(?!.*[?？吗呢]$)(也许|或许)?(您|你)(可能)?(也|还)?会?(感兴趣|有兴趣|喜欢)\S{0,4}$",
            120,
            no_full_stop=True,
        ),
        starts_trailer=True,
        lists_links=True,
    ),
    Rule(
        "comments",
        pattern_test(
            r"^[\[【]?(网友评论|发表评论|我要评论|评论区|用户评论|相关评论|最新评论|热门评论|查看评论|全部评论|精彩评论)[\]】]?"
            r"\s*[:：]?\s*(\(\d+\)|（\d+）)?$|^(共有|已有)\s*\d+\s*(条评论|人参与|人评论)|请文明上网|文明上网.{0,4}理性发言|"
            r"^\d+\s*条评论$|^评论\s*[(（]\s*\d+\s*[)）]$|^按(热度|时间)(\s*按(热度|时间))?$|"
            r"^(查看|展开)?全部\s*\d+\s*条(评论|回复)|^参与互动$|^我来说两句$|"
            r"跟贴|^\d+\s*人参与\s*\d+\s*(条)?评论$|评论仅供.{0,8}(看法|观点)|^进入.{0,16}讨论$|"
            r"^(账号|帐号|密码|用户名|验证码|自动登录.{0,10}|马上发表|发表|登录并发表)$",
            40,
        ),
        starts_trailer=True,
    ),
    Rule(
        "site-promo",
        either(
            pattern_test(
                r"(本站|小编).{0,60}(精选|更新|浏览|点击|订阅|关注)|加入.{0,12}粉丝(团|专页)|(欢迎|立即|马上)下载.{0,16}(app|客户端)|"
                r"^(更多|欢迎|请)\S{0,10}(在|到|前往)(各大)?(应用市场|应用商店)\S{0,2}下载.{0,16}(app|客户端)|(报料|爆料|新闻)(热线|邮箱)\s*[:：﹕]|^读者热线\s*[:：﹕]\s*\d|"
                r"^(ios|android)\s*(载点|下载)|"
                # a newsletter's subscribe box ("Thanks for reading 海外生活笔记! Subscribe for free …")
                r"^thanks for reading .{1,40}subscribe|^subscribe (for free|now) to|"
                # follow, reply with a keyword, get something: "关注微信公众号…，回复关键词…即可免费领取…"
                r"(关注|搜索).{0,20}(公众号|微信|订阅号|「|“).{0,40}(回复|发送).{0,30}(领取|获取|获得|下载|资料|教程)",
                160,
            ),
            pattern_test(
                r"^\S{0,4}(交流|学习|技术|资料|商务|合作)(群|交流)?\s*[:：]\s*[a-z0-9_\-]{4,30}$|"
                r"^(加|添加)?(微信|qq|vx|v信)(号|群)?\s*[:：]\s*[a-z0-9_\-]{5,30}$",
                40,
            ),
        ),
        starts_trailer=True,
    ),
    Rule(
        "footer",
        pattern_test(
            r"主办单位|承办单位|协办单位|运行维护单位|运维单位|维护单位\s*[:：]|^主办\s*[:：]|^承办\s*[:：]|"
            r"\S(主办|承办)(\s|$)|版权所有|版权归|著作权(属于|所有|归)|ICP\s*[备证]|公网安备|公安备|网安备|"
            r"网站标识码|copyright|©|all rights reserved|备案序号|"
            r"(信息服务|经营|视听节目)许可证\s*[:：]?\s*[\d\-]{5,}号?|"
            r"备案号\s*[:：]|"
            r"中文域名|官网公众号|官网微信号|官方微信|官方微博|战略合作\s*[:：]|建议使用.{0,30}浏览器|最佳浏览|"
            r"\d{3,4}\s*[*×xX]\s*\d{3,4}\s*(像素|分辨率|以上)|(最佳|建议|显示)分辨率",
            160,
            no_full_stop=True,
            unnumbered=True,
        ),
        starts_trailer=True,
        footer=True,
    ),
    Rule(
        "repost-notice",
        either(
            pattern_test(
                r"转载请注明|^如需转载|严禁转载或镜像|本文转载自|与本站联系索取稿酬|经授权(转载|发布)|本文版权归(原)?作者|代表作者(本人|个人)的?(观点|立场)|(未经|非经)(作者|原作者|本站|本网)?(授权|许可|同意|允许).{0,10}(转载|镜像|(不得|禁止|严禁|请勿|不可)\S{0,4}(复制|使用))|版权归原作者|如有侵权|本网转载|"
                r"观点仅代表作者|仅代表作者(本人)?(观点|立场)|不代表本(站|网|平台|号)的?(观点|立场)|信息发布平台|"
                r"仅提供信息存储|^特别声明\s*[:：]|传递更多信息之目的|不意味着赞同其观点|转载本文|请联系原作者|请注明(本文)?(来自|出处)|(获取|获得)授权.{0,10}(转载|注明)|"
                r"商业转载请|非商业转载|著作权归作者|版权声明\s*[:：]|免责声明\s*[:：]|不代表.{0,12}(观点|立场)|"
                r"刊用本网站稿件|(经|未经)书面授权|专供.{0,24}会员(阅览|阅读)|加入.{0,12}付费会员|本文来自(微信)?公众号|题图来自|原创出品|^(特别声明|免责声明|版权声明)\s*[:：]?$",
                120,
            ),
            # a site's copyright statement, however long ("中国日报网版权说明：凡注明来源为…")
            pattern_test(
                r"^([\u4e00-\u9fffA-Za-z]{0,8}(版权说明|版权声明|免责声明)\s*[:：]|【(版权说明|版权声明|免责声明)】)"
                r"(?=.*(转载|授权|版权|本网|本站|观点))|^版权保护\s*[:：](?=.*(本网|本站))",
                400,
            ),
        ),
        starts_trailer=True,
    ),
    Rule(
        "platform-notice",
        pattern_test(
            r"^notice\s*[:：].{0,80}\b(uploaded|posted)\b.{0,40}\bby\b|"
            r"social media platform.{0,40}\b(only|merely) provides|"
            r"并不(表明|代表).{0,8}(立场|观点)",
            400,
        ),
        starts_trailer=True,
    ),
    Rule(
        "footer-links",
        pattern_test(
            r"^(网站地图|联系我们|网站声明|网站说明|隐私声明|隐私政策|隐私权.{0,6}政策|免责声明|法律声明|网站纠错|"
            r"意见建议|关于我们|使用帮助)(\s*[|｜/·]\s*\S{2,12})*$",
            80,
        ),
        starts_trailer=True,
        footer=True,
    ),
    Rule("link-farm", is_link_farm, starts_trailer=True, navigation=True),
    Rule(
        "page-timing",
        pattern_test(
            r"^\d+(\.\d+)?\s*(s|ms|秒)$|"
            r"^(页面执行时间|页面生成时间|页面加载时间|执行时间|生成时间|本页生成时间|耗时|"
            r"processed in|page generated in|generated in)\s*[:：]?\s*\d+(\.\d+)?\s*"
            r"(s|ms|秒|毫秒|seconds?|second\(s\))",
            60,
        ),
    ),
    Rule(
        "editor",
        pattern_test(
            r"^[\[【(（]?\s*(责任编辑|编辑|责编|审核|校对|审校|编审|初审|复审|终审|撰稿|摄影|供图|图片来源|图源备注|图源|美编|排版|监制|"
            r"文\s*/\s*图|图\s*/\s*文|文图|图文)\s*[:：丨]|"
            r"(责任编辑|责编)\s*[:：]|^作者简介\s*[:：]|"
            r"^[\[【(（]?\s*(总\s*监\s*制|监\s*制|审\s*读|责\s*编|编\s*辑|校\s*对|排\s*版|审\s*核|统\s*筹|版面编辑|本版编辑|制图)"
            r"\s*[:：丨/／]|"
            r"^(责任编辑|编辑|责编|美编|监制)\s+[\u4e00-\u9fff·]{2,4}"
            r"(\s*[|｜/丨]?\s*(责任编辑|编辑|责编|排版|美编|校对|审核|监制|统筹)\s*[\u4e00-\u9fff·]{2,4})*$",
            60,
        ),
        starts_trailer=True,
    ),
    Rule(
        "summary",
        pattern_test(
            # (An editor's note, 编者按, is body here: tests/pages_heldout keeps it.)
            r"^[\[【(（]?\s*(核心提示|内容摘要|内容提要|编辑导语|导语)\s*[:：]|^[\[【(（]\s*摘\s*要\s*[:：]",
        ),
    ),
    Rule(
        "tag-line",
        pattern_test(
            r"^(tag|tags|标签|关键词|关键字|文章关键词|关键词阅读|进入专题|所属专题|专题)\s*[:：]|^(#[^#\s]{1,20}\s*){2,}$|"
            r"^(关键词阅读|相关关键词|文章标签)$",
            120,
        ),
        in_abstract=True,
    ),
    BYLINE,
    # A photo's or an article's credit on its own line; mid-article, so not a trailer's start.
    # (A caption line "着陆器展开国旗（国家航天局供图）" is not a credit line: on an HTML page the reader
    # drops it beside its picture, rule "image-caption".)
    Rule(
        "credit",
        pattern_test(
            r"^[(（]\s*(图|摄影|摄|图片|图文)\s*[/／:：｜|]\s*\S.{0,20}[)）]$|"
            r"^[(（]\s*\S{1,20}\s*(摄|供图|供稿|撰稿|来稿|供文)\s*[)）]$|"
            r"^\S{2,10}(发|供图|供稿)\s*[(（]\s*[^()（）]{1,12}(摄|供图)\s*[)）]$|"
            r"^[(（]\s*(作者|撰文|文)\s*[:：]\s*[^()（）]{2,40}[)）]$|^本文(首发于|首发在|来源于|来源自)\s*\S.{0,40}$|"
            # an author's line alone: "作者： 左依", "作者：张三 李四"
            r"^(作者|撰文|文)\s*[:：]\s*[\u4e00-\u9fff·]{2,5}([\s、,，]+[\u4e00-\u9fff·]{2,5}){0,3}$|"
            r"^[(（]\s*[\u4e00-\u9fff]{2,10}(日报|晚报|新闻|通讯社|社|网|报)\s*[)）]$|^[(（]\s*(?!全文|完|待续|未完|续)[\u4e00-\u9fff]{2,3}\s*[)）]$|"
            r"^(记者\s*[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{2,6}(中心|组|部))\s*[/／]\s*[\u4e00-\u9fff]{0,8}(报导|报道)$|"
            # a byline whose names the page left out ("新华社记者")
            r"^[\u4e00-\u9fff]{0,8}(记者|通讯员|特约记者|特派记者)$|"
            # an outlet's reporter or editor set apart by a bar ("界面新闻记者 | 周晓宁"), a cover's credit
            r"^[\u4e00-\u9fff]{0,8}(记者|编辑)\s*[|｜丨]\s*[\u4e00-\u9fff·]{2,4}([\s、,，]+[\u4e00-\u9fff·]{2,4})*"
            r"(\s+[\u4e00-\u9fff]{0,8}(记者|编辑)\s*[|｜丨]\s*[\u4e00-\u9fff·]{2,4})*$|"
            r"^((封面图片|封面|题图|头图|首图)(来源|来自)|封面|题图)\s*[|｜丨:：/]\s*[^，。,；;！？]{1,30}$|"
            # a byline block's lines (BBC: "作者，山田健一" "职务，BBC中文记者" "发自东京"), a translator's line
            r"^(作者|职务|职位)\s*[，,]\s*[^，,。；;]{2,20}$|"
            r"^发自(东京|北京|上海|香港|台北|澳门|华盛顿|纽约|伦敦|巴黎|柏林|莫斯科|首尔|新加坡|悉尼|曼谷|\S{1,4}[市州省])$|"
            r"^(译者|编译)\s*[:：]\s*[^，,。；;]{2,20}$|"
            r"^翻译\s*[:：]\s*[^，,。；;]{0,12}(网|社|报|中心|部)$",
            80,
        ),
    ),
    # A caption marked as one: "◎" before it and the picture's credit after it ("◎ 贾玲凭真诚收获观众的
    # 喜爱。/图：网络截图"). On an HTML page the reader drops a caption beside its picture
    # ("image-caption"); a text dump's other captions stay.
    Rule(
        "photo-caption",
        pattern_test(
            r"^◎.{0,150}(图\s*[:：]\s*\S.{0,30}|截图)$|"
            r"[(（]\s*(图|照片)\s*[/／:：]?\s*(翻摄|取自|撷取|截自|截图)[^()（）]{0,24}[)）]$|"
            r"[(（][^()（）]{1,12}(提供|供图)[)）]\s*\S{0,16}(记者|特派员)\S{2,12}(传真|摄)(\s*\d{2,4}年\d{1,2}月\d{1,2}日)?$",
            200,
        ),
    ),
    Rule("language-switch", is_language_switch, navigation=True),
    Rule(
        "edition-nav",
        pattern_test(
            r"^第\s*[\d一二三四五六七八九十]+\s*版\s*[:：]\s*\S{1,12}$|^(版面导航|本版导航|标题导航|返回目录|往期回顾|"
            r"上一期|下一期|上一版|下一版|版面概览|数字报|电子报)(\s*[|｜]\s*(往期回顾|上一期|下一期|上一版|下一版|返回目录))*$|"
            r"^\d{4}\s*年\s*第\s*\d+\s*期(\s*[(（]\s*总第\s*\d+\s*期\s*[)）])?(\s+\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)?$",
            40,
        ),
    ),
    Rule(
        "date-bar",
        pattern_test(
            r"(天气|气温)\s*[:：]?.{0,20}(℃|°c)|\d+\s*℃\s*[~～\-—至]\s*\d+\s*℃|"
            r"^(今天是\s*)?\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(星期|周)[一二三四五六日天]\s*\S.*",
            60,
            no_full_stop=True,
        ),
    ),
    SITE_NAME,
    Rule(
        "opening-hours",
        pattern_test(r"^(今日|今天)?(开馆|闭馆|开放时间|开馆时间|闭馆时间|办公时间)\s*[:：]?\s*\d", 60),
        scope="header",
    ),
    Rule(
        "feedback-widget",
        pattern_test(
            r"^(本页面?|本文|此页|该页面?|本页内容|页面内容)(内容)?(对您)?(是否)?有(所)?帮助吗?\s*[？?]?$|"
            r"^((有帮助|没帮助|无帮助|有用|没用|满意|不满意)\s*[|｜/]?\s*)+$|"
            r"^(智能问答|智能客服|在线客服|在线咨询|人工客服|智能助手)$|我是.{0,20}(智能客服|机器人|小助手|智能助手)",
            60,
        ),
        starts_trailer=True,
    ),
    # The standing box a news site appends to a suicide story: its hotlines and its plea.
    Rule(
        "hotline-box",
        pattern_test(
            r"(自杀|安心|生命线|张老师|协谈)\S{0,6}专线|^生命线\S{0,4}\s*[:：]\s*\d|(再)?给自己一次机会|请给自己(一次)?机会|"
            r"请珍惜生命|关心您\s*[:：]",
            60,
        ),
    ),
    Rule("counters", is_counters, below_title=True),
    Rule(
        "loading-notice",
        pattern_test(
            r"加载中.{0,6}请稍[候后等]|^正在加载|长时间(无|没有)响应|请刷新(本|此|该)?页面|"
            r"^(视频|图片|内容|页面)?加载中\W*$",
            40,
        ),
    ),
    # An audio or video player's label and clock, at its start ("点击收听本条新闻00:00 / 02:46").
    Rule(
        "media-player",
        pattern_test(
            r"^\D{0,12}0?0:00\s*/\s*\d{1,2}:\d{2}(:\d{2})?$|^(点击)?(收听|播放)(本条新闻|本文|全文|音频|语音)?$", 40
        ),
    ),
    # A slideshow's title and its counter ("范承恩台北小巨蛋演唱會1 / 4").
    Rule("gallery-counter", pattern_test(r"^[^\s:：][^:：]{0,30}?(?<!\d)\d{1,2} / \d{1,2}$", 40)),
    Rule("close-button", pattern_test(r"^[x×✕✖╳]$")),
    # A multi-page article's pager: page numbers and the words around them ("上一页 1 2 3 下一页",
    # "< 1 2 3 > 在本页阅读全文").
    Rule("pager", is_pager),
    # A widget's or an ad slot's label alone on its line ("推薦" above a recommendation box).
    Rule(
        "widget-label",
        pattern_test(
            r"^(推荐|广告|推广|赞助|赞助内容|文章信息|sponsored|advertisement|advertising|ad)$|"
            r"^(点击)?(放大图片|查看大图|查看原图|显示原图|放大)(\s*/\s*(显示原图|查看原图))?$",  # a picture's button
            16,
        ),
    ),
    # A teaser the site cut short above the article ("人们对于讨厌的事物总是能很有共同话题..."): a
    # program's ellipsis ("..." or one "…"), not a writer's ("……").
    Rule(
        "teaser",
        pattern_test(r"^(?=(.*[\u4e00-\u9fff]){8}).*[^.…。](\.{3}|…)$", 120),
        scope="header",
    ),
    # A count beside a widget ("举报" / "0" / "分享至").
    Rule("widget-count", pattern_test(r"^\d{1,6}$"), scope="header", below_title=True),
    Rule(
        "page-number",
        pattern_test(
            r"^([-—–－]\s*)?\d{1,4}\s*[-—–－]$|^第\s*\d{1,4}\s*页(\s*[/,，]?\s*共\s*\d{1,4}\s*页)?$|"
            r"^共\s*\d{1,4}\s*页$",
            20,
        ),
        page_break=True,
        printed=True,
    ),
    Rule(
        "search-box",
        pattern_test(
            r"^(请输入|输入)(搜索)?(关键字|关键词|搜索内容|检索词|内容|您要搜索的内容)|"
            r"^(站内搜索|全站搜索|全文检索|高级搜索|搜索|检索|搜 索)$",
            30,
        ),
        navigation=True,
    ),
    Rule(
        "attachment-link",
        pattern_test(
            r"\.(docx?|xlsx?|pptx?|pdf|wps|ofd|zip|rar|7z|et|dps|ceb|caj|txt)\s*"
            r"([(（\[]\s*\d+(\.\d+)?\s*(k|m|g)?b?\s*[)）\]])?$|"
            r"^(相关附件|附件下载|下载附件|附件列表|相关下载|附件信息)\s*[:：]?$",
            100,
        ),
        attachment=True,
    ),
    Rule(
        "accessibility",
        pattern_test(
            r"^(跳到|跳至|跳转到|跳过)(导航|主要内容|主内容|内容|正文)(区块|区|部分)?$|"
            r"^((无障碍|无障碍浏览|无障碍阅读|适老化|长者模式|关怀版|读屏专用|老年模式|关怀模式|english|繁体|简体|繁体版|简体版)"
            r"\s*[|｜/·]?\s*)+$",
            40,
        ),
        navigation=True,
    ),
    Rule(
        "browser-notice",
        pattern_test(
            r"(不支援|不支持|未启用|已停用|已禁用).{0,8}javascript|javascript.{0,20}(停用|关闭|启用|开启|状态)|"
            r"ctrl\s*\+.{0,30}(放大|缩小|字型|字体|列印|打印)|(建议|推荐)(使用|采用).{0,30}(浏览器|分辨率)",
            120,
        ),
    ),
    Rule(
        "email-notice",
        pattern_test(
            r"无法正常(查看|显示|阅读)此?邮件|(点击|请点击).{0,6}退订|取消订阅|您收到此邮件|订阅了.{0,20}(邮件|简报|速递)|"
            r"系统自动发送|请勿(直接)?回复",
            120,
        ),
    ),
    Rule(
        "cookie-notice",
        pattern_test(
            r"cookie.{0,60}(使用|同意|接受|隐私)|(使用|同意|接受).{0,30}cookie|本网站使用.{0,30}技术.{0,60}隐私|"
            r"^(我知道了|同意并继续|接受全部|全部接受)$",
            200,
        ),
    ),
    Rule(
        "expand-prompt",
        pattern_test(
            r"^(点击)?(展开全文|展开阅读全文|查看全文|展开剩余.{0,8}|余下全文|继续阅读全文|收起全文|收起|继续浏览后续|继续阅读|阅读全文)"
            r"\s*(>>|»|∨|﹀|↓|▼)?\s*\w?$|"
            r"^剩余\s*\d+%\s*未读$|^请?继续往下(阅读|看)\W*$|^查看全部\s*\d+\s*(个|條|条)(回答|评论)$",
            30,
        ),
    ),
    Rule(
        "app-promo",
        either(
            pattern_test(
                r"^\S{0,12}(app|客户端)$|^(打开|下载|使用|安装)\S{0,10}(app|客户端)|^(打开|下载)app.{0,10}$|"
                r"尽在\S{0,12}(app|客户端)$|^(欢迎|立即|免费|马上|点击)?订阅\S{0,12}([，,].{0,16})?\s*(>|>>|»)?$"
                # a newsletter's sign-up ("电邮新闻 头条新闻就在您的每日新闻信里"; "订阅…" above); not a
                # genre's or an issue's name ("二、新闻通讯", "2024年第2期新闻通讯")
                r"|^电邮新闻|新闻信(里|中)?$",
                30,
            ),
            # a longer banner that sends the reader to the app: slogans apart, no sentence's mark ("不用抽
            # 不用抢 现在用APP看新闻 保证天天中奖 点我下载APP 按我看活动办法")
            pattern_test(
                r"^(?=(\S+\s+){2,}\S+$)[^。，,！!？?；;]*(点我|点此|点击|立即|马上)下载\s*app[^。，,！!？?；;]*$", 80
            ),
        ),
    ),
    NAV_BAR,
    Rule("decoration", is_decoration),
    Rule(
        "end-mark",
        pattern_test(r"^[(（\[【]?\s*(完|全文完|全文结束|end)\s*[)）\]】]?$|^[-—=]*\s*end\s*[-—=]*$|^n{4}$", 12),
        starts_trailer=True,
    ),
    Rule("footer-contact", is_contact_footer, scope="edge", starts_trailer=True, footer=True),
    # In a notice "技术支持：XX研究所，0731-…" is whom to call; at the foot of a page, the web agency.
    Rule(
        "footer-tech-support",
        pattern_test(r"(^|[\s|｜])技术支持\s*[:：]?\s*\S", 160, no_full_stop=True, unnumbered=True),
        scope="edge",
        starts_trailer=True,
        footer=True,
    ),
    Rule("url-line", lambda s: HEADER_URL.match(s) is not None, scope="header"),
    Rule(
        "weak-metadata-line",
        is_weak_metadata,
        scope="header",
        opens_article=True,
        ends_list=True,
        below_title=True,
        gives_fields=True,
        date="field",
    ),
    DATE_LINE,
    # A related article's title and date ("叶檀：央行夏天“霜降”为了啥 2015/06/29"), or its
    # teaser ("…【详细】 2024-05-23 09:41:17"); last, so header metadata lines go to their rows.
    Rule(
        "dated-link",
        pattern_test(
            r"^(?=(.*[\u4e00-\u9fff]){4})(?!\S{0,4}(时间|日期)\s*[:：])[^。；;]{6,80}?\s+\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(\s+\d{1,2}:\d{2}(:\d{2})?)?$|"
            r"^[^。；;:：\d]{2,20}?\s+\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\s+\d{1,2}:\d{2}(:\d{2})?$|"
            r"(…|\.\.\.)?\s*[\[【]\s*(详细|详情|全文|更多)\s*[\]】](.{0,12}\d{4}[-/.]\d{1,2}[-/.]\d{1,2}.*)?$",
            200,
        ),
        starts_trailer=True,
        lists_links=True,
    ),
)

PAGE_RULES: dict[str, Rule] = {
    r.name: r
    for r in (
        TITLE, SITE_NAME, SECTION_LABEL, NAV_BAR, DATE_LINE, TRAILER, FURNITURE, BYLINE, TITLE_BLOCK, COLUMN_TAG,
        PAYWALL,
        *HTML_ROWS,
    )
}  # fmt: skip
"""Drops decided by a line's place in the page rather than its text alone, by name."""


def _named(rows: tuple[Rule, ...]) -> dict[str, Rule]:
    """Every row by its name; two rows with one name are an error (``--explain`` would not
    say which of them dropped a line)."""
    named: dict[str, Rule] = {}
    for row in rows:
        if named.setdefault(row.name, row) is not row:
            raise ValueError(f"two clean rules are named {row.name!r}")
    return named


RULE_NAMED = _named(RULES + tuple(PAGE_RULES.values()))
"""Every row, line and page rules, by name: how a ``Document.dropped`` record finds its row."""


def match(s: str) -> Rule | None:
    s = unmark(s)
    if not s:
        return None
    for rule in RULES:
        if rule.test(s):
            return rule
    return None
