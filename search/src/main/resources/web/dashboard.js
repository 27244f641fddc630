// The coverage dashboard: the same panels as the Kibana "Coverage" dashboard, from the search API. Two requests
// per view: /api/search (latest articles, sources, languages, the filter choices) and /api/dashboard (topics over
// time, authors, story sizes). The filters live in the URL.
(function () {
  'use strict';
  const $ = NF.$, el = NF.el;
  const FIELDS = ['from', 'to', 'topic', 'source', 'interval'];
  const TOPIC_GROUPS = [['topics', 'Topics'], ['operatorTopics', 'Topics'], ['iptc', 'IPTC Media Topics'], ['watchTopics', 'Watch topics'], ['modelTopics', 'Model topics']];
  const form = $('dash-form');
  let state = readUrl();
  let lastDashboard = null;
  let seq = 0;

  function readUrl() {
    const p = new URLSearchParams(location.search), s = {};
    FIELDS.forEach((f) => { const v = (p.get(f) || '').trim(); if (v) s[f] = v; });
    return s;
  }

  function readForm() {
    const s = {};
    FIELDS.forEach((f) => { const v = $(f).value.trim(); if (v) s[f] = v; });
    return s;
  }

  function writeForm(s) {
    FIELDS.forEach((f) => {
      const c = $(f), v = s[f] || '';
      if (c.tagName === 'SELECT' && v && !Array.from(c.options).some((o) => o.value === v)) c.appendChild(el('option', { value: v, text: v }));
      c.value = v;
    });
    $('range').value = '';
  }

  function go(s, fromHistory) {
    state = s;
    const qs = NF.queryString(s);
    const url = location.pathname + (qs ? '?' + qs : '');
    if (!fromHistory && url !== location.pathname + location.search) history.pushState(null, '', url);
    writeForm(s);
    load(s);
  }

  const scope = (s) => ({ from: s.from, to: s.to, topic: s.topic, source: s.source });
  const searchLink = (params) => '/?' + NF.queryString(Object.assign(scope(state), params));

  function load(s) {
    const id = ++seq;
    $('error').textContent = '';
    $('summary').textContent = 'Loading…';
    Promise.all([
      NF.api('/api/search', Object.assign(scope(s), { size: 20 })),
      NF.api('/api/dashboard', Object.assign(scope(s), { interval: s.interval }))
    ]).then(([search, dash]) => {
      if (id !== seq) return;
      lastDashboard = dash;
      render(s, search, dash);
    }).catch((e) => {
      if (id !== seq) return;
      $('summary').textContent = '';
      $('error').textContent = 'The dashboard could not load: ' + e.message;
    });
  }

  function render(s, search, dash) {
    const f = search.facets || {};
    $('summary').textContent = NF.number(search.total) + ' article' + (search.total === 1 ? '' : 's')
      + (s.topic ? ' on ' + s.topic : '') + (s.source ? ' from ' + s.source : '')
      + (s.from || s.to ? ', ' + (s.from || 'the start') + ' to ' + (s.to || 'now') : '') + '.';
    fillSelect($('topic'), TOPIC_GROUPS.filter((g) => Array.isArray(f[g[0]]) && f[g[0]].length).map((g) => [g[1], f[g[0]]]), s.topic);
    fillSelect($('source'), [['Sources', f.sources || []]], s.source);
    drawOverTime();
    NF.barList($('sources'), (f.sources || []).map((b) => ({ key: 'source:' + b.key, label: b.key, value: b.count,
      note: NF.number(b.count) + ' · ' + NF.percent(search.total ? b.count / search.total : 0),
      title: s.source === b.key ? 'Show every source' : 'Only ' + b.key, pressed: s.source === b.key,
      onclick: () => update({ source: s.source === b.key ? '' : b.key }) })), 'No sources.');
    NF.barList($('languages'), (f.languages || []).map((b) => ({ label: b.key, value: b.count,
      note: NF.number(b.count) + ' · ' + NF.percent(search.total ? b.count / search.total : 0) })), 'No languages.');
    NF.barList($('authors'), (dash.authors || []).map((b) => ({ label: b.key, value: b.count })), 'No authors recorded.');
    const st = dash.stories || {};
    NF.barList($('story-sizes'), (st.sizes || []).map((b) => ({ label: b.size + ' article' + (b.size === 1 ? '' : 's'), value: b.stories,
      note: NF.number(b.stories) + ' stor' + (b.stories === 1 ? 'y' : 'ies') })), 'No stories.');
    const largest = $('largest-stories');
    largest.textContent = '';
    (st.largest || []).filter((x) => x.size > 1).forEach((x) => largest.appendChild(el('li', {}, [
      el('a', { href: searchLink({ story: x.id }), text: x.title || x.id }),
      el('span', { class: 'meta', text: ' — ' + x.size + ' reports' + (x.source ? ', first by ' + x.source : '') })])));
    if (!largest.children.length) largest.appendChild(el('li', { class: 'note', text: 'No story has more than one report.' }));
    const body = $('latest');
    body.textContent = '';
    (search.hits || []).forEach((h) => {
      const url = NF.safeUrl(h.url);
      body.appendChild(el('tr', {}, [
        el('td', {}, [h.published ? el('time', { datetime: h.published, text: NF.formatDate(h.published) }) : '']),
        el('td', { text: h.source || '' }),
        el('td', {}, [url ? el('a', { href: url, rel: 'noopener noreferrer', target: '_blank', text: h.title || url }) : (h.title || h.id)]),
        el('td', { text: h.language || '' }),
        el('td', { text: (h.topics || []).join(', ') })]));
    });
    if (!body.children.length) body.appendChild(el('tr', {}, [el('td', { colspan: 5, class: 'note', text: 'No articles.' })]));
  }

  function drawOverTime() {
    const dash = lastDashboard;
    if (!dash) return;
    const buckets = dash.overTime || [];
    const total = {}, perTopic = {};
    (dash.topics || []).forEach((t) => { perTopic[t] = {}; });
    buckets.forEach((b) => {
      total[b.date] = b.count;
      (b.topics || []).forEach((t) => { if (perTopic[t.key]) perTopic[t.key][b.date] = t.count; });
    });
    const dates = dash.interval === 'day' ? NF.fillDays(buckets.map((b) => b.date)) : buckets.map((b) => b.date);
    NF.timeChart($('over-time'), {
      dates: dates, interval: dash.interval, label: 'Articles over time, all and by top topic',
      series: [{ name: 'all articles', values: total }].concat((dash.topics || []).map((t) => ({ name: t, values: perTopic[t] }))),
      onRange: (from, to) => update({ from: from, to: to })
    });
  }

  // Options from the current answer, keeping the chosen value even when it has no articles now.
  function fillSelect(select, groups, current) {
    const first = select.options[0];
    select.textContent = '';
    select.appendChild(first);
    groups.forEach(([label, buckets]) => {
      const parent = groups.length > 1 ? select.appendChild(el('optgroup', { label: label })) : select;
      buckets.forEach((b) => parent.appendChild(el('option', { value: b.key, text: (b.label || b.key) + ' (' + NF.number(b.count) + ')' })));
    });
    if (current && !Array.from(select.options).some((o) => o.value === current)) select.appendChild(el('option', { value: current, text: current }));
    select.value = current || '';
  }

  function update(change) {
    const s = Object.assign({}, state, change);
    Object.keys(s).forEach((k) => { if (!s[k]) delete s[k]; });
    go(s);
  }

  form.addEventListener('submit', (e) => { e.preventDefault(); go(readForm()); });
  ['topic', 'source', 'interval'].forEach((f) => $(f).addEventListener('change', () => go(readForm())));
  $('range').addEventListener('change', () => { const r = $('range').value; if (r) update({ from: r, to: '' }); });
  $('reset').addEventListener('click', () => go({}));
  window.addEventListener('popstate', () => go(readUrl(), true));
  NF.onResize(drawOverTime);
  NF.onKeyChange(() => load(state));
  go(state, true);
})();
