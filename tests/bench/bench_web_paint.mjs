// The web console's load in Debian's chromium, for bench_web.sh: for Overview and for Hardware
// (10,000 devices in the store), a cold load (a new browser context: empty cache, nothing
// stored) and a warm reload in the same context, each RUNS times. Prints "BENCH web paint" lines
// with the medians: first contentful paint, the moment the page's data is on screen, the load
// event, bytes transferred and requests (navigation + resource timing). Fails when a page does
// not show its data, or a script error, CSP refusal or failed request happens; asserts no time.
// Env: NEOCLOUD_URL, NEOCLOUD_TOKEN (an operator-admin's), NEOCLOUD_BROWSER_OUT, BENCH_WEB_RUNS.

import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

// playwright-core is installed (pinned) for the browser tests; use that copy.
const require = createRequire(fileURLToPath(new URL('../browser/package.json', import.meta.url)));
const { chromium } = require('playwright-core');

const base = process.env.NEOCLOUD_URL;
const token = process.env.NEOCLOUD_TOKEN;
const runs = Number(process.env.BENCH_WEB_RUNS ?? 5);
if (!base || !token) throw new Error('NEOCLOUD_URL and NEOCLOUD_TOKEN come from bench_web.sh');

// What "the data is on screen" means for each page; evaluated in the page on every frame, it
// returns performance.now() once true.
const pages = [
  {
    name: 'overview',
    path: '/',
    shown: () => {
      const figure = document.querySelector('section.card[aria-label="Devices"] .figure');
      return figure && Number(figure.textContent) >= 10000 && !document.querySelector('.cards[aria-busy]') && performance.now();
    },
  },
  {
    name: 'hardware',
    path: '/hardware',
    shown: () => {
      const label = document.getElementById('page-label');
      return label && /of 10\d\d\d$/.test(label.textContent) && document.querySelectorAll('tbody tr').length > 0 && performance.now();
    },
  },
];

const problems = [];
function watch(page) {
  page.on('console', (message) => { if (message.type() === 'error') problems.push(`console: ${message.text()}`); });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    // Leaving a page (the warm reload, closing the context) aborts what it still loads: the live
    // stream always, and under load the favicon (/icons/logo.svg), which chromium fetches after
    // the load event. An abort is not a failure; every other error is.
    if (request.failure()?.errorText === 'net::ERR_ABORTED') return;
    problems.push(`failed request: ${request.url()} ${request.failure()?.errorText}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} for ${response.url()}`);
  });
}

// One load of `spec` in `page` (already navigated by `go`): the figures from the page's own timing.
async function measure(page, spec, go) {
  await go();
  const shownMs = await page.waitForFunction(spec.shown, null, { polling: 'raf', timeout: 60000 }).then((h) => h.jsonValue());
  await page.waitForLoadState('load');
  const figures = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const resources = performance.getEntriesByType('resource');
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    const all = [nav, ...resources];
    return {
      fcpMs: fcp ? fcp.startTime : null,
      loadMs: nav.loadEventEnd,
      bytes: all.reduce((sum, e) => sum + e.transferSize, 0),
      apiBytes: resources.filter((e) => e.name.includes('/api/')).reduce((sum, e) => sum + e.transferSize, 0),
      requests: all.length,
      fromNetwork: all.filter((e) => e.transferSize > 0).length,
    };
  });
  if (figures.fcpMs === null) throw new Error(`${spec.name}: chromium reported no first-contentful-paint`);
  return { ...figures, shownMs };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

function report(name, samples) {
  const m = (key) => median(samples.map((s) => s[key]));
  console.log(`BENCH web paint ${name.padEnd(16)} FCP ${m('fcpMs').toFixed(0).padStart(5)} ms  data shown ${m('shownMs').toFixed(0).padStart(5)} ms`
    + `  load ${m('loadMs').toFixed(0).padStart(5)} ms  ${m('bytes').toString().padStart(7)} B transferred (API ${m('apiBytes')} B)`
    + `  ${m('requests')} requests, ${m('fromNetwork')} over the network  (median of ${samples.length};`
    + ` FCP runs ${samples.map((s) => s.fcpMs.toFixed(0)).join(' ')})`);
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  for (const spec of pages) {
    const cold = [];
    const warm = [];
    for (let i = 0; i < runs; ++i) {
      // A new context is a new profile: no HTTP cache, no sessionStorage. The token is put where
      // the login page would leave it, so the measured load is the page's own.
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      await context.addInitScript(([t]) => {
        sessionStorage.setItem('neocloud.token', t);
        sessionStorage.setItem('neocloud.user', JSON.stringify({ username: 'admin', role: 'operator-admin' }));
      }, [token]);
      const page = await context.newPage();
      watch(page);
      cold.push(await measure(page, spec, () => page.goto(`${base}${spec.path}`)));
      warm.push(await measure(page, spec, () => page.reload()));
      if (i === 0) await page.screenshot({ path: `${process.env.NEOCLOUD_BROWSER_OUT ?? '.'}/bench-web-${spec.name}.png` });
      await context.close();
    }
    report(`${spec.name} cold`, cold);
    report(`${spec.name} warm`, warm);
  }
} finally {
  await browser.close();
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
