// NumiCoin explorer: live updates on top of the server-rendered pages (they are complete without
// this script). One EventSource on /live; every event is a whole state (docs/explorer.md#live-push).
(function () {
  'use strict';
  var body = document.body;
  var page = body.getAttribute('data-page');
  if (!window.EventSource || ['home', 'block', 'tx', 'address', 'supply'].indexOf(page) < 0) {
    return;
  }

  function $(id) { return document.getElementById(id); }
  function setText(id, text) { var e = $(id); if (e) { e.textContent = text; } }
  function count(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f'); }
  function numi(units) {
    var negative = units < 0, u = Math.abs(units);
    var whole = Math.floor(u / 1e8), frac = String(u % 1e8);
    while (frac.length < 8) { frac = '0' + frac; }
    frac = frac.replace(/0+$/, '');
    return (negative ? '-' : '') + whole + (frac ? '.' + frac : '');
  }
  function bytes(n) {
    if (n < 1000) { return n + ' B'; }
    if (n < 1e6) { return (n / 1e3).toFixed(1) + ' kB'; }
    return (n / 1e6).toFixed(2) + ' MB';
  }
  function short(hex, n) { return hex.length <= 2 * n + 1 ? hex : hex.slice(0, n) + '\u2026' + hex.slice(-n); }
  function utc(seconds) { return new Date(seconds * 1000).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC'); }
  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) { e.className = className; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }
  function link(href, text, className) { var a = el('a', className, text); a.href = href; return a; }
  function cell(child, className) {
    var td = el('td', className);
    if (typeof child === 'string') { td.textContent = child; } else { td.appendChild(child); }
    return td;
  }

  function onBlock(b) {
    if (page === 'home') {
      var h = $('tip-height');
      if (h) { h.textContent = count(b.height); h.href = '/block/' + b.id; }
      var t = $('tip-time');
      if (t) { t.textContent = utc(b.timestamp); t.setAttribute('datetime', new Date(b.timestamp * 1000).toISOString()); }
      var rows = document.querySelector('#blocks tbody');
      if (!rows) { return; }
      var existing = rows.querySelector('tr[data-height="' + b.height + '"]');
      if (existing && existing.getAttribute('data-id') === b.id) { return; }
      Array.prototype.slice.call(rows.querySelectorAll('tr')).forEach(function (r) {
        if (Number(r.getAttribute('data-height')) >= b.height) { r.remove(); }   // a reorg replaced them
      });
      var tr = el('tr', 'fresh');
      tr.setAttribute('data-height', b.height);
      tr.setAttribute('data-id', b.id);
      tr.appendChild(cell(link('/block/' + b.id, String(b.height))));
      tr.appendChild(cell(link('/block/' + b.id, short(b.id, 8)), 'hash'));
      tr.appendChild(cell(String(b.transactionCount), 'num'));
      tr.appendChild(cell(bytes(b.size), 'num'));
      var time = el('time');
      time.setAttribute('datetime', new Date(b.timestamp * 1000).toISOString());
      time.appendChild(el('span', 'wide-col', utc(b.timestamp).slice(0, 11)));
      time.appendChild(el('span', null, utc(b.timestamp).slice(11, 19)));
      tr.appendChild(cell(time));
      rows.insertBefore(tr, rows.firstChild);
      while (rows.children.length > 10) { rows.removeChild(rows.lastChild); }
    } else if (page === 'supply' && body.getAttribute('data-next-halving')) {
      setText('halving-blocks', count(Math.max(0, Number(body.getAttribute('data-next-halving')) - b.height)));
    } else if (page === 'block' && body.getAttribute('data-status') === 'ACTIVE') {
      var height = Number(body.getAttribute('data-height'));
      if (b.height >= height) { setText('confirmations', String(b.height - height + 1)); }
    }
  }

  function onMempool(update) {
    if (page !== 'home') { return; }
    var m = update.summary;
    setText('mempool-count', count(m.count));
    setText('mempool-bytes', bytes(m.bytes));
    setText('mempool-fees', numi(m.totalFees));
    var empty = $('mempool-empty');
    if (empty) { empty.hidden = m.count > 0; }
    renderProjected(m.projectedBlocks);
    renderHistogram(m.feeHistogram);
    var rows = document.querySelector('#mempool-txs tbody');
    if (!rows) { return; }
    var known = {};
    Array.prototype.forEach.call(rows.querySelectorAll('tr'), function (r) { known[r.getAttribute('data-txid')] = true; });
    while (rows.firstChild) { rows.removeChild(rows.firstChild); }
    update.newest.forEach(function (t) {
      var tr = el('tr', known[t.txid] ? '' : 'fresh');
      tr.setAttribute('data-txid', t.txid);
      tr.appendChild(cell(link('/tx/' + t.txid, short(t.txid, 8)), 'hash'));
      tr.appendChild(cell(numi(t.amount), 'num'));
      tr.appendChild(cell(t.feeRate + ' /kB', 'num'));
      rows.appendChild(tr);
    });
  }

  function renderProjected(blocks) {
    var box = $('projected-blocks');
    if (!box) { return; }
    while (box.firstChild) { box.removeChild(box.firstChild); }
    blocks.forEach(function (p) {
      var div = el('div', 'block');
      div.appendChild(el('strong', null, p.index === 0 ? 'Next block' : '+' + (p.index + 1)));
      div.appendChild(el('br'));
      div.appendChild(document.createTextNode(p.transactionCount + ' tx \u00b7 ' + bytes(p.bytes)));
      div.appendChild(el('br'));
      div.appendChild(document.createTextNode(p.minFeeRate + '\u2013' + p.maxFeeRate + ' /kB'));
      box.appendChild(div);
    });
  }

  function renderHistogram(buckets) {
    var box = $('fee-histogram');
    if (!box) { return; }
    while (box.firstChild) { box.removeChild(box.firstChild); }
    var widest = 1;
    buckets.forEach(function (b) { widest = Math.max(widest, b.bytes); });
    buckets.forEach(function (b) {
      if (b.count === 0) { return; }
      var bar = el('div', 'bar');
      bar.appendChild(el('span', null, b.toFeeRate === null || b.toFeeRate === undefined
          ? '\u2265 ' + b.fromFeeRate : b.fromFeeRate + '\u2013' + b.toFeeRate));
      var fill = el('span', 'fill');
      fill.style.width = (100 * b.bytes / widest).toFixed(1) + '%';
      bar.appendChild(fill);
      bar.appendChild(el('span', 'num', String(b.count)));
      box.appendChild(bar);
    });
  }

  function onTx(w) {
    var banner = $('tx-status');
    if (!banner || !w.found) { return; }
    while (banner.firstChild) { banner.removeChild(banner.firstChild); }
    banner.classList.remove('ok', 'pending', 'stale');
    var span = el('span');
    if (w.confirmed) {
      banner.classList.add('ok');
      span.appendChild(document.createTextNode('Confirmed in block '));
      span.appendChild(link('/block/' + w.blockId, String(w.blockHeight)));
      span.appendChild(document.createTextNode(': '));
      var strong = el('strong', null, String(w.confirmations));
      strong.id = 'tx-confirmations';
      span.appendChild(strong);
      span.appendChild(document.createTextNode(' confirmations.'));
    } else if (w.inMempool) {
      banner.classList.add('pending');
      span.textContent = 'Pending in the mempool: not in a block yet.';
    } else {
      banner.classList.add('stale');
      span.textContent = 'Only in stale blocks: not on the active chain.';
    }
    banner.appendChild(span);
  }

  function onAddress(a) {
    setText('address-balance', numi(a.balance));
    setText('address-received', numi(a.received));
    setText('address-sent', numi(a.sent));
    setText('address-txcount', count(a.txCount));
    setText('address-pending', count(a.pendingCount));
    var fresh = $('address-new');
    if (fresh) { fresh.hidden = String(a.txCount) === body.getAttribute('data-txcount'); }
  }

  var query = [];
  if (body.getAttribute('data-watch-tx')) { query.push('tx=' + encodeURIComponent(body.getAttribute('data-watch-tx'))); }
  if (body.getAttribute('data-watch-address')) {
    query.push('address=' + encodeURIComponent(body.getAttribute('data-watch-address')));
  }
  var state = document.querySelector('[data-live-state]');
  var source = new EventSource('/live' + (query.length ? '?' + query.join('&') : ''));
  function handle(fn) { return function (e) { fn(JSON.parse(e.data)); }; }
  source.addEventListener('block', handle(onBlock));
  source.addEventListener('mempool', handle(onMempool));
  source.addEventListener('tx', handle(onTx));
  source.addEventListener('address', handle(onAddress));
  source.onopen = function () { if (state) { state.textContent = 'live'; state.classList.add('on'); } };
  source.onerror = function () { if (state) { state.textContent = 'reconnecting\u2026'; state.classList.remove('on'); } };
  body.setAttribute('data-live', 'connecting');
  source.addEventListener('open', function () { body.setAttribute('data-live', 'open'); });
}());
