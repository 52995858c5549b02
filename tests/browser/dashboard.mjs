// The dashboard in a real browser: Debian's chromium driven by npm playwright-core loads the page
// served by `dyad serve` over the example store, checks each view against the API, filters,
// clicks an event, checks its marked sentence and saves a screenshot.
// usage: node tests/browser/dashboard.mjs BASE_URL SCREENSHOT.png
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { chromium } = createRequire(path.join(root, 'web', 'package.json'))('playwright-core');
const [base, shot] = process.argv.slice(2);
let failures = 0, passes = 0;
function check(ok, what) {
  if (ok) passes++; else failures++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
}
const api = async (p) => (await fetch(`${base}/api/${p}`)).json();

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1250 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
  await page.goto(`${base}/`, { waitUntil: 'load' });
  await page.waitForSelector('body[data-ready]', { timeout: 20000 });
  check(await page.getAttribute('body', 'data-ready') === 'ready', 'every view loaded without an error');

  const summary = await api('summary');
  check(await page.getAttribute('#summary', 'data-events') === String(summary.events), `summary shows ${summary.events} events`);

  // timeline: the bars add up to the number of events, and QuadClass 4 (material conflict) is there
  const bars = await page.$$eval('#timeline rect.bar', (rs) => rs.map((r) => ({ n: +r.dataset.count, key: r.dataset.key, period: r.dataset.period })));
  const barTotal = bars.reduce((s, b) => s + b.n, 0);
  check(bars.length > 0 && barTotal === summary.events, `timeline: ${bars.length} bars hold ${barTotal} of ${summary.events} events`);
  const months = await api('aggregate?by=month');
  check(new Set(bars.map((b) => b.period)).size === months.rows.length, `timeline: one column per month (${months.rows.length})`);
  check(bars.some((b) => b.key === '4'), 'timeline: material conflict (QuadClass 4) is shown');

  // network: nodes are the actors of the dyads, DEU -> MDA among them
  const dyads = (await api('aggregate?by=dyad&limit=300')).rows.filter((r) => r.source !== '-' && r.target !== '-' && r.source !== r.target);
  const codes = new Set(dyads.flatMap((r) => [r.source, r.target]));
  const nodes = await page.$$eval('#network .node', (ns) => ns.map((n) => n.dataset.code));
  check(nodes.length === codes.size && nodes.every((n) => codes.has(n)), `network: ${nodes.length} actors, as in /api/aggregate?by=dyad`);
  check(nodes.includes('DEU') && nodes.includes('MDA'), 'network: Germany and Moldova are in it');
  check(await page.$$eval('#network path.link', (l) => l.length) === dyads.length, `network: ${dyads.length} arrows`);

  // map: countries with located events are shaded (Belgium 056, Lithuania 440, China 156), Beijing is a dot
  const shaded = await page.$$eval('#map path.country.has-events', (ps) => ps.map((p) => p.dataset.id));
  check(await page.$$eval('#map path.country', (ps) => ps.length) > 150, 'map: the world\'s countries are drawn');
  check(['056', '440', '156'].every((id) => shaded.includes(id)), `map: Belgium, Lithuania, China shaded (${shaded.join(' ')})`);
  check(await page.$$eval('#map circle.place', (cs) => cs.map((c) => c.dataset.place)).then((ps) => ps.includes('Beijing')), 'map: Beijing has a dot');

  // table: every event (fewer than a page), newest first
  const rows = await page.$$eval('#events tbody tr', (trs) => trs.map((t) => t.dataset.id));
  check(rows.length === Math.min(50, summary.events), `table: ${rows.length} rows`);

  // a filter: actor MDA gives the events of /api/events?actor=MDA in the table and the timeline
  const mda = await api('events?actor=MDA&limit=100');
  await page.fill('#filters input[name=actor]', 'MDA');
  await page.evaluate(() => { delete document.body.dataset.ready; });
  await page.click('#filters button[type=submit]');
  await page.waitForSelector('body[data-ready]', { timeout: 20000 });
  const fRows = await page.$$eval('#events tbody tr', (trs) => trs.map((t) => t.dataset.id));
  check(fRows.length === mda.total && mda.events.every((e) => fRows.includes(e.id)), `filter actor=MDA: ${fRows.length} rows, as the API (${mda.total})`);
  check(await page.getAttribute('#timeline .chart', 'data-total') === String(mda.total), 'filter actor=MDA: the timeline follows');
  check((await page.evaluate(() => location.hash)).includes('actor=MDA'), 'filter is kept in the URL');

  // click an event: its sentence with source, verb and target marked
  const id = 'border-aid.txt-0-6-0';
  await page.click(`#events tbody tr[data-id="${id}"]`);
  await page.waitForSelector(`#detail[data-id="${id}"]`, { timeout: 10000 });
  const marks = await page.$$eval('#detail .sentence mark', (ms) => Object.fromEntries(ms.map((m) => [m.dataset.role, m.textContent])));
  check(marks.source === "Moldova's President Maia Sandu" && marks.verb === 'thanked' && marks.target === 'Germany',
    `event ${id}: marked ${JSON.stringify(marks)}`);
  check((await page.textContent('#detail .evidence')).includes('on verb "thanked"'), 'event: the evidence is shown');
  // the aid pledge the headline and the body both report: one event, its two reports listed
  const aid = 'border-aid.txt-0-0-0';
  await page.click(`#events tbody tr[data-id="${aid}"]`);
  await page.waitForSelector(`#detail[data-id="${aid}"]`, { timeout: 10000 });
  const reports = await page.$$eval('#detail .mentions li', (ls) => ls.map((l) => l.textContent));
  check(reports.length === 2 && reports[1].includes('Germany is ready to provide Moldova'), `event ${aid}: ${reports.length} reports listed`);

  // back to everything, pick the Beijing meeting for the picture
  await page.evaluate(() => { delete document.body.dataset.ready; });
  await page.click('#reset');
  await page.waitForSelector('body[data-ready]', { timeout: 20000 });
  await page.click('#events tbody tr[data-id="sanctions.txt-0-3-2"]');
  await page.waitForSelector('#detail[data-id="sanctions.txt-0-3-2"]', { timeout: 10000 });
  await page.mouse.move(0, 0);
  if (shot) await page.screenshot({ path: shot, fullPage: true });
  check(errors.length === 0, `no page errors${errors.length ? ': ' + errors.join('; ') : ''}`);
} finally {
  await browser.close();
}
console.log(`${passes} passed, ${failures} failed`);
process.exit(failures ? 1 : 0);
