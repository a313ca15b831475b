/* analyser report: charts, sortable scorecard, article views built on demand.
 * Untrusted text (articles, titles, outlets, messages) is only ever set with textContent,
 * createTextNode or attribute setters; never with innerHTML. Article views are stored as
 * compressed JSON blocks (page.views) and inflated only when an article is opened. */
(function () {
  "use strict";
  var page = JSON.parse(document.getElementById("report-data").textContent);
  var K = page.measures.length, REF = 1024;
  var articles = page.index.id.map(function (id, i) {
    var src = page.sources[page.index.src[i]] || {label: ""};
    return {n: i, id: id, short: page.index.short[i], label: src.label,
      named: page.outlets[page.index.named[i]] || "", v: page.index.v.slice(i * K, i * K + K),
      ref: page.index.view[i], loaded: false};
  });
  var byId = Object.create(null);
  articles.forEach(function (a) { if (!(a.id in byId)) byId[a.id] = a; });
  var cats = page.categories;
  var HARD = cats.indexOf("hard-sentence");
  var articlesSection = document.getElementById("articles");
  var view = document.getElementById("article-view");
  var tip = document.getElementById("tip");
  var current = null;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = String(text);
    return e;
  }
  function slug(s) { return String(s).replace(/[^A-Za-z0-9_-]/g, "-"); }
  // A value as the scorecard writes it ("1,234.5"); v is already rounded to d digits.
  function fmt(v, d) {
    if (v == null) return "\u2014";
    var parts = Math.abs(v).toFixed(d).split(".");
    parts[0] = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    return (v < 0 || Object.is(v, -0) ? "-" : "") + parts.join(".");
  }

  /* ---- stored article views ---- */
  var blocks = Object.create(null);
  function inflate(b64) {
    var bin = atob(b64), bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate"));
    return new Response(stream).text().then(JSON.parse);
  }
  function block(k) { return blocks[k] || (blocks[k] = inflate(page.views[k])); }
  // A record and its block's strings (the messages its findings index into).
  function record(ref) {
    return block(Math.floor(ref / REF)).then(function (b) {
      return {r: b.records[ref % REF], strings: b.strings};
    });
  }
  function loadView(a) {
    if (a.loaded || a.ref < 0) return Promise.resolve(a);
    return record(a.ref).then(function (own) {
      var r = own.r;
      return (r.body ? Promise.resolve(own) : record(r.same)).then(function (holder) {
        ["title", "outlet", "url", "published", "source", "t"].forEach(function (k) { a[k] = r[k]; });
        var b = holder.r.body;
        ["text", "p", "s", "q", "f", "removed"].forEach(function (k) { a[k] = b[k]; });
        a.strings = holder.strings;
        a.loaded = true;
        return a;
      });
    });
  }

  /* ---- charts ---- */
  var config = {responsive: true, displaylogo: false,
    modeBarButtonsToRemove: ["lasso2d", "select2d", "autoScale2d"]};
  // Milliseconds since navigation start at which the page became usable (for
  // analyser.report.screenshot --measure): "ready" when the script has run and the first
  // article view is built, "charts" when every chart has finished drawing.
  var timings = window.reportTimings = {ready: null, charts: null};
  var drawing = page.charts.map(function (c) {
    var div = document.getElementById("chart-" + c.id);
    if (!div) return null;
    return Plotly.newPlot(div, c.figure.data, c.figure.layout, config).then(function () {
      div.on("plotly_click", function (ev) {
        var pt = ev && ev.points && ev.points[0];
        if (!pt) return;
        var key = pt.customdata;
        if (Array.isArray(key)) key = key[0];
        if (typeof key !== "string" && pt.data) key = pt.data.meta;
        route(key);
      });
    });
  });
  Promise.all(drawing).then(function () {
    timings.charts = performance.now();
    document.body.setAttribute("data-charts", "drawn");
  }, function (err) {
    document.body.setAttribute("data-charts", "failed");
    throw err;
  });

  function route(key) {
    if (typeof key !== "string") return;
    if (key.slice(0, 2) === "a:") {
      var rest = key.slice(2);
      if (byId[rest]) { openArticle(rest, null, true); return; }
      var m = /^(.*):(\d+)$/.exec(rest);
      if (m && byId[m[1]]) openArticle(m[1], Number(m[2]), true);
    } else if (key.slice(0, 2) === "o:") {
      showSource(key.slice(2));
    }
  }
  document.addEventListener("click", function (ev) {
    var t = ev.target.closest ? ev.target.closest("[data-key]") : null;
    if (t) { ev.preventDefault(); route(t.getAttribute("data-key")); }
  });

  /* ---- same story, different outlets ---- */
  // A story's tellings side by side, built from page.stories (one column per telling);
  // copies of another outlet's text are listed apart, never as tellings.
  var storyTable = document.getElementById("story-table");
  var storyPanel = document.getElementById("story-panel");
  var storyOpen = -1;

  function storyButtons() {
    return storyTable ? storyTable.querySelectorAll("button[data-story]") : [];
  }
  function closeStory() {
    storyOpen = -1;
    storyPanel.hidden = true;
    storyPanel.textContent = "";
    storyPanel.removeAttribute("data-story");
    Array.prototype.forEach.call(storyButtons(), function (b) {
      b.setAttribute("aria-expanded", "false");
      b.closest("tr").classList.remove("open");
    });
  }
  function openButton(key, label) {
    var b = el("button", "open", label);
    b.type = "button";
    b.setAttribute("data-key", key);
    return b;
  }
  function tellingColumn(t) {
    // t: [article id, outlet, title, published, grade, padding index, findings]
    var col = el("div", "telling");
    col.appendChild(el("p", "outlet", t[1]));
    col.appendChild(el("h4", null, t[2] || t[0]));
    if (t[3]) col.appendChild(el("p", "date", t[3]));
    var dl = el("dl", "telling-scores");
    page.stories.labels.forEach(function (label, j) {
      var item = el("div");
      item.appendChild(el("dt", null, label));
      item.appendChild(el("dd", null, t[4 + j]));
      dl.appendChild(item);
    });
    col.appendChild(dl);
    col.appendChild(openButton("a:" + t[0], "Open the article"));
    return col;
  }
  function openStory(n, button) {
    var item = page.stories.items[n];
    if (!item) return;
    closeStory();
    storyOpen = n;
    var head = el("div", "story-head");
    var heading = el("h3", null, button.textContent);
    head.appendChild(heading);
    var close = el("button", "close", "Close");
    close.type = "button";
    close.addEventListener("click", function () { closeStory(); button.focus(); });
    head.appendChild(close);
    storyPanel.appendChild(head);
    storyPanel.appendChild(el("p", "meta", item.t.length + " telling" +
      (item.t.length === 1 ? "" : "s") + " side by side" +
      (item.c.length ? "; " + item.c.length + " cop" + (item.c.length === 1 ? "y" : "ies") +
        " listed below, not compared" : "")));
    var grid = el("div", "tellings");
    item.t.forEach(function (t) { grid.appendChild(tellingColumn(t)); });
    storyPanel.appendChild(grid);
    if (item.c.length) {
      var copies = el("div", "copies");
      copies.appendChild(el("h4", null, "Copies of another outlet's text (not compared)"));
      var ul = el("ul");
      item.c.forEach(function (c) {
        // c: [article id, outlet, title, outlet of the text it copies]
        var li = el("li");
        li.appendChild(el("span", "outlet", c[1]));
        li.appendChild(document.createTextNode(" \u00b7 " + (c[2] || c[0]) +
          " \u00b7 a copy of the " + c[3] + " text "));
        li.appendChild(openButton("a:" + c[0], "Open the copy"));
        ul.appendChild(li);
      });
      copies.appendChild(ul);
      storyPanel.appendChild(copies);
    }
    storyPanel.setAttribute("data-story", String(n));
    storyPanel.hidden = false;
    button.setAttribute("aria-expanded", "true");
    button.closest("tr").classList.add("open");
    storyPanel.scrollIntoView({behavior: "smooth", block: "nearest"});
  }
  if (storyTable && storyPanel && page.stories) {
    storyTable.addEventListener("click", function (ev) {
      var b = ev.target.closest ? ev.target.closest("button[data-story]") : null;
      if (!b) return;
      var n = Number(b.getAttribute("data-story"));
      if (n === storyOpen) closeStory(); else openStory(n, b);
    });
  }

  /* ---- scorecard sorting ---- */
  var table = document.getElementById("scorecard");
  if (table) {
    var heads = table.querySelectorAll("thead th");
    Array.prototype.forEach.call(heads, function (th, col) {
      th.tabIndex = 0;
      function sort() {
        var asc = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
        var numeric = th.getAttribute("data-type") === "number";
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (r1, r2) {
          var a = r1.cells[col].getAttribute("data-value"), b = r2.cells[col].getAttribute("data-value");
          if (numeric) {
            var x = a === "" ? NaN : Number(a), y = b === "" ? NaN : Number(b);
            if (isNaN(x) && isNaN(y)) return 0;
            if (isNaN(x)) return 1;  // missing values last either way
            if (isNaN(y)) return -1;
            return asc ? x - y : y - x;
          }
          return asc ? a.localeCompare(b) : b.localeCompare(a);
        });
        rows.forEach(function (r) { body.appendChild(r); });
      }
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function (ev) { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); sort(); } });
    });
  }

  /* ---- article picker ---- */
  var pickSource = document.getElementById("pick-source");
  var pickSearch = document.getElementById("pick-search");
  var pickOrder = document.getElementById("pick-order");
  var list = document.getElementById("article-list");
  var count = document.getElementById("pick-count");
  var LIST_MAX = 150;

  function renderList() {
    var src = pickSource.value, q = pickSearch.value.trim().toLowerCase();
    var order = pickOrder.value === "" ? -1 : Number(pickOrder.value);
    var shown = articles.filter(function (a) {
      if (src && a.label !== src) return false;
      if (q && (a.short + " " + a.id).toLowerCase().indexOf(q) < 0) return false;
      return true;
    });
    if (order >= 0) {
      shown = shown.slice().sort(function (a, b) {
        var x = a.v[order], y = b.v[order];
        if (x == null) return 1;
        if (y == null) return -1;
        return y - x;
      });
    }
    list.textContent = "";
    shown.slice(0, LIST_MAX).forEach(function (a) {
      var li = el("li"), b = el("button");
      b.type = "button";
      b.setAttribute("data-id", a.id);
      if (current === a.id) b.setAttribute("aria-current", "true");
      b.appendChild(el("span", "t", a.short || a.id));
      var sub = page.grouped ? a.label : (a.named || "");
      var m = page.measures[order];
      if (order >= 0) sub += (sub ? " \u00b7 " : "") + m.name + " " + fmt(a.v[order], m.digits);
      if (sub) b.appendChild(el("span", "sub", sub));
      b.addEventListener("click", function () { openArticle(a.id, null, false); });
      li.appendChild(b);
      list.appendChild(li);
    });
    count.textContent = shown.length > LIST_MAX
      ? "Showing " + LIST_MAX + " of " + shown.length + " articles: narrow the search."
      : shown.length + " article" + (shown.length === 1 ? "" : "s");
  }
  [pickSource, pickOrder].forEach(function (e) { e.addEventListener("change", renderList); });
  pickSearch.addEventListener("input", renderList);

  function showSource(label) {
    pickSource.value = label;
    if (pickSource.value !== label) pickSource.value = "";
    renderList();
    articlesSection.scrollIntoView({behavior: "smooth", block: "start"});
  }

  /* ---- legend toggles ---- */
  Array.prototype.forEach.call(document.querySelectorAll("#legend input[data-cat]"), function (box) {
    box.addEventListener("change", function () {
      articlesSection.classList.toggle("hide-" + box.getAttribute("data-cat"), !box.checked);
    });
  });
  function hidden(cat) { return articlesSection.classList.contains("hide-" + slug(cat)); }

  /* ---- article view ---- */
  function triples(flat, n) {
    var out = [];
    for (var i = 0; i + n <= flat.length; i += n) out.push(flat.slice(i, i + n));
    return out;
  }

  var wanted = null;
  function openArticle(id, sentence, scroll) {
    var a = byId[id];
    if (!a) return Promise.resolve();
    wanted = id;
    return loadView(a).then(function () {
      if (wanted !== id) return;  // another article was asked for meanwhile
      if (current !== id) {
        if (a.loaded) buildView(a); else buildMissing(a);
        current = id;
        Array.prototype.forEach.call(list.querySelectorAll("button[data-id]"), function (b) {
          if (b.getAttribute("data-id") === id) b.setAttribute("aria-current", "true");
          else b.removeAttribute("aria-current");
        });
        try { history.replaceState(null, "", "#article=" + encodeURIComponent(id)); } catch (e) { /* file:// may refuse */ }
      }
      if (sentence != null) { jumpTo(sentence); return; }
      if (scroll) view.scrollIntoView({behavior: "smooth", block: "start"});
    });
  }

  function scoreList(a, texts) {
    var scores = el("ul", "scores");
    page.measures.forEach(function (m, j) {
      var li = el("li");
      li.title = m.help;
      li.appendChild(document.createTextNode(m.name + " "));
      li.appendChild(el("b", null, texts ? texts[m.k] : fmt(a.v[j], m.digits)));
      scores.appendChild(li);
    });
    return scores;
  }

  function buildMissing(a) {
    var root = el("div", "view");
    root.appendChild(el("h3", null, a.short || a.id));
    root.appendChild(el("p", "meta", "The text of this article is not stored in this page " +
      "(it keeps the first " + page.stored + " articles' texts); run analyser report on fewer " +
      "articles to read it."));
    root.appendChild(scoreList(a, null));
    view.textContent = "";
    view.appendChild(root);
    view.setAttribute("data-article", a.id);
  }

  function jumpTo(sentence) {
    var target = document.getElementById("v-s" + sentence);
    if (!target) return;
    target.scrollIntoView({behavior: "smooth", block: "center"});
    target.classList.add("flash");
    setTimeout(function () { target.classList.remove("flash"); }, 1800);
  }

  function buildView(a) {
    var F = triples(a.f, 9).map(function (x, i) {
      return {i: i, start: x[0], end: x[1], cat: cats[x[2]], code: page.codes[x[3]],
        msg: a.strings[x[4]], sug: a.strings[x[5]], sentence: x[6], related: x[7], quoted: x[8] === 1};
    });
    var S = triples(a.s, 4);
    var P = triples(a.p, 3);
    var Q = triples(a.q, 2);
    var text = a.text;
    a._findings = F;
    a._sentences = S;
    var hardOf = Object.create(null);  // sentence -> hard-sentence findings
    var marks = [];
    var counts = Object.create(null);
    F.forEach(function (f) {
      counts[f.cat] = (counts[f.cat] || 0) + 1;
      if (f.cat === "hard-sentence") {
        var si = f.sentence >= 0 ? f.sentence : sentenceAt(S, f.start);
        (hardOf[si] = hardOf[si] || []).push(f.i);
      } else if (f.end > f.start) {
        marks.push(f);
      }
    });
    a._hardOf = hardOf;

    var root = el("div", "view");
    root.appendChild(el("h3", null, a.title || a.short || a.label));
    var meta = el("p", "meta");
    var bits = [];
    if (a.outlet) bits.push(a.outlet);
    if (a.published) bits.push(a.published);
    meta.appendChild(document.createTextNode(bits.join(" \u00b7 ")));
    if (a.url && /^https?:\/\//i.test(a.url)) {
      meta.appendChild(document.createTextNode(" \u00b7 "));
      var link = el("a", null, a.url);
      link.href = a.url;
      link.rel = "noopener noreferrer nofollow";
      link.target = "_blank";
      meta.appendChild(link);
    }
    if (a.source) {
      meta.appendChild(document.createTextNode(" \u00b7 "));
      meta.appendChild(el("code", null, a.source));
    }
    root.appendChild(meta);
    var scores = scoreList(a, a.t);
    var nf = F.length;
    var liF = el("li");
    liF.appendChild(document.createTextNode("Findings "));
    liF.appendChild(el("b", null, String(nf)));
    scores.appendChild(liF);
    root.appendChild(scores);

    var body = el("div", "text");
    var ids = Object.create(null);
    marks.sort(function (x, y) { return x.start - y.start || y.end - x.end; });
    if (!P.length) P = [[0, text.length, 0]];
    P.forEach(function (p) {
      var ps = p[0], pe = p[1];
      var blk = el("div", "blk k-" + slug(page.kinds[p[2]] || "prose"));
      var cuts = [ps, pe];
      var local = [];
      for (var k = 0; k < marks.length; k++) {
        var f = marks[k];
        if (f.start >= pe) break;
        if (f.end > ps) { local.push(f); cuts.push(Math.max(f.start, ps), Math.min(f.end, pe)); }
      }
      var sents = [];
      S.forEach(function (s, si) {
        if (s[0] < pe && s[1] > ps) { sents.push(si); cuts.push(Math.max(s[0], ps), Math.min(s[1], pe)); }
      });
      var quotes = Q.filter(function (q) { return q[0] < pe && q[1] > ps; });
      quotes.forEach(function (q) { cuts.push(Math.max(q[0], ps), Math.min(q[1], pe)); });
      cuts.sort(function (x, y) { return x - y; });
      var holder = null, holderIdx = -2, t = 0;
      for (var c = 0; c + 1 < cuts.length; c++) {
        var lo = cuts[c], hi = cuts[c + 1];
        if (hi <= lo) continue;  // duplicate cut
        // Sentences and pieces both run left to right: walk the sentences once.
        while (t < sents.length && S[sents[t]][1] <= lo) t++;
        var si = (t < sents.length && S[sents[t]][0] <= lo && S[sents[t]][1] >= hi) ? sents[t] : -1;
        if (si !== holderIdx) {
          holderIdx = si;
          if (si >= 0) {
            holder = el("span", "sent");
            var sv = S[si];
            var band = sv[2];
            if (!band && hardOf[si]) band = hardOf[si].some(function (i) { return F[i].code === "HRD002"; }) ? 2 : 1;
            if (band === 1) holder.className += " band-hard";
            if (band === 2) holder.className += " band-hard band-very-hard";
            if (!ids[si]) { holder.id = "v-s" + si; ids[si] = true; }
            holder.setAttribute("data-s", si);
            blk.appendChild(holder);
          } else {
            holder = blk;
          }
        }
        var node = document.createTextNode(text.slice(lo, hi));
        var active = local.filter(function (f) { return f.start <= lo && f.end >= hi; });
        active.sort(function (x, y) { return (x.end - x.start) - (y.end - y.start); });
        active.forEach(function (f) {
          var span = el("span", "f c-" + slug(f.cat));
          span.setAttribute("data-f", f.i);
          span.appendChild(node);
          node = span;
        });
        var inQuote = quotes.some(function (q) { return q[0] <= lo && q[1] >= hi; });
        if (inQuote) { var qs = el("span", "q"); qs.appendChild(node); node = qs; }
        holder.appendChild(node);
        active.forEach(function (f) {
          if (f.related >= 0 && f.end === hi) {
            var ln = el("a", "restate-link", "\u21a9 repeats sentence " + (f.related + 1));
            ln.href = "#v-s" + f.related;
            ln.setAttribute("data-jump", f.related);
            ln.title = "Jump to the sentence this one restates";
            holder.appendChild(ln);
          }
        });
      }
      body.appendChild(blk);
      body.appendChild(document.createTextNode("\n"));
    });
    root.appendChild(body);

    var removed = el("details", "removed");
    removed.appendChild(el("summary", null, a.removed.length
      ? "Removed page furniture (" + a.removed.length + " block" + (a.removed.length === 1 ? "" : "s") + ")"
      : "Removed page furniture: none"));
    var ol = el("ol");
    a.removed.forEach(function (r) {
      var li = el("li");
      li.appendChild(el("span", "reason", r[1]));
      li.appendChild(document.createTextNode(r[0]));
      ol.appendChild(li);
    });
    removed.appendChild(ol);
    root.appendChild(removed);

    view.textContent = "";
    view.appendChild(root);
    view.setAttribute("data-article", a.id);
    Array.prototype.forEach.call(document.querySelectorAll("#legend [data-count]"), function (c) {
      var n = counts[c.getAttribute("data-count")] || 0;
      c.textContent = String(n);
      c.parentNode.classList.toggle("none", n === 0);
    });
  }

  function sentenceAt(S, pos) {
    for (var i = 0; i < S.length; i++) if (S[i][0] <= pos && pos < S[i][1]) return i;
    return -1;
  }

  view.addEventListener("click", function (ev) {
    var j = ev.target.closest ? ev.target.closest("a.restate-link") : null;
    if (j) { ev.preventDefault(); jumpTo(Number(j.getAttribute("data-jump"))); return; }
    var f = ev.target.closest ? ev.target.closest(".f") : null;
    if (f) showTip(ev, f);
  });

  /* ---- tooltip ---- */
  function tipItems(target) {
    var a = current && byId[current];
    if (!a) return {items: [], info: null};
    var items = [], node = target, sent = null;
    while (node && node !== view) {
      if (node.classList && node.classList.contains("f")) items.push(a._findings[Number(node.getAttribute("data-f"))]);
      if (node.classList && node.classList.contains("sent")) { sent = node; break; }
      node = node.parentNode;
    }
    items = items.filter(function (f) { return !hidden(f.cat); });
    var info = null;
    if (sent) {
      var si = Number(sent.getAttribute("data-s"));
      var hard = (a._hardOf[si] || []).map(function (i) { return a._findings[i]; });
      if (!hidden("hard-sentence")) items = items.concat(hard);
      var sv = a._sentences[si];
      if (sv) info = "Sentence " + (si + 1) + (sv[3] >= 0 ? " \u00b7 grade " + sv[3] : "") +
        (sv[2] === 2 ? " \u00b7 very hard" : sv[2] === 1 ? " \u00b7 hard" : "");
    }
    return {items: items, info: info};
  }

  function showTip(ev, target) {
    var r = tipItems(target);
    if (!r.items || !r.items.length) { hideTip(); return; }
    tip.textContent = "";
    if (r.info) tip.appendChild(el("div", "sentinfo", r.info));
    r.items.forEach(function (f) {
      var item = el("div", "item");
      var head = el("div");
      head.appendChild(el("span", "code", f.code));
      head.appendChild(document.createTextNode(" "));
      head.appendChild(el("span", "cat", (page.styles[f.cat] || {label: f.cat}).label));
      item.appendChild(head);
      if (f.msg) item.appendChild(el("div", "msg", f.msg));
      if (f.sug) item.appendChild(el("div", "sug", "\u2192 " + f.sug));
      if (f.quoted) item.appendChild(el("div", "quoted", "Inside quoted speech: not counted against the writer."));
      if (f.related >= 0) item.appendChild(el("div", "sug", "Click \u21a9 to see sentence " + (f.related + 1) + "."));
      tip.appendChild(item);
    });
    tip.hidden = false;
    var x = ev.clientX + 14, y = ev.clientY + 18;
    var w = tip.offsetWidth, h = tip.offsetHeight;
    if (x + w > window.innerWidth - 8) x = Math.max(8, window.innerWidth - w - 8);
    if (y + h > window.innerHeight - 8) y = Math.max(8, ev.clientY - h - 12);
    tip.style.left = x + "px";
    tip.style.top = y + "px";
  }
  function hideTip() { tip.hidden = true; }
  view.addEventListener("mouseover", function (ev) {
    var t = ev.target.closest ? ev.target.closest(".f, .sent") : null;
    if (t) showTip(ev, ev.target); else hideTip();
  });
  view.addEventListener("mouseleave", hideTip);
  window.addEventListener("scroll", hideTip, {passive: true});

  /* ---- start ---- */
  // The fragment is whatever the address bar holds: a malformed one opens the first article.
  function fromHash(s) {
    try { return decodeURIComponent(s); } catch (e) {
      if (e instanceof URIError) return null;
      throw e;
    }
  }
  renderList();
  var start = /^#article=(.+)$/.exec(location.hash);
  var first = start ? fromHash(start[1]) : null;
  if (!first || !byId[first]) first = articles.length ? articles[0].id : null;
  function ready() {
    timings.ready = performance.now();
    document.body.setAttribute("data-ready", "true");
  }
  if (first) {
    openArticle(first, null, false).then(ready, function (err) {
      view.textContent = "";
      view.appendChild(el("p", "empty", "This article could not be read: " + err));
      document.body.setAttribute("data-ready", "failed");
      throw err;
    });
  } else {
    ready();
  }
})();
