// Time to first draw of the web console's Topology graph at 10,002 devices, in Debian's
// chromium (printed figures, nothing asserted). The console and every other route come from
// a real neocloud-server (the browser tests' fixture); GET /api/v1/topology and /racks are
// answered by the browser with a site shaped like bench_hardware_view's (250 racks × 40
// devices + 2 spines, tests/browser/benchTopology.mjs), since filling the server with 10,000
// devices takes minutes and this measures the page, not the server.
//
//   tests/browser/server.sh start build/bin/neocloud-server /tmp/bench.env
//   (set -a; . /tmp/bench.env; node tests/bench/web_topology_bench.mjs)
//   tests/browser/server.sh stop /tmp/bench.env

import { createRequire } from 'node:module';
import { benchTopology } from '../browser/benchTopology.mjs';

const require = createRequire(new URL('../browser/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const base = process.env.NEOCLOUD_URL;
const password = process.env.NEOCLOUD_ADMIN_PASSWORD;
const runs = Number(process.env.BENCH_RUNS ?? 3);
if (!base || !password) {
  console.error('NEOCLOUD_URL and NEOCLOUD_ADMIN_PASSWORD are needed (tests/browser/server.sh start writes them)');
  process.exit(2);
}

const login = await fetch(`${base}/api/v1/auth/login`, {
  method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'admin', password }),
});
const { token, user } = await login.json();
const { topology, racks } = benchTopology();
const topologyJson = JSON.stringify(topology);
const racksJson = JSON.stringify({ items: racks.map((r) => ({ ...r, site: 'bench', units: 42, devices: 40 })), total: racks.length });

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking'],
});
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const results = [];
for (let run = 0; run < runs; run += 1) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.addInitScript(([t, u]) => {
    sessionStorage.setItem('neocloud.token', t);
    sessionStorage.setItem('neocloud.user', JSON.stringify(u));
  }, [token, user]);
  await context.route(/\/api\/v1\/topology(\?|$)/, (route) => route.fulfill({ contentType: 'application/json', body: topologyJson }));
  await context.route(/\/api\/v1\/racks(\?|$)/, (route) => route.fulfill({ contentType: 'application/json', body: racksJson }));
  const page = await context.newPage();
  await page.goto(`${base}/topology`);
  await page.waitForFunction(() => {
    const c = document.getElementById('topology-canvas');
    return c && c.dataset.nodes === '10002' && Number(c.dataset.draws) >= 1;
  }, null, { timeout: 120000 });
  const first = await page.evaluate(() => {
    const c = document.getElementById('topology-canvas');
    const fetched = performance.getEntriesByType('resource').find((e) => /\/api\/v1\/topology/.test(e.name));
    return { atMs: performance.now(), fetchMs: fetched ? fetched.responseEnd - fetched.startTime : NaN, layoutMs: Number(c.dataset.layoutMs), drawMs: Number(c.dataset.drawMs) };
  });
  // Redraws after zooming in (culling leaves most nodes out) and out again (all in view).
  const canvas = page.locator('#topology-canvas');
  await canvas.focus();
  const redraw = async (key) => {
    const before = Number(await canvas.getAttribute('data-draws'));
    await page.keyboard.press(key);
    await page.waitForFunction((n) => Number(document.getElementById('topology-canvas').dataset.draws) > n, before);
    return Number(await canvas.getAttribute('data-draw-ms'));
  };
  for (let i = 0; i < 6; i += 1) await redraw('+');
  const zoomedIn = await redraw('+');
  const fitted = await redraw('0');
  const searchStart = Date.now();
  await page.getByLabel('Find a device').fill('node-200-17');
  await page.getByLabel('Find a device').press('Enter');
  await page.locator('#topology-selected').getByRole('heading', { name: /node-200-17/ }).waitFor();
  const searchMs = Date.now() - searchStart;
  results.push({ ...first, zoomedIn, fitted, searchMs });
  await context.close();
}
await browser.close();

console.log(`figure: topology of 10,002 devices and 10,250 links (${(topologyJson.length / 1e6).toFixed(2)} MB of JSON), median of ${runs} cold loads in chromium:`);
console.log(`figure:   first draw ${median(results.map((r) => r.atMs)).toFixed(0)} ms after navigation start (of which fetching the topology ${median(results.map((r) => r.fetchMs)).toFixed(0)} ms, layout ${median(results.map((r) => r.layoutMs)).toFixed(0)} ms, first frame ${median(results.map((r) => r.drawMs)).toFixed(0)} ms)`);
console.log(`figure:   redraw all in view ${median(results.map((r) => r.fitted)).toFixed(1)} ms, zoomed in ${median(results.map((r) => r.zoomedIn)).toFixed(1)} ms; search to selected ${median(results.map((r) => r.searchMs))} ms`);
for (const [i, r] of results.entries()) console.log(`run ${i + 1}: ${JSON.stringify(r)}`);
