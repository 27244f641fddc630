// Shared by the search page and the dashboard: DOM building, the API call, and two small SVG/HTML charts.
// Everything that comes from the API is put in the page as text (textContent, attribute values); the only HTML
// parsed is a highlight, and of that only text and <em> survive.
(function () {
  'use strict';
  const NF = window.NF = {};
  const SVG_NS = 'http://www.w3.org/2000/svg';

  NF.$ = (id) => document.getElementById(id);

  // el('a', {href: u, text: 'x', onclick: f, class: 'c'}, [children]). Never sets style or raw HTML.
  function build(node, attrs, children) {
    Object.keys(attrs || {}).forEach((k) => {
      const v = attrs[k];
      if (v == null || v === false) return;
      if (k === 'text') node.textContent = v;
      else if (k.startsWith('on') && typeof v === 'function') node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? '' : String(v));
    });
    (children || []).forEach((c) => {
      if (c != null) node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
    return node;
  }
  NF.el = (tag, attrs, children) => build(document.createElement(tag), attrs, children);
  NF.svg = (tag, attrs, children) => build(document.createElementNS(SVG_NS, tag), attrs, children);

  // Highlights arrive HTML-escaped with <em> around matches. Parse them inertly and keep only text and <em>.
  NF.highlighted = function (html) {
    const t = document.createElement('template');
    t.innerHTML = html;
    const out = document.createDocumentFragment();
    (function copy(from, to) {
      from.childNodes.forEach((n) => {
        if (n.nodeType === 3) to.appendChild(document.createTextNode(n.nodeValue));
        else if (n.nodeType === 1 && n.nodeName === 'EM') copy(n, to.appendChild(document.createElement('em')));
        else if (n.nodeType === 1) copy(n, to);
      });
    })(t.content, out);
    return out;
  };

  NF.safeUrl = (u) => (typeof u === 'string' && /^https?:\/\//i.test(u) ? u : null);

  NF.formatDate = function (iso) {
    const d = new Date(iso);
    return isNaN(d) ? String(iso) : d.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
  };

  NF.number = (n) => Number(n || 0).toLocaleString('en');
  NF.percent = (r) => (100 * (r || 0)).toFixed(r && r < 0.1 ? 1 : 0) + '%';

  // {a: 'x', b: ['y', 'z'], c: ''} -> 'a=x&b=y&b=z' (empty values left out)
  NF.queryString = function (params) {
    const p = new URLSearchParams();
    Object.keys(params).forEach((k) => {
      [].concat(params[k]).forEach((v) => { if (v != null && v !== '' && v !== false) p.append(k, v); });
    });
    return p.toString();
  };

  // ---- the API key ----------------------------------------------------------------------------------------------
  // A server with server.apiKeys answers every /api request that lacks one of its keys with 401; the page and its
  // files need none (a browser cannot send a header when it opens a page). The analyst gives the key once, in the
  // dialog a 401 opens (or the "API key" button), and the page sends it as X-Api-Key with every request it makes:
  // NF.api and the downloads (NF.keyedDownload). It is kept in sessionStorage (this tab, until it closes) or, when
  // asked, in localStorage (this browser, until forgotten); never in the URL, so a shared link carries no key.
  const KEY_ITEM = 'newsflow.apiKey';
  const keyListeners = [];
  let keyAsked = false;           // this server has asked for a key: the "API key" button stays
  const store = (kind) => { try { return window[kind] || null; } catch (e) { return null; } };   // storage may be off

  NF.apiKey = function () {
    const session = store('sessionStorage'), local = store('localStorage');
    return (session && session.getItem(KEY_ITEM)) || (local && local.getItem(KEY_ITEM)) || '';
  };

  function storeKey(key, remember) {
    ['sessionStorage', 'localStorage'].forEach((kind) => { const st = store(kind); if (st) st.removeItem(KEY_ITEM); });
    const st = key ? store(remember ? 'localStorage' : 'sessionStorage') : null;
    if (st) st.setItem(KEY_ITEM, key);
    keyButton();
    keyListeners.forEach((f) => f());
  }

  const withKey = (headers) => { const k = NF.apiKey(); return k ? Object.assign({}, headers, { 'X-Api-Key': k }) : headers; };

  // What a page does once the key changed: load again what the missing key had refused.
  NF.onKeyChange = (f) => { keyListeners.push(f); };

  let keyDialog = null;
  function dialog() {
    if (keyDialog) return keyDialog;
    const el = NF.el;
    const input = el('input', { id: 'api-key', type: 'password', autocomplete: 'off', spellcheck: 'false', required: true });
    const remember = el('input', { id: 'api-key-remember', type: 'checkbox' });
    const note = el('p', { id: 'api-key-note', class: 'note', role: 'alert' });
    const forget = el('button', { type: 'button', id: 'api-key-forget', text: 'Forget the key' });
    const cancel = el('button', { type: 'button', id: 'api-key-cancel', text: 'Cancel' });
    const form = el('form', { id: 'api-key-form', class: 'key-form' }, [
      el('label', { for: 'api-key' }, ['API key', input]),
      el('label', { for: 'api-key-remember', class: 'check' }, [remember, 'Remember on this device (otherwise until this tab is closed)']),
      note,
      el('div', { class: 'actions' }, [el('button', { type: 'submit', class: 'primary', text: 'Use this key' }), forget, cancel])]);
    keyDialog = el('dialog', { id: 'api-key-dialog', 'aria-labelledby': 'api-key-title' }, [
      el('h2', { id: 'api-key-title', text: 'API key' }),
      el('p', { class: 'help', text: 'This server answers only requests that carry one of its API keys. The page sends the key '
        + 'as the X-Api-Key header with each of its requests, downloads included; links you share do not contain it.' }),
      form]);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const key = input.value.trim();
      if (!key) return;
      input.value = '';
      keyDialog.close();
      storeKey(key, remember.checked);
    });
    forget.addEventListener('click', () => { input.value = ''; keyDialog.close(); storeKey('', false); });
    cancel.addEventListener('click', () => keyDialog.close());
    keyDialog.note = note;
    keyDialog.input = input;
    document.body.appendChild(keyDialog);
    return keyDialog;
  }

  // Opens the key dialog (once, however many requests were refused at the same time).
  NF.askKey = function (message) {
    keyAsked = true;
    keyButton();
    const d = dialog();
    d.note.textContent = message || '';
    if (!d.open) d.showModal();
    d.input.focus();
  };

  const refused = () => NF.askKey(NF.apiKey() ? 'The server refused this key: check it and enter it again.'
    : 'This server needs an API key.');

  // The "API key" button in the page's navigation, once the server has asked for a key or one is kept.
  function keyButton() {
    const nav = document.querySelector('nav.top');
    if (!nav || !(keyAsked || NF.apiKey())) return;
    let b = NF.$('api-key-button');
    if (!b) {
      b = NF.el('button', { type: 'button', id: 'api-key-button', class: 'link', onclick: () => NF.askKey('') });
      nav.appendChild(b);
    }
    b.textContent = NF.apiKey() ? 'API key (set)' : 'API key';
  }
  document.addEventListener('DOMContentLoaded', keyButton);
  if (document.readyState !== 'loading') keyButton();

  // A download link (CSV, NDJSON). A link cannot carry a header: with a key, the file is fetched with it and handed
  // to the browser as a file (held in memory: an export is bounded by search.exportMaxRows); without one the link
  // is followed as it is and streams to disk. onError gets the API's error.
  NF.keyedDownload = function (a, onError) {
    a.addEventListener('click', (e) => {
      if (!NF.apiKey()) return;
      e.preventDefault();
      fetch(a.href, { headers: withKey({}) }).then((r) => {
        if (r.ok) return r.blob();
        return r.json().catch(() => ({})).then((body) => {
          const err = new Error(body.error || 'HTTP ' + r.status);
          err.status = r.status;
          throw err;
        });
      }).then((blob) => {
        const url = URL.createObjectURL(blob);
        const save = NF.el('a', { href: url, download: a.getAttribute('download') || '', class: 'sr-only' });
        document.body.appendChild(save);
        save.click();
        save.remove();
        setTimeout(() => URL.revokeObjectURL(url), 60000);
      }).catch((err) => {
        if (err.status === 401) refused();
        if (onError) onError(err);
      });
    });
  };

  // GET (or another method with a JSON body) an API path, with the API key when there is one; resolves with the
  // parsed body, rejects with an Error whose message is the API's own error text and whose .status is the HTTP
  // status. A 401 opens the key dialog.
  NF.api = function (path, params, init) {
    const qs = params ? NF.queryString(params) : '';
    const options = Object.assign({}, init || {});
    options.headers = withKey(Object.assign({ Accept: 'application/json' }, options.headers));
    if (options.json !== undefined) {
      options.body = JSON.stringify(options.json);
      options.headers['Content-Type'] = 'application/json';
      delete options.json;
    }
    return fetch(path + (qs ? '?' + qs : ''), options).then((r) => {
      if (r.status === 204) return {};
      if (r.status === 401) refused();
      return r.json().catch(() => ({ error: 'HTTP ' + r.status + ': the answer is not JSON' })).then((body) => {
        if (!r.ok || body.error) {
          const e = new Error(body.error || 'HTTP ' + r.status);
          e.status = body.status || r.status;
          e.position = body.position;   // of a syntax error in q
          throw e;
        }
        return body;
      });
    });
  };

  // A message in place of a panel whose endpoint failed; a 404 means this server does not offer it.
  NF.unavailable = function (box, what, e) {
    box.textContent = '';
    box.appendChild(NF.el('p', { class: 'note', text: e.status === 404 ? what + ' is not available on this server.' : what + ' failed: ' + e.message }));
  };

  // ---- time buckets -------------------------------------------------------------------------------------------

  const DAY = 864e5;
  const isoDay = (t) => new Date(t).toISOString().slice(0, 10);

  // The last day (yyyy-MM-dd) a bucket starting on `date` covers, for an inclusive `to`.
  NF.bucketEnd = function (date, interval) {
    const t = Date.parse(date.slice(0, 10) + 'T00:00:00Z');
    if (isNaN(t)) return date;
    if (interval === 'week') return isoDay(t + 6 * DAY);
    if (interval === 'month') {
      const d = new Date(t);
      return isoDay(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) - DAY);
    }
    return isoDay(t);
  };

  // Buckets with nothing in them are missing from a histogram with min_doc_count 1: fill the days in between so
  // the x axis is time (not for week/month, whose keys the server already spaces).
  NF.fillDays = function (dates) {
    const sorted = Array.from(new Set(dates)).sort();
    if (sorted.length < 2 || sorted.some((d) => d.length !== 10)) return sorted;
    const start = Date.parse(sorted[0] + 'T00:00:00Z'), end = Date.parse(sorted[sorted.length - 1] + 'T00:00:00Z');
    if ((end - start) / DAY > 1500) return sorted;
    const out = [];
    for (let t = start; t <= end; t += DAY) out.push(isoDay(t));
    return out;
  };

  // ---- the time chart -----------------------------------------------------------------------------------------

  // Lines over time, one per series, drawn as SVG sized to its box. Pointer: click a bucket, or press and drag
  // over several, to select a date range; keyboard: arrows move, Shift+arrows extend, Enter selects, Escape
  // cancels. opts = {series: [{name, values: {date: number}}], dates: [...], interval, percent: bool,
  //                   label: 'what the chart shows', onRange: function (from, to) or null}
  NF.timeChart = function (box, opts) {
    box.textContent = '';
    const dates = opts.dates;
    if (!dates.length) {
      box.appendChild(NF.el('p', { class: 'note', text: 'Nothing dated in this scope.' }));
      return;
    }
    const W = Math.max(280, Math.round(box.clientWidth || 600)), H = 180;
    const pad = { l: 46, r: 10, t: 10, b: 24 };
    const pw = W - pad.l - pad.r, ph = H - pad.t - pad.b;
    let max = 0;
    opts.series.forEach((s) => dates.forEach((d) => { max = Math.max(max, s.values[d] || 0); }));
    if (max === 0) max = opts.percent ? 0.01 : 1;
    // whole numbers on the count axis: an even top keeps the middle line on an integer
    if (!opts.percent) max = Math.max(2, Math.ceil(max / 2) * 2);
    const step = pw / dates.length;
    const x = (i) => pad.l + step * (i + 0.5);
    const y = (v) => pad.t + ph - (ph * v) / max;
    const fmt = (v) => (opts.percent ? NF.percent(v) : NF.number(Math.round(v)));
    // day keys as they are; finer ones (a story's hours) as "11-03 08:00"
    const when = (d) => (d.length > 10 ? d.slice(5, 16).replace('T', ' ') : d);

    const svg = NF.svg('svg', { class: 'chart', viewBox: '0 0 ' + W + ' ' + H, width: W, height: H, 'aria-hidden': 'true' });
    [0, 0.5, 1].forEach((f) => {
      svg.appendChild(NF.svg('line', { class: 'grid', x1: pad.l, x2: W - pad.r, y1: y(max * f), y2: y(max * f) }));
      svg.appendChild(NF.svg('text', { class: 'tick', x: pad.l - 4, y: y(max * f) + 4, 'text-anchor': 'end', text: fmt(max * f) }));
    });
    const labelEvery = Math.max(1, Math.ceil(dates.length / Math.max(2, Math.floor(pw / 80))));
    dates.forEach((d, i) => {
      if (i % labelEvery === 0 || i === dates.length - 1 && dates.length === 1) {
        svg.appendChild(NF.svg('text', { class: 'tick', x: x(i), y: H - 6, 'text-anchor': 'middle', text: when(d) }));
      }
    });
    const selection = NF.svg('rect', { class: 'selection', x: 0, y: pad.t, width: 0, height: ph, visibility: 'hidden' });
    svg.appendChild(selection);
    opts.series.forEach((s, si) => {
      const pts = dates.map((d, i) => x(i).toFixed(1) + ',' + y(s.values[d] || 0).toFixed(1));
      svg.appendChild(NF.svg('polyline', { class: 'line s' + (si % 6), points: pts.join(' ') }));
      if (dates.length <= 62) {
        dates.forEach((d, i) => svg.appendChild(NF.svg('circle', { class: 'dot s' + (si % 6), cx: x(i), cy: y(s.values[d] || 0), r: 2.5 })));
      }
    });
    const cursor = NF.svg('line', { class: 'cursor', x1: 0, x2: 0, y1: pad.t, y2: pad.t + ph, visibility: 'hidden' });
    svg.appendChild(cursor);
    const hit = NF.svg('rect', { class: 'hit', x: pad.l, y: pad.t, width: pw, height: ph });
    svg.appendChild(hit);

    const describe = (i) => when(dates[i]) + ': ' + opts.series.map((s) => s.name + ' ' + fmt(s.values[dates[i]] || 0)).join(', ');
    const peak = () => {
      let best = 0, bestI = 0;
      dates.forEach((d, i) => opts.series.forEach((s) => { if ((s.values[d] || 0) > best) { best = s.values[d]; bestI = i; } }));
      return when(dates[bestI]) + ' (' + fmt(best) + ')';
    };
    const wrap = NF.el('div', {
      class: 'chart-wrap', tabindex: opts.onRange ? 0 : -1, role: 'img',
      'aria-label': opts.label + ': ' + opts.series.length + ' series over ' + dates.length + ' ' + (opts.interval || 'day')
        + (dates.length === 1 ? '' : 's') + ' from ' + when(dates[0]) + ' to ' + when(dates[dates.length - 1])
        + ', highest ' + peak() + (opts.onRange ? '. Arrow keys read the values, Shift+arrows mark a range, Enter filters to it.' : '.')
    }, [svg]);
    const live = NF.el('p', { class: 'chart-readout', 'aria-live': 'polite' });
    box.appendChild(wrap);
    box.appendChild(live);
    box.appendChild(legend(opts.series));

    let anchor = null, current = null, dragging = false;
    const index = (clientX) => {
      const r = svg.getBoundingClientRect();
      const px = (clientX - r.left) * (W / r.width);
      return Math.max(0, Math.min(dates.length - 1, Math.floor((px - pad.l) / step)));
    };
    const show = () => {
      if (current == null) { cursor.setAttribute('visibility', 'hidden'); selection.setAttribute('visibility', 'hidden'); live.textContent = ''; return; }
      cursor.setAttribute('x1', x(current)); cursor.setAttribute('x2', x(current)); cursor.setAttribute('visibility', 'visible');
      const a = anchor == null ? current : anchor, lo = Math.min(a, current), hi = Math.max(a, current);
      selection.setAttribute('x', pad.l + step * lo);
      selection.setAttribute('width', step * (hi - lo + 1));
      selection.setAttribute('visibility', anchor == null ? 'hidden' : 'visible');
      live.textContent = describe(current) + (anchor != null && lo !== hi ? ' — range ' + when(dates[lo]) + ' to ' + when(dates[hi]) + ', Enter to filter' : '');
    };
    const apply = (a, b) => {
      const lo = Math.min(a, b), hi = Math.max(a, b);
      if (opts.onRange) opts.onRange(dates[lo].slice(0, 10), NF.bucketEnd(dates[hi], opts.interval));
    };
    if (opts.onRange) {
      hit.addEventListener('pointerdown', (e) => {
        e.preventDefault();
        dragging = true; anchor = current = index(e.clientX);
        if (hit.setPointerCapture) hit.setPointerCapture(e.pointerId);
        show();
      });
      hit.addEventListener('pointermove', (e) => {
        const i = index(e.clientX);
        if (i !== current || !dragging) { current = i; if (!dragging) anchor = null; show(); }
      });
      hit.addEventListener('pointerup', (e) => {
        if (!dragging) return;
        dragging = false;
        apply(anchor, index(e.clientX));
      });
      hit.addEventListener('pointerleave', () => { if (!dragging) { current = null; anchor = null; show(); } });
      wrap.addEventListener('keydown', (e) => {
        if (e.key === 'ArrowLeft' || e.key === 'ArrowRight' || e.key === 'Home' || e.key === 'End') {
          e.preventDefault();
          if (e.shiftKey && anchor == null) anchor = current == null ? 0 : current;
          if (!e.shiftKey) anchor = null;
          const last = dates.length - 1;
          current = e.key === 'Home' ? 0 : e.key === 'End' ? last
            : current == null ? (e.key === 'ArrowLeft' ? last : 0)
            : Math.max(0, Math.min(last, current + (e.key === 'ArrowLeft' ? -1 : 1)));
          show();
        } else if (e.key === 'Enter' && current != null) {
          e.preventDefault();
          apply(anchor == null ? current : anchor, current);
        } else if (e.key === 'Escape' && current != null) {
          e.preventDefault();
          e.stopPropagation();
          anchor = current = null; show();
        }
      });
      wrap.addEventListener('blur', () => { if (!dragging) { anchor = current = null; show(); } });
    }
    // A small data table for those who cannot see the chart (and for copying numbers).
    const rows = dates.map((d) => NF.el('tr', {}, [NF.el('th', { scope: 'row', text: when(d) })]
      .concat(opts.series.map((s) => NF.el('td', { text: fmt(s.values[d] || 0) })))));
    box.appendChild(NF.el('details', { class: 'chart-data' }, [
      NF.el('summary', { text: 'Data table' }),
      NF.el('table', {}, [NF.el('thead', {}, [NF.el('tr', {}, [NF.el('th', { scope: 'col', text: 'from' })]
        .concat(opts.series.map((s) => NF.el('th', { scope: 'col', text: s.name }))))]), NF.el('tbody', {}, rows)])]));
  };

  function legend(series) {
    return NF.el('ul', { class: 'legend', 'aria-label': 'Series' }, series.map((s, i) =>
      NF.el('li', {}, [NF.el('span', { class: 'swatch s' + (i % 6), 'aria-hidden': 'true' }), NF.el('span', { text: s.name })])));
  }

  // Redraws on width changes (the chart is drawn at its box's width, so text stays legible on a phone).
  NF.onResize = function (redraw) {
    let timer = null, lastWidth = window.innerWidth;
    window.addEventListener('resize', () => {
      if (window.innerWidth === lastWidth) return;
      lastWidth = window.innerWidth;
      clearTimeout(timer);
      timer = setTimeout(redraw, 150);
    });
  };

  // ---- bar list -----------------------------------------------------------------------------------------------

  // Horizontal bars as a list: items = [{label, value, note, title, pressed, onclick}]. With onclick each row is
  // a button (keyboard and screen reader reach it); the bar width is set through the CSSOM, which CSP allows.
  NF.barList = function (box, items, emptyText) {
    box.textContent = '';
    if (!items.length) {
      box.appendChild(NF.el('p', { class: 'note', text: emptyText || 'none' }));
      return;
    }
    const max = Math.max.apply(null, items.map((i) => i.value)) || 1;
    const ul = NF.el('ul', { class: 'bars' });
    items.forEach((item) => {
      const bar = NF.el('span', { class: 'bar', 'aria-hidden': 'true' });
      bar.style.width = Math.max(1, Math.round((100 * item.value) / max)) + '%';
      const content = [NF.el('span', { class: 'bar-label', text: item.label }),
        NF.el('span', { class: 'count', text: item.note != null ? item.note : NF.number(item.value) }), bar];
      ul.appendChild(NF.el('li', {}, [item.onclick
        ? NF.el('button', { type: 'button', title: item.title, 'aria-pressed': item.pressed == null ? null : String(item.pressed),
          'data-key': item.key, onclick: item.onclick }, content)
        : NF.el('div', { class: 'bar-row', title: item.title }, content)]));
    });
    box.appendChild(ul);
  };
})();
