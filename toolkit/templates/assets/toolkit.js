/* Toolkit pages.
   - Aligned view: the Both / 中文 / English toggle (remembered across pages), sentence linking
     (hover or focus a sentence: its counterpart is highlighted), and the keyboard: one tab stop
     per paragraph, the arrow keys move between its sentences (↑ ↓) and languages (← →).
   - Index: filter and sort every document by date, source, region, script and review status:
     documents.json lists the data files (documents/data-<n>.json, newest first) and the values
     of each filter; a file is fetched only when a filter needs its documents.
   - Search page: Pagefind's static index; Chinese queries keep only pages that contain the
     whole query; each result opens its page with ?q=, which highlights the whole query there.
   Everything taken from the data is put in the page as text (textContent), never as HTML. */
(function () {
  "use strict";
  var KEY = "toolkit.aligned.view";
  var HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

  /* The site root, from this script's own address (assets/toolkit.js). */
  var script = document.currentScript || document.querySelector('script[src*="assets/toolkit.js"]');
  var ROOT = new URL("../", script ? script.src : location.href);

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  /* --- aligned view -------------------------------------------------------------------- */

  function visibleSegs(pair) {
    return Array.prototype.filter.call(pair.querySelectorAll(".tk-seg"), function (s) {
      return s.offsetParent !== null;
    });
  }

  function resetTabStops(aligned) {
    aligned.querySelectorAll(".tk-pair").forEach(function (pair) {
      var segs = pair.querySelectorAll(".tk-seg");
      var first = visibleSegs(pair)[0];
      segs.forEach(function (s) { s.setAttribute("tabindex", s === first ? "0" : "-1"); });
    });
  }

  function setView(view, aligned, buttons) {
    if (["both", "zh", "en"].indexOf(view) < 0) view = "both";
    aligned.setAttribute("data-view", view);
    buttons.forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.getAttribute("data-view") === view));
    });
    try { localStorage.setItem(KEY, view); } catch (e) { /* private mode: not remembered */ }
    resetTabStops(aligned);
  }

  function moveFocus(seg, target) {
    if (!target) return;
    var pair = seg.closest(".tk-pair");
    pair.querySelectorAll(".tk-seg").forEach(function (s) { s.setAttribute("tabindex", "-1"); });
    target.setAttribute("tabindex", "0");
    target.focus();
  }

  function onKey(event) {
    var seg = event.target.closest && event.target.closest(".tk-seg");
    if (!seg) return;
    var pair = seg.closest(".tk-pair");
    var column = seg.closest(".tk-zh, .tk-en");
    var inColumn = visibleSegs(column);
    var i = inColumn.indexOf(seg);
    var target = null;
    if (event.key === "ArrowDown") target = inColumn[i + 1];
    else if (event.key === "ArrowUp") target = inColumn[i - 1];
    else if (event.key === "Home") target = inColumn[0];
    else if (event.key === "End") target = inColumn[inColumn.length - 1];
    else if (event.key === "ArrowRight" || event.key === "ArrowLeft") {
      var other = pair.querySelector(event.key === "ArrowRight" ? ".tk-en" : ".tk-zh");
      if (other && other !== column) {
        var id = seg.getAttribute("data-seg");
        target = other.querySelector('.tk-seg[data-seg="' + CSS.escape(id) + '"]') || visibleSegs(other)[0];
        if (target && target.offsetParent === null) target = null;
      }
    } else return;
    event.preventDefault();
    moveFocus(seg, target);
  }

  function initAligned() {
    var aligned = document.querySelector(".tk-aligned");
    if (!aligned) return;
    var buttons = Array.prototype.slice.call(document.querySelectorAll(".tk-toggle button"));
    var saved = null;
    try { saved = localStorage.getItem(KEY); } catch (e) { saved = null; }
    setView(saved || "both", aligned, buttons);
    buttons.forEach(function (b) {
      b.addEventListener("click", function () { setView(b.getAttribute("data-view"), aligned, buttons); });
    });

    function mark(event, on) {
      var seg = event.target.closest && event.target.closest(".tk-seg");
      if (!seg) return;
      var pair = seg.closest(".tk-pair");
      var id = seg.getAttribute("data-seg");
      pair.querySelectorAll('.tk-seg[data-seg="' + CSS.escape(id) + '"]').forEach(function (s) {
        s.classList.toggle("tk-active", on);
      });
    }
    aligned.addEventListener("mouseover", function (e) { mark(e, true); });
    aligned.addEventListener("mouseout", function (e) { mark(e, false); });
    aligned.addEventListener("focusin", function (e) { mark(e, true); });
    aligned.addEventListener("focusout", function (e) { mark(e, false); });
    aligned.addEventListener("keydown", onKey);
  }

  /* --- highlight of the query a search result was opened with --------------------------- */

  function highlight() {
    var q = new URLSearchParams(location.search).get("q");
    var article = document.querySelector("article");
    if (!q || !article || document.getElementById("tk-search")) return;
    q = q.trim();
    if (!q) return;
    var needles = [q];
    if (!HAN.test(q)) {
      needles = needles.concat(q.split(/\s+/).filter(function (w) { return w.length > 2; }));
    }
    var first = null;
    needles.some(function (needle) {
      var low = needle.toLowerCase();
      var walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT, null);
      var nodes = [];
      while (walker.nextNode()) nodes.push(walker.currentNode);
      nodes.forEach(function (node) {
        if (node.parentNode.closest("mark.tk-hit, script, style, .tk-sr")) return;
        var text = node.nodeValue;
        var at = text.toLowerCase().indexOf(low);
        if (at < 0) return;
        var frag = document.createDocumentFragment();
        var pos = 0;
        while (at >= 0) {
          frag.appendChild(document.createTextNode(text.slice(pos, at)));
          var m = el("mark", { class: "tk-hit" }, text.slice(at, at + needle.length));
          if (!first) first = m;
          frag.appendChild(m);
          pos = at + needle.length;
          at = text.toLowerCase().indexOf(low, pos);
        }
        frag.appendChild(document.createTextNode(text.slice(pos)));
        node.parentNode.replaceChild(frag, node);
      });
      return first !== null; // the whole query found: its words alone are not marked
    });
    if (first && !location.hash) first.scrollIntoView({ block: "center" });
  }

  /* --- documents index ------------------------------------------------------------------ */

  var REVIEW = ["not reviewed", "partly reviewed", "reviewed", "signed off"];

  function initIndex() {
    var box = document.getElementById("tk-docs");
    if (!box) return;
    var prefer = new URLSearchParams(location.search).get("lang");
    fetch(new URL("documents.json", ROOT).href)
      .then(function (r) { return r.json(); })
      .then(function (manifest) { buildIndex(box, shardStore(manifest), prefer); })
      .catch(function () { /* file:// or offline: the static pages stay */ });
  }

  /* The documents' data files, each fetched once and only when asked for. */
  function shardStore(manifest) {
    var shards = Array.isArray(manifest.shards) ? manifest.shards : [];
    var loaded = shards.map(function () { return null; });
    var pending = shards.map(function () { return null; });
    return {
      manifest: manifest,
      shards: shards,
      total: Number(manifest.total) || 0,
      loaded: loaded,
      load: function (i) {
        if (loaded[i]) return Promise.resolve(loaded[i]);
        if (!pending[i]) {
          pending[i] = fetch(new URL(String(shards[i].file), ROOT).href)
            .then(function (r) { return r.json(); })
            .then(function (data) { loaded[i] = data.documents || []; return loaded[i]; });
        }
        return pending[i];
      }
    };
  }

  function options(select, values, all) {
    select.appendChild(el("option", { value: "" }, all));
    values.forEach(function (v) { select.appendChild(el("option", { value: v }, v)); });
  }

  function buildIndex(box, store, prefer) {
    var man = store.manifest;
    var controls = el("form", { class: "tk-filters", role: "search", "aria-label": "Filter documents · 筛选文件" });
    controls.addEventListener("submit", function (e) { e.preventDefault(); });
    function field(label, control) {
      var l = el("label", {}, label);
      l.appendChild(control);
      controls.appendChild(l);
      control.addEventListener("input", render);
      return control;
    }
    var text = field("Title · 标题 ", el("input", { type: "search", name: "title" }));
    var year = field("Year · 年份 ", el("select", { name: "year" }));
    options(year, (man.years || []).map(String), "all · 全部");
    var source = field("Source · 来源 ", el("select", { name: "source" }));
    options(source, (man.sources || []).map(String), "all · 全部");
    var region = field("Region · 地区 ", el("select", { name: "region" }));
    options(region, (man.regions || []).map(String), "all · 全部");
    var scr = field("Script · 字体 ", el("select", { name: "script" }));
    options(scr, (man.scripts || []).map(String), "all · 全部");
    var review = field("Review · 审校 ", el("select", { name: "review" }));
    options(review, REVIEW, "all · 全部");
    box.appendChild(controls);

    var status = el("p", { class: "tk-count", role: "status", "aria-live": "polite" });
    box.appendChild(status);
    var table = el("table", { class: "tk-docs" });
    var head = el("tr");
    var sortKey = "date";
    var sortDir = -1;
    var cols = [
      ["zh", prefer === "en" ? "English title · 英文标题" : "中文标题 · Chinese title"],
      ["date", "Date · 日期"], ["source", "Source · 来源"], ["region", "Region · 地区"],
      ["script", "Script · 字体"], ["made", "English · 英文"], ["review", "Reviewed · 审校"], ["qa", "QA"]
    ];
    cols.forEach(function (c) {
      var th = el("th", { scope: "col", "aria-sort": c[0] === sortKey ? "descending" : "none" });
      var b = el("button", { type: "button", "data-key": c[0] }, c[1]);
      b.addEventListener("click", function () {
        sortDir = sortKey === c[0] ? -sortDir : 1;
        sortKey = c[0];
        head.querySelectorAll("th").forEach(function (h) { h.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", sortDir > 0 ? "ascending" : "descending");
        render();
      });
      th.appendChild(b);
      head.appendChild(th);
    });
    var thead = el("thead");
    thead.appendChild(head);
    table.appendChild(thead);
    var body = el("tbody");
    table.appendChild(body);
    var wrap = el("div", { class: "md-typeset__scrollwrap" });
    var inner = el("div", { class: "md-typeset__table" });
    inner.appendChild(table);
    wrap.appendChild(inner);
    box.appendChild(wrap);
    var more = el("button", { type: "button", class: "tk-more" }, "Show more · 显示更多");
    box.appendChild(more);
    var pageRows = Number(man.page) || 100;
    var limit = pageRows;
    more.addEventListener("click", function () { limit += pageRows; render(); });

    // The static pages stay for readers without scripts; with it, this table replaces them.
    document.querySelectorAll(".tk-doc-table, .tk-pager, article > .tk-count").forEach(function (n) {
      n.hidden = true;
    });

    function link(href, label, lang) {
      var a = el("a", { href: new URL(href, ROOT).href }, label);
      if (lang) a.setAttribute("lang", lang);
      return a;
    }

    function keep(d) {
      var t = text.value.trim().toLowerCase();
      return (!t || (d.zh + " " + d.en).toLowerCase().indexOf(t) >= 0) &&
        (!year.value || (d.date || "").slice(0, 4) === year.value) &&
        (!source.value || d.source === source.value) &&
        (!region.value || d.region === region.value) &&
        (!scr.value || d.script === scr.value) &&
        (!review.value || d.review === review.value);
    }

    /* The files that can hold a match: with a year chosen, those whose dates reach it. */
    function candidates() {
      var out = [];
      store.shards.forEach(function (s, i) {
        var y = year.value;
        if (!y || (String(s.oldest || "").slice(0, 4) <= y && y <= String(s.newest || "").slice(0, 4))) out.push(i);
      });
      return sortKey === "date" && sortDir > 0 ? out.reverse() : out;
    }

    /* Newest first (the files' order), files are read one by one until a page of rows is
       found; any other order needs every candidate file. */
    var generation = 0;
    function render() {
      var mine = ++generation;
      var order = candidates();
      var inOrder = sortKey === "date";
      var rows = [];
      var read = 0;
      function step() {
        if (mine !== generation) return;
        if (read < order.length && (!inOrder || rows.length < limit)) {
          store.load(order[read]).then(function (docs) {
            read += 1;
            docs.forEach(function (d) { if (keep(d)) rows.push(d); });
            step();
          }, function () { read = order.length; step(); });
          return;
        }
        show(rows, read >= order.length);
      }
      step();
    }

    function show(rows, complete) {
      rows.sort(function (a, b) {
        var x = sortKey === "review" ? REVIEW.indexOf(a.review) : a[sortKey];
        var y = sortKey === "review" ? REVIEW.indexOf(b.review) : b[sortKey];
        if (x === y) return a.slug < b.slug ? -1 : 1;
        return (x > y ? 1 : -1) * sortDir;
      });
      body.textContent = "";
      rows.slice(0, limit).forEach(function (d) {
        var tr = el("tr");
        var title = el("td");
        var slug = encodeURIComponent(d.slug);
        var zh = link("zh/" + slug + ".html", d.zh || d.slug, "zh-Hans");
        var en = link("en/" + slug + ".html", d.en || d.slug, "en");
        var aligned = link("aligned/" + slug + ".html", "中英对照 Aligned");
        var firstLink = prefer === "en" ? en : zh;
        title.appendChild(firstLink);
        title.appendChild(el("br"));
        title.appendChild(prefer === "en" ? zh : en);
        title.appendChild(document.createTextNode(" · "));
        title.appendChild(aligned);
        tr.appendChild(title);
        tr.appendChild(el("td", {}, d.date || "—"));
        tr.appendChild(el("td", {}, d.source_en ? d.source + " (" + d.source_en + ")" : (d.source || "—")));
        tr.appendChild(el("td", {}, d.region || "—"));
        tr.appendChild(el("td", {}, d.script || "—"));
        tr.appendChild(el("td", {}, d.made));
        tr.appendChild(el("td", {}, d.reviewed));
        var qa = el("td");
        if (d.qa) qa.appendChild(link((d.qa_page || "qa.html") + "#" + slug, d.qa + (d.qa === 1 ? " problem" : " problems")));
        else qa.textContent = "—";
        tr.appendChild(qa);
        body.appendChild(tr);
      });
      var total = store.total;
      more.hidden = complete && rows.length <= limit;
      var found = complete ? String(rows.length) : Math.min(rows.length, limit) + "+";
      status.textContent = found + " of " + total + " documents · 共 " + total +
        " 份，显示 " + Math.min(rows.length, limit) + " 份";
    }
    render();
  }

  /* --- search ------------------------------------------------------------------------- */

  function textOf(html) {
    // Pagefind's excerpt: text with <mark> around the words found. Parsed inertly (DOMParser
    // runs nothing) and copied as text and <mark> only.
    var doc = new DOMParser().parseFromString("<body>" + html + "</body>", "text/html");
    var out = document.createDocumentFragment();
    doc.body.childNodes.forEach(function (n) {
      if (n.nodeType === 3) out.appendChild(document.createTextNode(n.nodeValue));
      else if (n.nodeName === "MARK") out.appendChild(el("mark", {}, n.textContent));
      else out.appendChild(document.createTextNode(n.textContent || ""));
    });
    return out;
  }

  /* ``text`` with each whole occurrence of ``q`` marked (Pagefind marks the pieces a Chinese
     query was cut into, often single characters). */
  function marked(text, q) {
    var out = document.createDocumentFragment();
    var low = text.toLowerCase();
    var needle = q.toLowerCase();
    var pos = 0;
    var at = low.indexOf(needle);
    while (needle && at >= 0) {
      out.appendChild(document.createTextNode(text.slice(pos, at)));
      out.appendChild(el("mark", {}, text.slice(at, at + needle.length)));
      pos = at + needle.length;
      at = low.indexOf(needle, pos);
    }
    out.appendChild(document.createTextNode(text.slice(pos)));
    return out;
  }

  /* An excerpt of ``content`` around the first whole occurrence of the query. */
  function around(content, q) {
    var text = content.replace(/\u200b/g, "");
    var at = text.toLowerCase().indexOf(q.toLowerCase());
    if (at < 0) return null;
    var start = Math.max(0, at - 40);
    var end = Math.min(text.length, at + q.length + 60);
    return (start > 0 ? "…" : "") + text.slice(start, end) + (end < text.length ? "…" : "");
  }

  function plain(html) {
    return new DOMParser().parseFromString("<body>" + html + "</body>", "text/html").body.textContent || "";
  }

  /* A Chinese query must appear whole: Pagefind matches its words anywhere in a page. */
  function containsAll(text, q) {
    var runs = q.match(/[\u3400-\u9fff\uf900-\ufaff]+/g) || [];
    var flat = text.replace(/[\s\u200b]+/g, "");
    return runs.every(function (r) { return flat.indexOf(r) >= 0; });
  }

  function withQuery(url, q) {
    var hash = url.indexOf("#");
    var path = hash < 0 ? url : url.slice(0, hash);
    var rest = hash < 0 ? "" : url.slice(hash);
    return path + (path.indexOf("?") < 0 ? "?" : "&") + "q=" + encodeURIComponent(q) + rest;
  }

  function initSearch() {
    var box = document.getElementById("tk-search");
    if (!box) return;
    var form = box.querySelector("form");
    var input = form.querySelector("input");
    var status = box.querySelector(".tk-search-status");
    var list = box.querySelector(".tk-search-results");
    var more = box.querySelector(".tk-search-more");
    var pagefind = null;
    var run = 0;
    var pending = [];
    var query = "";
    var shown = 0;

    function load() {
      if (!pagefind) {
        pagefind = import(new URL("pagefind/pagefind.js", ROOT).href).then(function (pf) {
          return pf.options({ baseUrl: ROOT.pathname, excerptLength: 24 }).then(function () { return pf; });
        });
      }
      return pagefind;
    }

    function show(q) {
      var mine = ++run;
      query = q;
      list.textContent = "";
      more.hidden = true;
      shown = 0;
      if (!q) { status.textContent = ""; return; }
      status.textContent = "Searching… · 正在搜索…";
      load().then(function (pf) { return pf.search(q); }).then(function (search) {
        if (mine !== run) return;
        pending = search ? search.results.slice() : [];
        next(mine, 10);
      }).catch(function () {
        status.textContent = location.protocol === "file:"
          ? "Search needs the site served over HTTP: run `toolkit serve`. 搜索需要通过 HTTP 打开本站。"
          : "Search is not available. 搜索不可用。";
      });
    }

    /* Load results until ``want`` more are shown (checking at most 4 × want pages). */
    function next(mine, want) {
      var budget = want * 4;
      var added = 0;
      function step() {
        if (mine !== run) return;
        if (!pending.length || added >= want || budget <= 0) {
          more.hidden = !pending.length;
          status.textContent = shown
            ? shown + (pending.length ? "+" : "") + " pages · 个页面"
            : "No page contains “" + query + "”. 没有找到包含“" + query + "”的页面。";
          return;
        }
        budget -= 1;
        pending.shift().data().then(function (data) {
          if (mine !== run) return;
          if (!HAN.test(query) || containsAll(data.content || "", query)) {
            list.appendChild(item(data));
            shown += 1;
            added += 1;
          }
          step();
        });
      }
      step();
    }

    function item(data) {
      var li = el("li", { class: "tk-result" });
      var title = (data.meta && data.meta.title) || data.url;
      var a = el("a", { href: withQuery(data.url, query), class: "tk-result-title" }, title);
      var lang = data.url.indexOf("/en/") >= 0 ? "en" : "zh-Hans";
      a.setAttribute("lang", lang);
      li.appendChild(a);
      var p = el("p", { class: "tk-excerpt", lang: lang });
      // The whole query where the page has it (Pagefind marks its words, or for Chinese the
      // pieces it cut the query into); otherwise Pagefind's excerpt.
      var whole = around(data.content || "", query);
      p.appendChild(whole !== null ? marked(whole, query) : textOf(data.excerpt || ""));
      li.appendChild(p);
      var subs = (data.sub_results || []).filter(function (s) {
        return s.url !== data.url && s.title !== title &&
          (whole === null || around(plain(s.excerpt || ""), query) !== null);
      }).slice(0, 3);
      if (subs.length) {
        var ul = el("ul", { class: "tk-subresults" });
        subs.forEach(function (s) {
          var sli = el("li");
          sli.appendChild(el("a", { href: withQuery(s.url, query), lang: lang }, s.title));
          var sp = el("p", { class: "tk-excerpt", lang: lang });
          var text = plain(s.excerpt || "").replace(/\u200b/g, "");
          sp.appendChild(whole !== null ? marked(text, query) : textOf(s.excerpt || ""));
          sli.appendChild(sp);
          ul.appendChild(sli);
        });
        li.appendChild(ul);
      }
      return li;
    }

    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var q = input.value.trim();
        var url = new URL(location.href);
        url.searchParams.set("q", q);
        history.replaceState(null, "", url.href);
        show(q);
      }, 250);
    });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      clearTimeout(timer);
      var q = input.value.trim();
      var url = new URL(location.href);
      url.searchParams.set("q", q);
      history.replaceState(null, "", url.href);
      show(q);
    });
    more.addEventListener("click", function () { next(run, 10); });
    var q0 = new URLSearchParams(location.search).get("q") || "";
    input.value = q0;
    if (q0.trim()) show(q0.trim());
  }

  function init() {
    initAligned();
    highlight();
    initIndex();
    initSearch();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
