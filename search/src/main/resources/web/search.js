(function () {
  'use strict';
  var API = '/api/search';
  var FIELDS = ['q', 'topic', 'source', 'lang', 'from', 'to', 'collapse'];
  // Facet groups per filter field. Topics come per taxonomy: IPTC by code (shown by its label), then the operator's,
  // watch- and model topics by name; topic= takes either a code or a name.
  var FACETS = {
    topic: function (f) {
      return (f.iptc || []).map(function (b) { return { key: b.key, label: b.label || b.key, count: b.count }; })
        .concat(f.operatorTopics || [], f.watchTopics || [], f.modelTopics || []);
    },
    source: function (f) { return f.sources || []; },
    lang: function (f) { return f.languages || []; }
  };
  var form = document.getElementById('search-form');
  var $ = function (id) { return document.getElementById(id); };
  var state = {};      // the search shown: {q, topic, ...}
  var next = null;     // cursor for "More results"
  var seq = 0;         // drops responses to superseded requests

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') e.textContent = attrs[k]; else if (k === 'onclick') e.addEventListener('click', attrs[k]); else if (k === 'style') e.style.cssText = attrs[k]; else e.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c != null) e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return e;
  }

  // Highlights arrive HTML-escaped with <em> around matches. Parse them inertly and keep only text and <em>.
  function highlighted(html) {
    var t = document.createElement('template');
    t.innerHTML = html;
    var out = document.createDocumentFragment();
    (function copy(from, to) {
      from.childNodes.forEach(function (n) {
        if (n.nodeType === 3) to.appendChild(document.createTextNode(n.nodeValue));
        else if (n.nodeType === 1 && n.nodeName === 'EM') copy(n, to.appendChild(document.createElement('em')));
        else if (n.nodeType === 1) copy(n, to);
      });
    })(t.content, out);
    return out;
  }

  function safeUrl(u) { return typeof u === 'string' && /^https?:\/\//i.test(u) ? u : null; }

  function formatDate(iso) {
    var d = new Date(iso);
    return isNaN(d) ? iso : d.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
  }

  function readUrl() {
    var p = new URLSearchParams(location.search), s = {};
    FIELDS.forEach(function (f) { var v = (p.get(f) || '').trim(); if (v) s[f] = v; });
    return s;
  }

  function readForm() {
    var s = {};
    FIELDS.forEach(function (f) { var v = (form.elements[f].value || '').trim(); if (v) s[f] = v; });
    return s;
  }

  function writeForm(s) {
    FIELDS.forEach(function (f) {
      var c = form.elements[f], v = s[f] || '';
      if (c.tagName === 'SELECT') ensureOption(c, v);
      c.value = v;
    });
  }

  function ensureOption(select, value) {
    if (!value) return;
    for (var i = 0; i < select.options.length; i++) if (select.options[i].value === value) return;
    select.appendChild(el('option', { value: value, text: value }));
  }

  function queryString(s) {
    var p = new URLSearchParams();
    FIELDS.forEach(function (f) { if (s[f]) p.set(f, s[f]); });
    return p.toString();
  }

  // Push the search into the URL (bookmarkable) and run it.
  function go(s) {
    var qs = queryString(s);
    var url = location.pathname + (qs ? '?' + qs : '');
    if (url !== location.pathname + location.search) history.pushState(null, '', url);
    writeForm(s);
    run(s, null);
  }

  function setFilter(field, value) {
    var s = readForm();
    if (value) s[field] = value; else delete s[field];
    go(s);
  }

  function run(s, after) {
    var id = ++seq;
    state = s;
    $('error').textContent = '';
    $('status').textContent = 'Searching…';
    $('more').disabled = true;
    var qs = queryString(s);
    if (after) qs += (qs ? '&' : '') + 'after=' + encodeURIComponent(after);
    fetch(API + (qs ? '?' + qs : ''), { headers: { Accept: 'application/json' } })
      .then(function (r) {
        return r.json().catch(function () { return { error: 'HTTP ' + r.status + ': response is not JSON', status: r.status }; })
          .then(function (body) {
            if (!r.ok || body.error) throw new Error(body.error ? body.error + ' (HTTP ' + (body.status || r.status) + ')' : 'HTTP ' + r.status);
            return body;
          });
      })
      .then(function (res) {
        if (id !== seq) return;
        render(res, !!after);
      })
      .catch(function (e) {
        if (id !== seq) return;
        $('error').textContent = 'Search failed: ' + e.message;
        $('status').textContent = '';
        $('more').disabled = false;
        if (!after) { $('results').textContent = ''; $('more').hidden = true; }
      });
  }

  function render(res, append) {
    var list = $('results');
    if (!append) list.textContent = '';
    (res.hits || []).forEach(function (h) { list.appendChild(renderHit(h)); });
    next = res.next || null;
    $('more').hidden = !next;
    $('more').disabled = false;
    var shown = list.children.length, total = res.total || 0;
    $('status').textContent = total === 0 ? 'No articles match.'
      : 'Showing ' + shown.toLocaleString() + ' of ' + total.toLocaleString() + ' article' + (total === 1 ? '' : 's')
        + (state.q ? ', best match first.' : ', newest first.');
    if (!append) renderFacets(res.facets || {});
  }

  function renderHit(h) {
    var title = h.titleHighlight ? highlighted(h.titleHighlight) : document.createTextNode(h.title || h.url || h.id || '(untitled)');
    var url = safeUrl(h.url);
    var heading = el('h2', {}, [url ? el('a', { href: url, rel: 'noopener noreferrer', target: '_blank' }, [title]) : title]);
    var meta = [];
    if (h.source) meta.push(document.createTextNode(h.source));
    if (h.siteName && h.siteName !== h.source) meta.push(document.createTextNode(h.siteName));
    if (h.published) meta.push(el('time', { datetime: h.published, text: formatDate(h.published) }));
    if (h.language) meta.push(document.createTextNode(h.language));
    if (h.authors && h.authors.length) meta.push(document.createTextNode('by ' + h.authors.join(', ')));
    var metaLine = el('div', { 'class': 'meta' });
    meta.forEach(function (m, i) { if (i) metaLine.appendChild(document.createTextNode(' · ')); metaLine.appendChild(m); });
    var snippets = (h.snippets || []).map(function (s) { return el('p', { 'class': 'snippet' }, [highlighted(s)]); });
    var chips = (h.topics || []).length ? el('ul', { 'class': 'chips', 'aria-label': 'Topics' }, h.topics.map(function (t) {
      return el('li', {}, [el('button', { type: 'button', 'class': 'chip', title: 'Filter by topic ' + t, text: t,
        onclick: function () { setFilter('topic', t); } })]);
    })) : null;
    var also = (h.alsoReportedBy || []).length ? el('p', { 'class': 'meta' }, [document.createTextNode('Also reported by: ')].concat(
      h.alsoReportedBy.map(function (r, i) {
        var label = document.createTextNode((i ? ', ' : '') + (r.source || r.title || r.url || r.id));
        var link = safeUrl(r.url);
        return link ? el('a', { href: link, rel: 'noopener noreferrer', target: '_blank', title: r.title || '' }, [label]) : label;
      }))) : null;
    return el('li', { 'class': 'hit' }, [heading, metaLine].concat(snippets, [also, chips]));
  }

  function renderFacets(f) {
    var focused = document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.facet : null;
    Object.keys(FACETS).forEach(function (field) {
      var buckets = FACETS[field](f), current = state[field] || '';
      // The select offers the values of the current result (plus the active one).
      var select = form.elements[field], first = select.options[0];
      select.textContent = '';
      select.appendChild(first);
      buckets.forEach(function (b) { select.appendChild(el('option', { value: b.key, text: (b.label || b.key) + ' (' + b.count + ')' })); });
      ensureOption(select, current);
      select.value = current;
      var ul = $('facet-' + field);
      ul.textContent = '';
      if (!buckets.length) ul.appendChild(el('li', { 'class': 'count', text: 'none' }));
      buckets.forEach(function (b) {
        var active = b.key === current;
        ul.appendChild(el('li', {}, [el('button', { type: 'button', 'aria-pressed': String(active), 'data-facet': field + ':' + b.key,
          title: active ? 'Remove this filter' : 'Filter by ' + (b.label || b.key),
          onclick: function () { setFilter(field, active ? '' : b.key); } },
          [el('span', { text: b.label || b.key }), el('span', { 'class': 'count', text: Number(b.count).toLocaleString() })])]));
      });
    });
    renderHistogram(f.perDay || []);
    // Keep keyboard focus on the facet value that was just clicked, now re-rendered.
    if (focused) $('facets').querySelectorAll('button[data-facet]').forEach(function (b) { if (b.dataset.facet === focused) b.focus(); });
  }

  // Days with no articles are missing from the facet; fill the gaps so the bars line up with time.
  function fillDays(days) {
    if (days.length < 2) return days;
    var byDate = {}, out = [];
    days.forEach(function (d) { byDate[d.date] = d.count; });
    var start = Date.parse(days[0].date + 'T00:00:00Z'), end = Date.parse(days[days.length - 1].date + 'T00:00:00Z');
    if (isNaN(start) || isNaN(end) || (end - start) / 864e5 > 731) return days;
    for (var t = start; t <= end; t += 864e5) {
      var key = new Date(t).toISOString().slice(0, 10);
      out.push({ date: key, count: byDate[key] || 0 });
    }
    return out;
  }

  function renderHistogram(perDay) {
    var box = $('facet-day');
    box.textContent = '';
    var days = fillDays(perDay.slice().sort(function (a, b) { return a.date < b.date ? -1 : a.date > b.date ? 1 : 0; }));
    if (!days.length) { box.appendChild(el('p', { 'class': 'count', text: 'no dated articles' })); return; }
    var max = Math.max.apply(null, days.map(function (d) { return d.count; }));
    var peak = days.filter(function (d) { return d.count === max; })[0];
    var bars = el('div', { 'class': 'histogram', role: 'img',
      'aria-label': days.length + ' days from ' + days[0].date + ' to ' + days[days.length - 1].date
        + '; busiest ' + peak.date + ' with ' + max + ' articles. Use the From and To fields to filter by date.' });
    days.forEach(function (d) {
      bars.appendChild(el('div', { title: d.date + ': ' + d.count + ' article' + (d.count === 1 ? '' : 's') + ' (click to show only this day)',
        style: 'height:' + (d.count ? Math.max(2, Math.round(100 * d.count / max)) : 0) + '%',
        onclick: function () { var s = readForm(); s.from = d.date; s.to = d.date; go(s); } }));
    });
    box.appendChild(bars);
    box.appendChild(el('div', { 'class': 'axis', 'aria-hidden': 'true' },
      [el('span', { text: days[0].date }), el('span', { text: 'max ' + max }), el('span', { text: days[days.length - 1].date })]));
  }

  form.addEventListener('submit', function (e) { e.preventDefault(); clearTimeout(dateTimer); go(readForm()); });
  ['topic', 'source', 'lang'].forEach(function (f) {
    form.elements[f].addEventListener('change', function () { go(readForm()); });
  });
  // Date fields change while the user is still typing a year: wait for a pause (Enter searches at once).
  var dateTimer = null;
  ['from', 'to'].forEach(function (f) {
    form.elements[f].addEventListener('change', function () {
      clearTimeout(dateTimer);
      dateTimer = setTimeout(function () { go(readForm()); }, 800);
    });
  });
  $('clear').addEventListener('click', function () { var s = readForm(); go(s.q ? { q: s.q } : {}); });
  $('more').addEventListener('click', function () { if (next) run(state, next); });
  window.addEventListener('popstate', function () { var s = readUrl(); writeForm(s); run(s, null); });

  var initial = readUrl();
  writeForm(initial);
  run(initial, null);
  if (!initial.q) $('q').focus();
})();
