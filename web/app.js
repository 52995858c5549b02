// dyad dashboard: timeline, dyad network, map and event table over `dyad serve`'s JSON API.
// Every value from the store goes into the page as text (textContent, d3 .text()), never as HTML.
'use strict';

const FILTERS = ['actor', 'source', 'target', 'root', 'cameo', 'plover', 'mode', 'from', 'to', 'place', 'country', 'text', 'doc'];
const ROOTS = {
  '01': 'make public statement', '02': 'appeal', '03': 'express intent to cooperate', '04': 'consult',
  '05': 'diplomatic cooperation', '06': 'material cooperation', '07': 'provide aid', '08': 'yield',
  '09': 'investigate', '10': 'demand', '11': 'disapprove', '12': 'reject', '13': 'threaten', '14': 'protest',
  '15': 'exhibit force posture', '16': 'reduce relations', '17': 'coerce', '18': 'assault', '19': 'fight',
  '20': 'unconventional mass violence',
};
const QUADS = { 1: 'verbal cooperation', 2: 'material cooperation', 3: 'verbal conflict', 4: 'material conflict' };
const QUAD_COLOUR = { 1: '#8cc68a', 2: '#1b7837', 3: '#f1a65e', 4: '#b2182b' };
const rootColour = (r) => d3.interpolateRdYlGn(1 - (Number(r) - 1) / 19 * 0.9 - 0.05);
const goldColour = d3.scaleDiverging([-10, 0, 10], (t) => d3.interpolateRdYlGn(t)).clamp(true);
const PAGE = 50;

const state = { filters: {}, offset: 0, selected: null };
const $ = (sel) => document.querySelector(sel);

// ---- the API ----

function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, v);
  return q.toString();
}

async function api(path, params = {}) {
  const res = await fetch(`/api/${path}?${query({ ...state.filters, ...params })}`);
  const body = await res.json().catch(() => ({ error: `HTTP ${res.status}` }));
  if (!res.ok) throw new Error(body.error || `HTTP ${res.status}`);
  return body;
}

// ---- helpers ----

const tooltip = d3.select('body').append('div').attr('class', 'tooltip').style('display', 'none');
function tip(sel, text) {
  sel.on('mouseenter', (ev, d) => tooltip.style('display', null).text(text(d)))
    .on('mousemove', (ev) => tooltip.style('left', `${ev.clientX + 12}px`).style('top', `${ev.clientY + 12}px`))
    .on('mouseleave', () => tooltip.style('display', 'none'));
}

function empty(container, msg) {
  container.selectAll('*').remove();
  container.append('div').attr('class', 'empty').text(msg);
}

function width(container) { return Math.max(320, container.node().getBoundingClientRect().width || 600); }

function fmtGold(v) { return v === null || v === undefined ? '' : (v > 0 ? '+' : '') + d3.format('.1f')(v); }

function setFilter(changes) {
  Object.assign(state.filters, changes);
  for (const k of Object.keys(state.filters)) if (!state.filters[k]) delete state.filters[k];
  state.offset = 0;
  writeForm();
  refresh();
}

// ---- filters: the form, the URL hash ----

function readForm() {
  const f = {};
  const form = $('#filters');
  for (const k of FILTERS) { const v = form.elements[k].value.trim(); if (v) f[k] = v; }
  return f;
}

function writeForm() {
  const form = $('#filters');
  for (const k of FILTERS) form.elements[k].value = state.filters[k] || '';
  const h = query(state.filters);
  history.replaceState(null, '', h ? `#${h}` : location.pathname);
}

function readHash() {
  const p = new URLSearchParams(location.hash.slice(1));
  state.filters = {};
  for (const k of FILTERS) if (p.get(k)) state.filters[k] = p.get(k);
}

async function fillSelects() {
  const all = { ...state.filters };
  state.filters = {};
  try {
    const [roots, plover] = await Promise.all([api('aggregate', { by: 'root' }), api('aggregate', { by: 'plover' })]);
    const rs = d3.select('#filters select[name=root]');
    for (const r of roots.rows) rs.append('option').attr('value', r.root).text(`${r.root} ${ROOTS[r.root] || ''} (${r.events})`);
    const ps = d3.select('#filters select[name=plover]');
    for (const r of plover.rows) if (r.plover) ps.append('option').attr('value', r.plover).text(`${r.plover} (${r.events})`);
  } finally {
    state.filters = all;
  }
}

// ---- summary ----

async function drawSummary() {
  const s = await api('summary');
  const el = $('#summary');
  el.textContent = '';
  const part = (n, what) => { const b = document.createElement('b'); b.textContent = n; el.append(b, ` ${what}  `); };
  part(d3.format(',')(s.events), 'events');
  part(d3.format(',')(s.documents), 'documents');
  if (s.first) part(`${s.first} – ${s.last}`, '');
  if (Object.keys(state.filters).length) el.append('(filtered)');
  el.dataset.events = s.events;
}

// ---- timeline: stacked bars per period, by QuadClass or root ----

async function drawTimeline() {
  const box = d3.select('#timeline .chart');
  const grain = $('#grain').value, colour = $('#colour').value;
  const data = await api('aggregate', { by: `${grain},${colour}`, limit: 10000 });
  box.attr('data-state', 'ready');
  const legend = d3.select('#timeline .legend');
  legend.selectAll('*').remove();
  if (!data.rows.length) { empty(box, 'No events match the filters.'); box.attr('data-total', 0); return; }
  const periods = [...new Set(data.rows.map((r) => r[grain]))].sort();
  const keys = [...new Set(data.rows.map((r) => r[colour]))].sort((a, b) => Number(a) - Number(b));
  const table = periods.map((p) => {
    const row = { period: p };
    for (const k of keys) row[k] = 0;
    for (const r of data.rows) if (r[grain] === p) row[r[colour]] = r.events;
    return row;
  });
  const series = d3.stack().keys(keys)(table);
  const W = width(box), H = 220, m = { t: 10, r: 10, b: 36, l: 36 };
  const x = d3.scaleBand().domain(periods).range([m.l, W - m.r]).padding(0.2);
  const y = d3.scaleLinear().domain([0, d3.max(table, (r) => d3.sum(keys, (k) => r[k]))]).nice().range([H - m.b, m.t]);
  const fill = (k) => (colour === 'quad' ? QUAD_COLOUR[k] : rootColour(k));
  const name = (k) => (colour === 'quad' ? `${k} ${QUADS[k]}` : `${k} ${ROOTS[k] || ''}`);
  box.selectAll('*').remove();
  const svg = box.append('svg').attr('viewBox', `0 0 ${W} ${H}`);
  svg.append('g').attr('class', 'grid').attr('transform', `translate(${m.l},0)`)
    .call(d3.axisLeft(y).ticks(5).tickSize(-(W - m.l - m.r)).tickFormat(''));
  svg.append('g').attr('class', 'axis').attr('transform', `translate(${m.l},0)`).call(d3.axisLeft(y).ticks(5, 'd'));
  const every = Math.ceil(periods.length / Math.max(1, Math.floor((W - m.l) / 70)));
  svg.append('g').attr('class', 'axis').attr('transform', `translate(0,${H - m.b})`)
    .call(d3.axisBottom(x).tickValues(periods.filter((_, i) => i % every === 0)));
  const bars = svg.append('g').selectAll('g').data(series).join('g').attr('fill', (s) => fill(s.key))
    .selectAll('rect').data((s) => s.map((d) => ({ ...d, key: s.key }))).join('rect')
    .filter((d) => d[1] > d[0])
    .attr('class', 'bar').attr('x', (d) => x(d.data.period)).attr('width', x.bandwidth())
    .attr('y', (d) => y(d[1])).attr('height', (d) => y(d[0]) - y(d[1]))
    .attr('data-period', (d) => d.data.period).attr('data-key', (d) => d.key).attr('data-count', (d) => d[1] - d[0]);
  tip(bars, (d) => `${d.data.period}: ${d[1] - d[0]} × ${name(d.key)}`);
  bars.on('click', (ev, d) => setFilter({ from: d.data.period, to: d.data.period }));
  box.attr('data-total', d3.sum(data.rows, (r) => r.events));
  for (const k of keys) {
    const item = legend.append('span');
    item.append('i').style('background', fill(k));
    item.append('span').text(name(k));
  }
}

// ---- network: actors as nodes, source -> target as arrows ----

async function drawNetwork() {
  const box = d3.select('#network .chart');
  const data = await api('aggregate', { by: 'dyad', order: '-events', limit: 300 });
  box.attr('data-state', 'ready');
  const links = data.rows.filter((r) => r.source !== '-' && r.target !== '-' && r.source !== r.target)
    .map((r) => ({ source: r.source, target: r.target, events: r.events, mean: r.goldstein / r.events }));
  if (!links.length) { empty(box, 'No dyads (events with both a source and a target) match the filters.'); box.attr('data-nodes', 0); return; }
  const weight = new Map();
  for (const l of links) for (const c of [l.source, l.target]) weight.set(c, (weight.get(c) || 0) + l.events);
  const nodes = [...weight].map(([id, w]) => ({ id, w }));
  const W = width(box), H = 380;
  const r = d3.scaleSqrt().domain([1, d3.max(nodes, (n) => n.w)]).range([5, 16]);
  const sim = d3.forceSimulation(nodes)
    .force('link', d3.forceLink(links).id((n) => n.id).distance(70).strength(0.6))
    .force('charge', d3.forceManyBody().strength(-220))
    .force('x', d3.forceX(W / 2).strength(0.06)).force('y', d3.forceY(H / 2).strength(0.09))
    .force('collide', d3.forceCollide((n) => r(n.w) + 14)).stop();
  for (let i = 0; i < 300; i++) sim.tick();   // a still picture: the same layout every time
  for (const n of nodes) { n.x = Math.max(24, Math.min(W - 80, n.x)); n.y = Math.max(16, Math.min(H - 16, n.y)); }
  box.selectAll('*').remove();
  const svg = box.append('svg').attr('viewBox', `0 0 ${W} ${H}`);
  const defs = svg.append('defs');
  const maxE = d3.max(links, (l) => l.events);
  const stroke = d3.scaleLinear().domain([1, Math.max(2, maxE)]).range([1.5, 5]);
  const pair = new Set(links.map((l) => `${l.source.id}>${l.target.id}`));
  const link = svg.append('g').selectAll('path').data(links).join('path').attr('class', 'link')
    .attr('stroke', (l) => goldColour(l.mean)).attr('stroke-width', (l) => stroke(l.events))
    .attr('marker-end', (l, i) => {
      const id = `arrow${i}`;
      defs.append('marker').attr('id', id).attr('viewBox', '0 -5 10 10').attr('refX', 9).attr('markerUnits', 'userSpaceOnUse')
        .attr('markerWidth', 9).attr('markerHeight', 9).attr('orient', 'auto').append('path').attr('d', 'M0,-5L10,0L0,5').attr('fill', goldColour(l.mean));
      return `url(#${id})`;
    })
    .attr('d', (l) => {
      const dx = l.target.x - l.source.x, dy = l.target.y - l.source.y, d = Math.hypot(dx, dy) || 1;
      const rt = r(l.target.w) + 3, rs = r(l.source.w);
      const x1 = l.source.x + dx / d * rs, y1 = l.source.y + dy / d * rs;
      const x2 = l.target.x - dx / d * rt, y2 = l.target.y - dy / d * rt;
      // both directions: bend each so the two arrows do not overlap
      const bend = pair.has(`${l.target.id}>${l.source.id}`) ? d * 1.1 : 0;
      return bend ? `M${x1},${y1}A${bend},${bend} 0 0,1 ${x2},${y2}` : `M${x1},${y1}L${x2},${y2}`;
    });
  tip(link, (l) => `${l.source.id} → ${l.target.id}: ${l.events} event${l.events > 1 ? 's' : ''}, mean Goldstein ${fmtGold(l.mean)}`);
  const node = svg.append('g').selectAll('g').data(nodes).join('g').attr('class', 'node')
    .attr('data-code', (n) => n.id).attr('transform', (n) => `translate(${n.x},${n.y})`);
  node.append('circle').attr('r', (n) => r(n.w)).attr('fill', '#34405a');
  node.append('text').attr('x', (n) => r(n.w) + 3).attr('y', 4).text((n) => n.id);
  tip(node, (n) => `${n.id}: ${n.w} event${n.w > 1 ? 's' : ''} in these dyads; click to filter`);
  node.on('click', (ev, n) => setFilter({ actor: n.id }));
  box.attr('data-nodes', nodes.length).attr('data-links', links.length);
}

// ---- map: countries shaded by events, places as dots ----

let world = null;
async function loadWorld() {
  if (world) return world;
  const [topo, codes] = await Promise.all([fetch('vendor/countries-110m.json').then((r) => r.json()),
    fetch('vendor/country-codes.json').then((r) => r.json())]);
  const numeric = new Map(codes.map((c) => [c[1], c[2]]));   // alpha-3 -> ISO numeric (world-atlas ids)
  world = { features: topojson.feature(topo, topo.objects.countries).features, numeric };
  return world;
}

async function drawMap() {
  const box = d3.select('#map .chart');
  const where = $('#where').value;
  const [w, data] = await Promise.all([loadWorld(), where === 'place'
    ? Promise.all([api('aggregate', { by: 'country' }), api('aggregate', { by: 'place' })])
    : Promise.all([api('aggregate', { by: 'source_country' }), api('aggregate', { by: 'target_country' })])]);
  const count = new Map();   // ISO numeric -> events
  const add = (a3, n) => { const id = w.numeric.get(a3); if (id) count.set(id, (count.get(id) || 0) + n); };
  if (where === 'place') for (const r of data[0].rows) { if (r.country) add(r.country, r.events); }
  else for (const [rows, k] of [[data[0].rows, 'source_country'], [data[1].rows, 'target_country']]) for (const r of rows) if (r[k]) add(r[k], r.events);
  const W = width(box), H = Math.round(W * 0.52);
  const projection = d3.geoNaturalEarth1().fitExtent([[4, 4], [W - 4, H - 4]], { type: 'Sphere' });
  const path = d3.geoPath(projection);
  const shade = d3.scaleSequentialLog(d3.interpolateBlues).domain([1, Math.max(2, d3.max([...count.values()]) || 2)]);
  box.selectAll('*').remove();
  const svg = box.append('svg').attr('viewBox', `0 0 ${W} ${H}`);
  svg.append('path').attr('class', 'sphere').attr('d', path({ type: 'Sphere' }));
  const byId = new Map(w.features.map((f) => [f.id, f]));
  const countries = svg.append('g').selectAll('path').data(w.features).join('path')
    .attr('class', (f) => (count.has(f.id) ? 'country has-events' : 'country')).attr('d', path)
    .attr('data-id', (f) => f.id).attr('data-count', (f) => count.get(f.id) || 0);
  countries.filter((f) => count.has(f.id)).style('fill', (f) => shade(Math.max(1, count.get(f.id) * 0.6 + 0.6)));
  tip(countries, (f) => `${f.properties.name}: ${count.get(f.id) || 0} event${count.get(f.id) === 1 ? '' : 's'}`);
  const alpha3 = new Map([...w.numeric].map(([a3, n]) => [n, a3]));
  countries.on('click', (ev, f) => { if (count.has(f.id) && alpha3.get(f.id)) setFilter({ country: alpha3.get(f.id) }); });
  let places = [];
  if (where === 'place') {
    // a place without coordinates sits at its country's centre
    places = data[1].rows.filter((r) => r.place).map((r) => {
      let xy = null;
      if (r.lat !== null && r.lon !== null) xy = projection([r.lon, r.lat]);
      else if (byId.get(w.numeric.get(r.place_country))) xy = path.centroid(byId.get(w.numeric.get(r.place_country)));
      return { ...r, xy };
    }).filter((p) => p.xy && Number.isFinite(p.xy[0]));
    const rad = d3.scaleSqrt().domain([1, d3.max(places, (p) => p.events) || 1]).range([4, 12]);
    const g = svg.append('g').selectAll('g').data(places).join('g').attr('transform', (p) => `translate(${p.xy})`);
    g.append('circle').attr('class', 'place').attr('r', (p) => rad(p.events)).attr('data-place', (p) => p.place);
    g.append('text').attr('class', 'place').attr('x', (p) => rad(p.events) + 3).attr('y', 4).text((p) => p.place);
    tip(g, (p) => `${p.place}: ${p.events} event${p.events > 1 ? 's' : ''}; click to filter`);
    g.style('cursor', 'pointer').on('click', (ev, p) => setFilter({ place: p.place }));
  }
  box.attr('data-state', 'ready').attr('data-countries', count.size).attr('data-places', places.length);
}

// ---- the event table and one event ----

function actorCell(td, a) {
  if (!a) { td.text('–'); return; }
  td.append('span').attr('class', 'code').text(a.code || a.country || '?');
  td.append('span').attr('class', 'label').attr('title', a.text).text(a.text);
}

async function drawEvents() {
  const data = await api('events', { limit: PAGE, offset: state.offset, order: '-date' });
  const tbody = d3.select('#events tbody');
  tbody.selectAll('*').remove();
  const rows = tbody.selectAll('tr').data(data.events).join('tr').attr('data-id', (e) => e.id)
    .classed('selected', (e) => e.id === state.selected);
  rows.append('td').attr('class', 'date').text((e) => e.date || '');
  rows.append('td').each(function (e) { actorCell(d3.select(this), e.source); });
  rows.append('td').each(function (e) {
    const td = d3.select(this);
    td.append('span').attr('class', `code q${e.quad_class}`).text(e.cameo);
    td.append('span').attr('class', 'label event').attr('title', e.label || '').text(e.label || '');
  });
  rows.append('td').each(function (e) { actorCell(d3.select(this), e.target); });
  const g = rows.append('td').attr('class', 'num');
  g.append('span').attr('class', (e) => `q${e.quad_class}`).text((e) => fmtGold(e.goldstein));
  g.append('br');
  g.append('span').attr('class', (e) => `chip ${e.mode}`).text((e) => e.mode);
  rows.append('td').attr('class', 'sentence').attr('title', (e) => (e.location ? `${e.location.name}: ${e.text}` : e.text))
    .append('div').text((e) => e.text);
  rows.on('click', (ev, e) => showEvent(e.id));
  const from = data.total ? data.offset + 1 : 0, to = data.offset + data.events.length;
  $('#count').textContent = `${from}–${to} of ${d3.format(',')(data.total)}`;
  $('#prev').disabled = data.offset === 0;
  $('#next').disabled = to >= data.total;
  d3.select('#events').attr('data-state', 'ready').attr('data-total', data.total);
}

async function showEvent(id) {
  state.selected = id;
  d3.selectAll('#events tbody tr').classed('selected', (e) => e.id === id);
  const d = await api('event', { id, ...Object.fromEntries(FILTERS.map((k) => [k, undefined])) });
  const e = d.event;
  const body = d3.select('#detail .body');
  body.selectAll('*').remove();
  const lg = body.append('div').attr('class', 'marks-legend');
  for (const [role, what] of [['source', 'source'], ['verb', 'verb'], ['target', 'target']]) lg.append('mark').attr('class', role).text(what);
  const p = body.append('p').attr('class', 'sentence');
  for (const s of d.sentence.segments) {
    if (s.role) p.append('mark').attr('class', s.role).attr('data-role', s.role).text(s.text);
    else p.append('span').text(s.text);
  }
  const dl = body.append('dl');
  const row = (k, v) => { if (v === undefined || v === null || v === '') return; dl.append('dt').text(k); dl.append('dd').text(v); };
  const who = (a) => (a ? `${a.code || '?'} (“${a.text}”${a.name ? `, ${a.name}` : ''}${a.role ? `, ${a.role}` : ''})` : '');
  row('date', e.date + (e.story_date && e.story_date !== e.date ? ` (story ${e.story_date})` : ''));
  row('source', who(e.source));
  row('event', `${e.cameo} ${e.label || ''}`);
  row('target', who(e.target));
  row('QuadClass', `${e.quad_class} ${QUADS[e.quad_class] || ''}`);
  row('Goldstein', fmtGold(e.goldstein));
  if (e.plover) row('PLOVER', [e.plover.event, e.plover.mode, e.plover.context].filter(Boolean).join(' · '));
  row('mode', e.mode);
  if (e.attribution) row('according to', who(e.attribution));
  if (e.location) row('where', [e.location.name, e.location.admin1, e.location.country].filter(Boolean).join(', '));
  if (e.amount) row('amount', `${e.amount.text}${e.amount.usd ? ` ≈ ${d3.format('$,.3s')(e.amount.usd).replace('G', 'B')}` : ''}`);
  for (const k of ['dead', 'injured', 'arrested', 'size', 'displaced']) row(k, e[k]);
  row('document', [d.document.title || d.document.id, d.document.publisher, d.document.date].filter(Boolean).join(' · '));
  row('sentence', `#${e.sentence}, bytes ${d.sentence.span[0]}–${d.sentence.span[1]}`);
  row('id', e.id);
  body.append('h2').text('evidence');
  body.append('div').attr('class', 'evidence').text(d.evidence || '');
  if ((d.mentions || []).length > 1) {
    body.append('h2').text(`reported ${d.mentions.length} times`);
    const ul = body.append('ul').attr('class', 'mentions');
    for (const m of d.mentions) ul.append('li').text(`${[m.publisher || m.doc, m.story_date].filter(Boolean).join(', ')}: ${m.text || m.id}`);
  }
  for (const c of d.conflicts) {
    body.append('h2').text('conflicting reports');
    body.append('div').attr('class', 'evidence').text((c.claims || []).map((x) => `${x.text} (${x.event})`).join('  vs  '));
  }
  d3.select('#detail').attr('data-state', 'ready').attr('data-id', id);
}

// ---- putting it together ----

async function refresh() {
  $('#error').hidden = true;
  for (const s of ['#timeline .chart', '#network .chart', '#map .chart', '#events']) d3.select(s).attr('data-state', 'loading');
  const jobs = [drawSummary(), drawTimeline(), drawNetwork(), drawMap(), drawEvents()];
  const results = await Promise.allSettled(jobs);
  const failed = results.find((r) => r.status === 'rejected');
  if (failed) {
    $('#error').textContent = failed.reason.message;
    $('#error').hidden = false;
  }
  document.body.dataset.ready = failed ? 'error' : 'ready';
}

async function main() {
  readHash();
  writeForm();
  $('#filters').addEventListener('submit', (ev) => { ev.preventDefault(); state.filters = readForm(); state.offset = 0; writeForm(); refresh(); });
  for (const name of ['root', 'plover', 'mode']) $(`#filters select[name=${name}]`).addEventListener('change', () => $('#filters').requestSubmit());
  $('#reset').addEventListener('click', () => { state.filters = {}; state.offset = 0; writeForm(); refresh(); });
  $('#grain').addEventListener('change', () => drawTimeline().catch(showError));
  $('#colour').addEventListener('change', () => drawTimeline().catch(showError));
  $('#where').addEventListener('change', () => drawMap().catch(showError));
  $('#prev').addEventListener('click', () => { state.offset = Math.max(0, state.offset - PAGE); drawEvents().catch(showError); });
  $('#next').addEventListener('click', () => { state.offset += PAGE; drawEvents().catch(showError); });
  let resize;
  window.addEventListener('resize', () => { clearTimeout(resize); resize = setTimeout(refresh, 250); });
  await fillSelects().catch(showError);
  writeForm();
  await refresh();
}

function showError(err) { $('#error').textContent = err.message; $('#error').hidden = false; }

main();
