// The analyst page: search, attention over time, breakdowns, stories, similar articles, saved searches.
// The whole state lives in the URL (readUrl/writeUrl): a link shows the same page, back and forward work.
(function () {
  'use strict';
  const $ = NF.$, el = NF.el;
  const API = '/api/search';
  const FILTERS = ['topic', 'source', 'lang', 'author'];           // repeatable: OR within, AND across
  const LISTS = FILTERS.concat(['cmp']);                             // cmp: queries compared on the chart
  const SCALARS = ['q', 'from', 'to', 'sort', 'collapse', 'interval', 'chart', 'story', 'similar'];
  const MAX_COMPARED = 5;                                            // search.maxCompareQueries default
  // Facet groups of /api/search and the filter a click on one of their values sets.
  const FACET_GROUPS = [
    ['iptc', 'IPTC Media Topics', 'topic'], ['operatorTopics', 'Topics', 'topic'], ['watchTopics', 'Watch topics', 'topic'],
    ['modelTopics', 'Model topics', 'topic'],
    ['topics', 'Topics', 'topic'], ['sources', 'Sources', 'source'], ['languages', 'Languages', 'lang'], ['authors', 'Authors', 'author']];
  const FILTER_LABEL = { topic: 'topic', source: 'source', lang: 'language', author: 'author' };
  const form = $('search-form');

  let state = readUrl();
  let next = null;                // cursor for "More results"
  let lastAttention = null;       // what the chart draws, kept to redraw on resize and on count/share
  const seq = {};                 // per panel: drops answers to superseded requests
  const latest = (name) => { seq[name] = (seq[name] || 0) + 1; const id = seq[name]; return () => id === seq[name]; };

  // ---- state and URL --------------------------------------------------------------------------------------------

  function readUrl() {
    const p = new URLSearchParams(location.search), s = {};
    SCALARS.forEach((f) => { const v = (p.get(f) || '').trim(); if (v) s[f] = v; });
    LISTS.forEach((f) => { s[f] = p.getAll(f).map((v) => v.trim()).filter((v, i, a) => v && a.indexOf(v) === i); });
    return s;
  }

  function urlOf(s) {
    const params = {};
    SCALARS.forEach((f) => { params[f] = s[f]; });
    LISTS.forEach((f) => { params[f] = s[f]; });
    const qs = NF.queryString(params);
    return location.pathname + (qs ? '?' + qs : '');
  }

  function copy(s) {
    const c = Object.assign({}, s);
    LISTS.forEach((f) => { c[f] = (s[f] || []).slice(); });
    return c;
  }

  // What every endpoint takes: the query and its filters (the "scope").
  function filters(s) {
    const p = { from: s.from, to: s.to };
    FILTERS.forEach((f) => { p[f] = s[f]; });
    return p;
  }
  const scope = (s) => Object.assign({ q: s.q }, filters(s));
  const searchParams = (s) => Object.assign(scope(s), { sort: s.sort, collapse: s.collapse });

  // Moves to a new state: pushes it to the history (unless it came from there) and renders what changed.
  function go(s, options) {
    const prev = state;
    state = s;
    const url = urlOf(s);
    if (!(options && options.fromHistory) && url !== location.pathname + location.search) history.pushState(null, '', url);
    writeForm(s);
    const scopeChanged = NF.queryString(searchParams(s)) !== NF.queryString(searchParams(prev)) || !(options && options.keepResults);
    if (scopeChanged) runSearch(s, null);
    if (scopeChanged || s.cmp.join('\n') !== prev.cmp.join('\n') || s.interval !== prev.interval) runAttention(s);
    else drawAttention();
    if (scopeChanged) { runTopSources(s); runTopWords(s); }
    if (s.similar !== prev.similar || !(options && options.keepResults)) runSimilar(s);
    showStory(s);
    updateLinks(s);
  }

  function update(change) {
    const s = copy(state);
    change(s);
    go(s, { keepResults: true });
  }

  function toggle(field, value) {
    update((s) => {
      const i = s[field].indexOf(value);
      if (i >= 0) s[field].splice(i, 1); else s[field].push(value);
    });
  }

  function readForm() {
    const s = copy(state);
    ['q', 'from', 'to', 'sort', 'collapse', 'interval'].forEach((f) => {
      const v = $(f).value.trim();
      if (v) s[f] = v; else delete s[f];
    });
    const author = $('author').value.trim();
    if (author && s.author.indexOf(author) < 0) s.author.push(author);
    $('author').value = '';
    return s;
  }

  function writeForm(s) {
    ['q', 'from', 'to', 'sort', 'collapse', 'interval'].forEach((f) => { $(f).value = s[f] || ''; });
    $('range').value = '';
    $('show-count').setAttribute('aria-pressed', String(s.chart !== 'share'));
    $('show-share').setAttribute('aria-pressed', String(s.chart === 'share'));
    $('reset-range').hidden = !(s.from || s.to);
    const chips = $('active-filters');
    chips.textContent = '';
    FILTERS.forEach((f) => s[f].forEach((v) => chips.appendChild(el('li', {}, [el('button', {
      type: 'button', class: 'chip removable', 'aria-label': 'Remove ' + FILTER_LABEL[f] + ' filter ' + v,
      text: FILTER_LABEL[f] + ': ' + v, onclick: () => toggle(f, v) })]))));
    const compared = $('compared');
    compared.textContent = '';
    s.cmp.forEach((q) => compared.appendChild(el('li', {}, [el('button', {
      type: 'button', class: 'chip removable', 'aria-label': 'Stop comparing ' + q, text: q,
      onclick: () => update((c) => { c.cmp = c.cmp.filter((x) => x !== q); }) })])));
  }

  function updateLinks(s) {
    const p = NF.queryString(searchParams(s));
    $('csv').href = API + '?' + (p ? p + '&' : '') + 'format=csv';
    $('ndjson').href = API + '?' + (p ? p + '&' : '') + 'format=ndjson';
  }

  // ---- results --------------------------------------------------------------------------------------------------

  function runSearch(s, after) {
    const current = latest('search');
    $('error').textContent = '';
    $('status').textContent = 'Searching…';
    $('more').disabled = true;
    NF.api(API, Object.assign(searchParams(s), { after: after }))
      .then((res) => {
        if (!current()) return;
        renderResults(s, res, !!after);
        if (!after) renderFacets(s, res.facets || {});
      })
      .catch((e) => {
        if (!current()) return;
        $('error').textContent = 'Search failed: ' + e.message;
        // point at a syntax error: select the character the parser stopped at
        if (e.position != null && s.q) $('q').setSelectionRange(e.position, Math.min(s.q.length, e.position + 1));
        $('status').textContent = '';
        $('more').disabled = false;
        if (!after) { $('results').textContent = ''; $('more').hidden = true; }
      });
  }

  function renderResults(s, res, append) {
    const list = $('results');
    if (!append) list.textContent = '';
    (res.hits || []).forEach((h) => list.appendChild(renderHit(h)));
    next = res.next || null;
    $('more').hidden = !next;
    $('more').disabled = false;
    const shown = list.children.length, total = res.total || 0;
    const order = s.sort === 'oldest' ? 'oldest first' : s.sort === 'newest' || !s.q && s.sort !== 'relevance' ? 'newest first' : 'best match first';
    $('status').textContent = total === 0 ? 'No articles match.'
      : 'Showing ' + NF.number(shown) + ' of ' + NF.number(total) + (s.collapse ? ' matching articles, one per story' : ' article' + (total === 1 ? '' : 's'))
        + ', ' + order + '.' + (res.partial ? ' (Partial: the search stopped at its time limit.)' : '');
  }

  function renderHit(h) {
    const title = h.titleHighlight ? NF.highlighted(h.titleHighlight) : document.createTextNode(h.title || h.url || h.id || '(untitled)');
    const url = NF.safeUrl(h.url);
    const heading = el('h3', {}, [url ? el('a', { href: url, rel: 'noopener noreferrer', target: '_blank' }, [title]) : title]);
    const meta = [];
    if (h.source) meta.push(document.createTextNode(h.source));
    if (h.siteName && h.siteName !== h.source) meta.push(document.createTextNode(h.siteName));
    if (h.published) meta.push(el('time', { datetime: h.published, text: NF.formatDate(h.published) }));
    if (h.language) meta.push(document.createTextNode(h.language));
    (h.authors || []).forEach((a, i) => meta.push(el('button', { type: 'button', class: 'link', title: 'Filter by author ' + a,
      text: (i ? '' : 'by ') + a, onclick: () => toggle('author', a) })));
    const metaLine = el('div', { class: 'meta' });
    meta.forEach((m, i) => { if (i) metaLine.appendChild(document.createTextNode(' · ')); metaLine.appendChild(m); });
    const snippets = (h.snippets || []).map((s) => el('p', { class: 'snippet' }, [NF.highlighted(s)]));
    const chips = (h.topics || []).length ? el('ul', { class: 'chips', 'aria-label': 'Topics' }, h.topics.map((t) =>
      el('li', {}, [el('button', { type: 'button', class: 'chip', title: 'Filter by topic ' + t, text: t, onclick: () => toggle('topic', t) })]))) : null;
    const also = (h.alsoReportedBy || []).length ? el('p', { class: 'meta also' }, [document.createTextNode('Also reported by: ')].concat(
      h.alsoReportedBy.map((r, i) => {
        const label = document.createTextNode((i ? ', ' : '') + (r.source || r.title || r.url || r.id));
        const link = NF.safeUrl(r.url);
        return link ? el('a', { href: link, rel: 'noopener noreferrer', target: '_blank', title: r.title || '' }, [label]) : label;
      }))) : null;
    const name = h.title || h.id;
    const actions = el('div', { class: 'actions' }, [
      h.storyId ? el('button', { type: 'button', class: 'story-open', 'aria-label': 'Story of ' + name + ': every report and its timeline',
        // the API lists up to five others: with five there may be more
        text: (h.alsoReportedBy || []).length ? 'Story (' + (h.alsoReportedBy.length + 1) + (h.alsoReportedBy.length >= 5 ? '+' : '') + ' reports)' : 'Story',
        onclick: () => update((s) => { s.story = h.storyId; }) }) : null,
      el('button', { type: 'button', class: 'similar-open', 'aria-label': 'Articles similar to ' + name, text: 'Similar',
        onclick: () => update((s) => { s.similar = h.id; }) })]);
    return el('li', { class: 'hit', 'data-id': h.id }, [heading, metaLine].concat(snippets, [also, chips, actions]));
  }

  function renderFacets(s, facets) {
    const box = $('facets');
    const focused = document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.key : null;
    box.textContent = '';
    const known = FACET_GROUPS.map((g) => g[0]).concat(['perDay']);
    const groups = FACET_GROUPS.filter((g) => Array.isArray(facets[g[0]]))
      .concat(Object.keys(facets).filter((k) => known.indexOf(k) < 0 && Array.isArray(facets[k])).map((k) => [k, k, null]));
    groups.forEach((g) => {
      const [key, title, field] = g;
      const id = 'facet-' + key;
      const body = el('div', { id: id });
      box.appendChild(el('section', { class: 'panel facet', 'aria-labelledby': 'h-' + id }, [el('h2', { id: 'h-' + id, text: title }), body]));
      NF.barList(body, facets[key].filter((b) => b && b.key != null).map((b) => {
        const active = field != null && s[field].indexOf(b.key) >= 0;
        return { key: field + ':' + b.key, label: b.label || b.key, value: b.count,
          title: (b.label ? b.label + ' (' + b.key + ')' : b.key) + (field ? active ? ': remove this filter' : ': filter by it' : ''),
          pressed: field ? active : null, onclick: field ? () => toggle(field, b.key) : null };
      }));
    });
    // keep keyboard focus on the value just clicked, now re-rendered
    if (focused) box.querySelectorAll('button[data-key]').forEach((b) => { if (b.dataset.key === focused) b.focus(); });
  }

  // ---- attention over time --------------------------------------------------------------------------------------

  function queries(s) { return (s.q ? [s.q] : []).concat(s.cmp); }

  function runAttention(s) {
    const current = latest('attention');
    NF.api('/api/attention', Object.assign(filters(s), { q: queries(s), interval: s.interval }))
      .then((res) => {
        if (!current()) return;
        const series = (res.series || []).map((x) => ({ name: x.query || 'all articles', buckets: x.buckets || [] }));
        lastAttention = { interval: res.interval || s.interval || 'day', series: series, partial: !!res.partial };
        drawAttention();
      })
      .catch((e) => {
        if (!current()) return;
        lastAttention = null;
        $('attention-note').textContent = '';
        NF.unavailable($('attention'), 'Attention over time', e);
      });
  }

  function drawAttention() {
    const a = lastAttention, box = $('attention');
    if (!a) return;
    const share = state.chart === 'share';
    const dates = a.interval === 'day' ? NF.fillDays([].concat.apply([], a.series.map((x) => x.buckets.map((b) => b.date))))
      : Array.from(new Set([].concat.apply([], a.series.map((x) => x.buckets.map((b) => b.date))))).sort();
    NF.timeChart(box, {
      dates: dates, interval: a.interval, percent: share,
      label: share ? 'Share of all articles in scope' : 'Matching articles',
      series: a.series.map((x) => {
        const values = {};
        x.buckets.forEach((b) => { values[b.date] = share ? (b.ratio != null ? b.ratio : b.total ? b.count / b.total : 0) : b.count; });
        return { name: x.name, values: values };
      }),
      onRange: (from, to) => update((s) => { s.from = from; s.to = to; })
    });
    // without From the server shows a default span: say which, so the chart is not read as all time
    const span = { day: '30 days', week: '26 weeks', month: '24 months' }[a.interval] || '';
    $('attention-note').textContent = (share ? 'Share: matching articles divided by all articles with the same filters, per '
      + a.interval + '. ' : 'Click a point, or press and drag across several, to filter to those dates. ')
      + (state.from ? '' : 'Without From, the chart shows the last ' + span + '. ')
      + (a.partial ? 'Partial: Elasticsearch stopped at its time limit.' : '');
  }

  // ---- breakdowns -----------------------------------------------------------------------------------------------

  function runTopSources(s) {
    const current = latest('sources'), box = $('top-sources');
    NF.api('/api/top-sources', Object.assign(scope(s), { size: 10 })).then((res) => {
      if (!current()) return;
      NF.barList(box, (res.sources || []).map((b) => ({ key: 'source:' + b.key, label: b.key, value: b.count,
        note: NF.number(b.count) + ' · ' + NF.percent(b.share), title: 'Filter by source ' + b.key,
        pressed: state.source.indexOf(b.key) >= 0, onclick: () => toggle('source', b.key) })), 'No sources in this scope.');
    }).catch((e) => { if (current()) NF.unavailable(box, 'Top sources', e); });
  }

  function runTopWords(s) {
    const current = latest('words'), box = $('top-words');
    NF.api('/api/top-words', Object.assign(scope(s), { size: 15 })).then((res) => {
      if (!current()) return;
      NF.barList(box, (res.words || []).map((w) => ({ label: w.term, value: w.score, note: NF.number(w.count),
        title: w.term + (w.stem && w.stem !== w.term ? ' (indexed as “' + w.stem + '”)' : '') + ': in ' + w.count
          + ' matching articles, ' + w.background + ' in all; click to add it to the query',
        onclick: () => update((c) => { c.q = ((c.q ? c.q + ' ' : '') + w.term).trim(); }) })),
        s.q ? 'No characteristic words.' : 'Search for something to see its characteristic words.');
    }).catch((e) => { if (current()) NF.unavailable(box, 'Top words', e); });
  }

  // ---- similar articles -----------------------------------------------------------------------------------------

  function runSimilar(s) {
    const section = $('similar'), list = $('similar-list');
    if (!s.similar) { section.hidden = true; list.textContent = ''; return; }
    const current = latest('similar');
    section.hidden = false;
    list.textContent = '';
    list.appendChild(el('li', { class: 'note', text: 'Looking for similar articles…' }));
    NF.api('/api/articles/' + encodeURIComponent(s.similar) + '/similar', { size: 10 }).then((res) => {
      if (!current()) return;
      list.textContent = '';
      (res.articles || []).forEach((a) => list.appendChild(summaryItem(a, a.score != null ? 'score ' + a.score.toFixed(1) : null)));
      if (!list.children.length) list.appendChild(el('li', { class: 'note', text: 'No similar articles outside its story.' }));
      if (document.activeElement && document.activeElement.classList.contains('similar-open')) $('h-similar').focus();
    }).catch((e) => {
      if (!current()) return;
      list.textContent = '';
      list.appendChild(el('li', { class: 'note', text: e.status === 404 && /no article/i.test(e.message) ? e.message
        : e.status === 404 ? 'Similar articles are not available on this server.' : 'Similar articles failed: ' + e.message }));
    });
  }

  // One line for an article summary {id, title, url, source, published, ...}.
  function summaryItem(a, extra) {
    const url = NF.safeUrl(a.url);
    const title = a.title || a.url || a.id;
    return el('li', {}, [url ? el('a', { href: url, rel: 'noopener noreferrer', target: '_blank', text: title }) : el('span', { text: title }),
      el('span', { class: 'meta', text: ' — ' + [a.source, a.published ? NF.formatDate(a.published) : null, a.language, extra]
        .filter(Boolean).join(' · ') })]);
  }

  // ---- story view -----------------------------------------------------------------------------------------------

  const dialog = $('story');
  let storyShown = null;

  function showStory(s) {
    if (!s.story) {
      storyShown = null;
      if (dialog.open) dialog.close();
      return;
    }
    if (storyShown === s.story && dialog.open) return;
    storyShown = s.story;
    if (!dialog.open) dialog.showModal();
    const current = latest('story');
    $('story-title').textContent = 'Story';
    $('story-summary').textContent = 'Loading…';
    ['story-timeline', 'story-sources', 'story-articles'].forEach((id) => { $(id).textContent = ''; });
    NF.api('/api/stories/' + encodeURIComponent(s.story)).then((st) => {
      if (!current()) return;
      const first = st.first || (st.articles || [])[0] || {};
      $('story-title').textContent = 'Story: ' + (first.title || st.id);
      const sources = st.sources || [];
      $('story-summary').textContent = NF.number(st.size) + ' report' + (st.size === 1 ? '' : 's') + ' from ' + sources.length
        + ' source' + (sources.length === 1 ? '' : 's') + (first.published ? ', first ' + NF.formatDate(first.published) + ' by ' + (first.source || '?') : '') + '.';
      const points = {};
      (st.timeline || []).forEach((b) => { points[b.date] = b.count; });
      NF.timeChart($('story-timeline'), { dates: Object.keys(points).sort(), interval: 'hour', label: 'Reports over time',
        series: [{ name: 'reports', values: points }], onRange: null });
      NF.barList($('story-sources'), sources.map((b) => ({ label: b.key, value: b.count })));
      const list = $('story-articles');
      (st.articles || []).forEach((a) => {
        const item = summaryItem(a, a.id === first.id ? 'first report' : null);
        if (a.id === first.id) item.classList.add('first');
        list.appendChild(item);
      });
    }).catch((e) => {
      if (!current()) return;
      $('story-summary').textContent = e.status === 404 && !/no story/i.test(e.message)
        ? 'The story view is not available on this server.' : 'Story failed: ' + e.message;
    });
  }

  // The dialog closes itself on Escape; the URL follows.
  dialog.addEventListener('close', () => { if (state.story) update((s) => { delete s.story; }); });
  $('story-close').addEventListener('click', () => dialog.close());

  // ---- saved searches -------------------------------------------------------------------------------------------

  const SAVED = '/api/saved-searches';

  function loadSaved() {
    const current = latest('saved'), list = $('saved');
    NF.api(SAVED).then((res) => {
      if (!current()) return;
      list.textContent = '';
      (res.savedSearches || []).forEach((ss) => list.appendChild(savedItem(ss)));
      if (!list.children.length) list.appendChild(el('li', { class: 'note', text: 'None yet.' }));
    }).catch((e) => {
      if (!current()) return;
      list.textContent = '';
      list.appendChild(el('li', { class: 'note', text: e.status === 404 ? 'Saved searches are not available on this server.' : 'Could not list saved searches: ' + e.message }));
    });
  }

  function savedItem(ss) {
    const f = ss.filters || {};
    const describe = [ss.query ? '“' + ss.query + '”' : 'everything'].concat(FILTERS.map((k) => (f[k] || []).length ? FILTER_LABEL[k] + ': ' + f[k].join(', ') : null)).filter(Boolean).join(' · ');
    const feed = typeof ss.feed === 'string' && ss.feed.charAt(0) === '/' ? ss.feed : null;
    const del = el('button', { type: 'button', class: 'danger', 'aria-label': 'Delete saved search ' + ss.name, text: 'Delete' });
    let armed = false;
    del.addEventListener('click', () => {
      if (!armed) { armed = true; del.textContent = 'Really delete?'; return; }   // a second press deletes
      NF.api(SAVED + '/' + encodeURIComponent(ss.id), null, { method: 'DELETE' })
        .then(() => { $('saved-status').textContent = 'Deleted “' + ss.name + '”.'; loadSaved(); })
        .catch((e) => { $('saved-status').textContent = 'Could not delete: ' + e.message; });
    });
    del.addEventListener('blur', () => { armed = false; del.textContent = 'Delete'; });
    return el('li', { 'data-id': ss.id }, [
      el('button', { type: 'button', class: 'link saved-open', title: 'Show this search', text: ss.name,
        onclick: () => {
          const s = copy(state);
          s.q = ss.query || undefined;
          FILTERS.forEach((k) => { s[k] = (f[k] || []).slice(); });
          delete s.story; delete s.similar;
          go(s);
        } }),
      el('div', { class: 'meta', text: describe }),
      el('div', { class: 'actions' }, [
        feed ? el('a', { href: feed, text: 'Atom feed' }) : null,
        feed ? el('button', { type: 'button', 'aria-label': 'Copy the feed link of ' + ss.name, text: 'Copy feed link',
          onclick: () => copyText(location.origin + feed) }) : null,
        del])]);
  }

  function copyText(text) {
    const done = () => { $('saved-status').textContent = 'Copied ' + text; };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, () => fallbackCopy(text, done));
    } else {
      fallbackCopy(text, done);
    }
  }

  // Without the clipboard API (plain http off localhost): show the link selected, for Ctrl+C.
  function fallbackCopy(text, done) {
    const status = $('saved-status');
    status.textContent = '';
    const input = el('input', { type: 'text', readonly: true, value: text, 'aria-label': 'Feed link' });
    status.appendChild(input);
    input.select();
    try { if (document.execCommand('copy')) done(); } catch (e) { /* the link stays selected for Ctrl+C */ }
  }

  $('save-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const name = $('save-name').value.trim();
    if (!name) return;
    const body = { name: name, query: state.q || '', filters: {} };
    FILTERS.forEach((f) => { body.filters[f] = state[f].slice(); });
    NF.api(SAVED, null, { method: 'POST', json: body }).then((saved) => {
      $('save-name').value = '';
      $('saved-status').textContent = 'Saved “' + (saved.name || name) + '”.';
      loadSaved();
    }).catch((err) => { $('saved-status').textContent = 'Could not save: ' + err.message; });
  });

  // ---- events ---------------------------------------------------------------------------------------------------

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const s = readForm();
    go(s);
    $('results').focus({ preventScroll: true });
  });
  ['sort', 'collapse'].forEach((f) => $(f).addEventListener('change', () => go(readForm())));
  $('interval').addEventListener('change', () => go(readForm(), { keepResults: true }));
  $('range').addEventListener('change', () => {
    const r = $('range').value;
    if (r) update((s) => { s.from = r; delete s.to; });
  });
  $('clear').addEventListener('click', () => update((s) => {
    FILTERS.forEach((f) => { s[f] = []; });
    delete s.from; delete s.to;
  }));
  $('reset-range').addEventListener('click', () => update((s) => { delete s.from; delete s.to; }));
  $('show-count').addEventListener('click', () => update((s) => { delete s.chart; }));
  $('show-share').addEventListener('click', () => update((s) => { s.chart = 'share'; }));
  $('compare-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const q = $('compare').value.trim();
    if (!q) return;
    if (queries(state).length >= MAX_COMPARED) {
      $('attention-note').textContent = 'At most ' + MAX_COMPARED + ' queries at once: remove one first.';
      return;
    }
    $('compare').value = '';
    update((s) => { if (s.cmp.indexOf(q) < 0 && q !== s.q) s.cmp.push(q); });
  });
  $('similar-close').addEventListener('click', () => update((s) => { delete s.similar; }));
  $('more').addEventListener('click', () => { if (next) runSearch(state, next); });
  window.addEventListener('popstate', () => go(readUrl(), { fromHistory: true, keepResults: true }));
  document.addEventListener('keydown', (e) => {
    const typing = /^(INPUT|SELECT|TEXTAREA)$/.test(e.target.tagName);
    if (e.key === '/' && !typing && !dialog.open) {
      e.preventDefault();
      $('q').focus();
      $('q').select();
    } else if (e.key === 'Escape' && !dialog.open && state.similar) {
      update((s) => { delete s.similar; });
    }
  });
  NF.onResize(drawAttention);
  ['csv', 'ndjson'].forEach((id) => NF.keyedDownload($(id), (e) => { $('error').textContent = 'The download failed: ' + e.message; }));
  // a key given (or forgotten): everything again, as on opening the page
  NF.onKeyChange(() => {
    const s = state;
    state = { cmp: [], topic: [], source: [], lang: [], author: [] };
    go(s, { fromHistory: true });
    loadSaved();
  });

  const initial = state;
  state = { cmp: [], topic: [], source: [], lang: [], author: [] };
  go(initial, { fromHistory: true });
  loadSaved();
  if (!initial.q && !initial.story) $('q').focus();
})();
