// Pinned BMC certificates in the web console, in Debian's chromium against the fixture's
// neocloud-server. The demo lab's BMCs speak plain HTTP, so this file starts a BMC of its own:
// node's https serving the repository's Redfish fixture (dmtf-public-rackmount1) with a
// self-signed certificate made by openssl, and a real discovery scan of it pins that
// certificate. Then: Settings lists the pin with its device; an operator admin forgets it through
// the dialog (Cancel first); a viewer gets no buttons; a device's page shows the fingerprint and
// forgets it; one forgotten elsewhere meanwhile is refused in the API's words; a list of
// thousands is filtered and paged; axe-core light and dark; 768 px wide.
// pinKey and displayedSha256 are also checked, without a browser, against the C++ unit test's cases.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { displayedSha256, pinKey } from '../../resources/web/js/certificatePin.js';
import { axeAuditor, base, callWith, labScanned, launchChromium, adminPassword as password, picture as pictureOf, signInAs, signInAsAdmin, signInToApi, until } from './support.mjs';

const fixture = fileURLToPath(new URL('../fixtures/redfish/dmtf-public-rackmount1/', import.meta.url));
const forgetWords = 'The next scan or BMC page then trusts the certificate this address presents, whoever presents it';

let browser;
let token;
let certificates; // the temporary folder of the BMC's key and certificate
let bmc; // the https server
let bmcUrl;
let host; // its pin's key, host:port
let sha256; // the certificate's SHA-256, lowercase hex, as openssl and node read it
const problems = [];

const call = (method, path, body) => callWith(token, method, path, body);

// A Redfish BMC over HTTPS as backend/lab/RedfishServer serves a fixture folder: the resource at
// /redfish/v1/<path> is <folder>/<path>/index.json; sessions are opened for any credentials.
function redfishAnswer(request, response) {
  const route = new URL(request.url, 'https://bmc').pathname.replace(/\/+/g, '/').replace(/(.)\/$/, '$1');
  const json = (status, body, headers = {}) => {
    response.writeHead(status, { 'Content-Type': 'application/json', 'OData-Version': '4.0', ...headers });
    response.end(typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body));
  };
  request.resume();
  if (request.method === 'POST' && route.endsWith('/SessionService/Sessions')) {
    return json(201, { '@odata.id': `${route}/1`, Id: '1', UserName: 'admin' }, { 'X-Auth-Token': 'browser-test', Location: `${route}/1` });
  }
  if (request.method === 'DELETE') return json(204, '');
  const relative = route === '/redfish' ? '' : route.replace(/^\/redfish\/v1\/?/, '');
  const file = path.join(fixture, relative, 'index.json');
  if (!route.startsWith('/redfish') || relative.split('/').includes('..') || !existsSync(file)) {
    return json(404, { error: { code: 'Base.1.8.ResourceMissingAtURI', message: `No resource at ${route}.` } });
  }
  return json(200, readFileSync(file));
}

async function startBmc() {
  certificates = mkdtempSync(path.join(tmpdir(), 'neocloud-bmc-'));
  const key = path.join(certificates, 'key.pem');
  const cert = path.join(certificates, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2',
    '-subj', '/CN=bmc-browser-test'], { stdio: 'ignore' });
  sha256 = new X509Certificate(readFileSync(cert)).fingerprint256.replaceAll(':', '').toLowerCase();
  bmc = createServer({ key: readFileSync(key), cert: readFileSync(cert) }, redfishAnswer);
  await new Promise((resolve) => bmc.listen(0, '127.0.0.1', resolve));
  bmcUrl = `https://127.0.0.1:${bmc.address().port}`;
  host = `127.0.0.1:${bmc.address().port}`;
}

// A discovery scan of the BMC, as an operator starts one; its certificate is pinned on first use.
async function scanBmc() {
  const scan = await call('POST', '/discovery/scans', {
    targets: [{ kind: 'redfish', url: bmcUrl, verifyTls: false, username: 'admin', password: 'password' }],
  });
  assert.equal(scan.status, 202, JSON.stringify(scan.json));
  const done = await until('the scan of the HTTPS BMC', async () => {
    const state = (await call('GET', `/discovery/scans/${scan.json.id}`)).json;
    return ['succeeded', 'partial', 'failed'].includes(state.state) && state;
  }, 60000);
  assert.equal(done.state, 'succeeded', JSON.stringify(done));
}

const pinOf = async () => (await call('GET', '/bmc-certificates')).json.items.find((pin) => pin.host === host);

// `expected`: a console error the test asks for (the browser logs every refused request).
function watch(page, expected) {
  page.on('console', (message) => {
    if (message.type() !== 'error' || expected?.test(message.text())) return;
    problems.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
}

async function openPage(where, { role = 'operator-admin', expected, ...options } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  if (role === 'operator-admin') await signInAsAdmin(context, token);
  else await signInAs(context, { token, user: { username: 'admin', role } });
  const page = await context.newPage();
  watch(page, expected);
  await page.goto(`${base}${where}`);
  return { context, page };
}

async function settingsPage(options) {
  const opened = await openPage('/settings', options);
  await opened.page.getByRole('heading', { level: 2, name: 'BMC certificates' }).waitFor();
  await opened.page.waitForFunction(() => !/Loading…/.test(document.body.innerText));
  return opened;
}

const certificatesTable = (page) => page.getByRole('region', { name: 'BMC certificates' }).getByRole('table');
const rowOf = (page, pinHost) => certificatesTable(page).getByRole('row').filter({ has: page.getByRole('rowheader', { name: pinHost, exact: true }) });
const focused = (page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent);

before(async () => {
  token = await signInToApi('admin', password);
  await labScanned(call);
  await startBmc();
  await scanBmc();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (bmc ? bmc.close(resolve) : resolve()));
  if (certificates) rmSync(certificates, { recursive: true, force: true });
});

test('pin keys and fingerprints are made as the backend makes them (the C++ unit test\'s cases)', () => {
  assert.equal(pinKey('https://10.0.0.5/redfish/v1'), '10.0.0.5:443');
  assert.equal(pinKey('https://bmc-7.lab:8443/'), 'bmc-7.lab:8443');
  assert.equal(pinKey('http://127.0.0.1:9001'), '127.0.0.1:9001');
  // Beyond the C++ table, QUrl's ways: host() drops an IPv6 address's brackets and writes it
  // compressed, lowercases a name; port(443) keeps a written default port (":80" of http), which URL drops.
  assert.equal(pinKey('https://[fd00:0:0::11]:8443/redfish'), 'fd00::11:8443');
  assert.equal(pinKey('https://[fd00::11]/'), 'fd00::11:443');
  assert.equal(pinKey('https://BMC-7.Lab:443'), 'bmc-7.lab:443');
  assert.equal(pinKey('http://bmc:80/'), 'bmc:80');
  assert.equal(pinKey('not a url'), '');
  const hex = '0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9';
  assert.equal(displayedSha256(hex), hex.toUpperCase().match(/../g).join(':'));
  assert.equal(displayedSha256(displayedSha256(hex).toLowerCase()), displayedSha256(hex));
  assert.equal(displayedSha256('not a fingerprint'), 'not a fingerprint');
});

test('the scan pinned the BMC\'s certificate, and Settings lists it with its device', async () => {
  const pin = await pinOf();
  assert.ok(pin, `a pin for ${host}`);
  assert.equal(pin.sha256, sha256, 'the certificate the BMC presented');
  assert.equal(pin.devices.length, 1, JSON.stringify(pin));
  const { context, page } = await settingsPage();
  const row = rowOf(page, host);
  await row.waitFor();
  assert.equal(await row.getByRole('cell').nth(0).innerText(), displayedSha256(sha256));
  const link = row.getByRole('link', { name: pin.devices[0].name });
  assert.equal(await link.getAttribute('href'), `/devices/${encodeURIComponent(pin.devices[0].id)}`);
  assert.equal(await row.locator('time').getAttribute('datetime'), pin.pinnedAt);
  assert.equal(await row.locator('time').innerText(), await page.evaluate((iso) => new Date(iso).toLocaleString(), pin.pinnedAt));
  // The dashboards stay as they were, above.
  await page.getByRole('heading', { level: 2, name: 'Dashboards' }).waitFor();
  await pictureOf(page, 'web-bmc-certificates.png');
  await link.click();
  await page.getByRole('heading', { level: 1, name: pin.devices[0].name }).waitFor();
  await context.close();
});

test('an operator admin forgets the pin through the dialog: Cancel first, then Forget certificate', async () => {
  const { context, page } = await settingsPage();
  const forget = rowOf(page, host).getByRole('button', { name: `Forget the certificate of ${host}` });
  await forget.click();
  const dialog = page.getByRole('dialog', { name: `Forget the certificate of ${host}?` });
  await dialog.waitFor();
  const words = await dialog.innerText();
  assert.ok(words.includes(forgetWords) && words.includes(`Pinned now: ${displayedSha256(sha256)}`), words);
  assert.equal(await focused(page), 'Cancel', 'a hurried Enter changes nothing');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await focused(page), `Forget the certificate of ${host}`, 'the focus is back on the button');
  assert.equal((await pinOf())?.sha256, sha256, 'Cancel forgets nothing');

  await page.keyboard.press('Enter');
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Forget certificate' }).click();
  await rowOf(page, host).waitFor({ state: 'detached' });
  await page.getByRole('status').filter({ hasText: `Forgot the certificate of ${host}` }).waitFor();
  assert.ok(await page.evaluate(() => document.activeElement !== document.body), 'the focus is somewhere, not lost');
  const pins = (await call('GET', '/bmc-certificates')).json;
  assert.equal(pins.items.filter((pin) => pin.host === host).length, 0, JSON.stringify(pins));
  // Forgetting it again is refused in the API's words.
  assert.equal((await call('DELETE', `/bmc-certificates/${encodeURIComponent(host)}`)).status, 404);
  await context.close();
});

test('an operator viewer sees the pins without Forget buttons, in Settings and on the device\'s page', async () => {
  await scanBmc(); // pinned anew: the next certificate is trusted on first use
  const pin = await pinOf();
  assert.equal(pin?.sha256, sha256);
  const { context, page } = await settingsPage({ role: 'operator-viewer' });
  await rowOf(page, host).waitFor();
  await page.getByText('an operator administrator can forget one').waitFor();
  assert.equal(await page.getByRole('button', { name: /^Forget/ }).count(), 0);
  await page.goto(`${base}/devices/${encodeURIComponent(pin.devices[0].id)}`);
  const fact = page.locator('#device-certificate');
  await fact.getByText(displayedSha256(sha256)).waitFor();
  assert.equal(await page.getByRole('button', { name: /^Forget/ }).count(), 0);
  await context.close();
});

test('a device\'s page shows its BMC\'s fingerprint and forgets it', async () => {
  const pin = await pinOf();
  assert.ok(pin, 'pinned again by the viewer test\'s scan');
  const device = (await call('GET', `/devices/${encodeURIComponent(pin.devices[0].id)}`)).json;
  assert.equal(pinKey(device.bmcUrl), host, device.bmcUrl);
  const { context, page } = await openPage(`/devices/${encodeURIComponent(device.id)}`);
  const fact = page.locator('#device-certificate');
  await fact.getByText(displayedSha256(sha256)).waitFor();
  assert.equal(await page.locator('dt', { hasText: 'Certificate' }).count(), 1);
  const forget = page.getByRole('button', { name: 'Forget certificate…' });
  await page.waitForFunction(() => !/Loading…/.test(document.body.innerText));
  await pictureOf(page, 'web-device-certificate.png');
  assert.match(await page.locator(`#${await forget.getAttribute('aria-describedby')}`).innerText(), /replaced on purpose/);
  await forget.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: `Forget the certificate of ${host}?` });
  await dialog.waitFor();
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await focused(page), 'Forget certificate…');
  await page.keyboard.press('Enter');
  await dialog.waitFor();
  await page.keyboard.press('Tab'); // Cancel → Forget certificate
  await page.keyboard.press('Enter');
  await fact.getByText('Not pinned yet: the next scan or visit trusts what it presents').waitFor();
  await page.getByRole('status').filter({ hasText: `Forgot the certificate of ${host}` }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'device-certificate');
  assert.equal(await pinOf(), undefined);
  await context.close();
});

test('a pin forgotten elsewhere meanwhile: the refusal in the API\'s words, and the row goes', async () => {
  await scanBmc();
  const { context, page } = await settingsPage({ expected: /status of 404/ });
  const row = rowOf(page, host);
  await row.getByRole('button', { name: `Forget the certificate of ${host}` }).click();
  const dialog = page.getByRole('dialog', { name: `Forget the certificate of ${host}?` });
  await dialog.waitFor();
  // Another operator forgets it while this one reads the warning.
  assert.equal((await call('DELETE', `/bmc-certificates/${encodeURIComponent(host)}`)).status, 204);
  const refusal = (await call('DELETE', `/bmc-certificates/${encodeURIComponent(host)}`)).json.error;
  await dialog.getByRole('button', { name: 'Forget certificate' }).click();
  const alert = page.getByRole('region', { name: 'BMC certificates' }).getByRole('alert');
  await alert.waitFor();
  assert.equal(await alert.innerText(), `Error 404: ${refusal.message} (${refusal.code})`);
  await row.waitFor({ state: 'detached' });
  assert.ok(await page.evaluate(() => document.activeElement !== document.body), 'the focus is somewhere, not lost');
  await context.close();
});

test('thousands of pins are filtered and paged, not drawn at once', async () => {
  const hex = (i) => i.toString(16).padStart(64, '0');
  const items = Array.from({ length: 3000 }, (_, i) => ({
    host: `10.${(i >> 8) & 255}.${i & 255}.1:443`, sha256: hex(i * 7919 + 1), pinnedAt: '2026-05-01T10:00:00Z',
    devices: [{ id: `dev-${i}`, name: `gpu-${String(i).padStart(4, '0')}` }],
  }));
  // The real server has one HTTPS BMC: this answer stands for a large site's.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await signInAsAdmin(context, token);
  await context.route('**/api/v1/bmc-certificates', (route) => route.fulfill({ json: { items, total: items.length } }));
  const page = await context.newPage();
  watch(page);
  const started = Date.now();
  await page.goto(`${base}/settings`);
  const caption = certificatesTable(page).locator('caption');
  await caption.getByText('1–50 of 3,000 certificates').waitFor();
  console.log(`# 3,000 pins: Settings drawn in ${Date.now() - started} ms`);
  assert.equal(await certificatesTable(page).locator('tbody tr').count(), 50);
  await page.getByRole('button', { name: 'Next' }).click();
  await caption.getByText('51–100 of 3,000 certificates').waitFor();
  await rowOf(page, items[50].host).waitFor();
  await page.getByLabel('Filter').fill('gpu-2999');
  await caption.getByText('1 certificate matching “gpu-2999”').waitFor();
  assert.equal(await page.getByRole('navigation', { name: 'Certificate pages' }).isVisible(), false);
  await page.getByLabel('Filter').fill(displayedSha256(items[7].sha256).slice(-23).toLowerCase());
  await rowOf(page, items[7].host).waitFor();
  await context.close();
});

test('the certificates pass axe-core\'s WCAG 2 AA rules, light and dark, and fit 768 px', async () => {
  await scanBmc();
  const pin = await pinOf();
  const axe = axeAuditor();
  for (const colorScheme of ['light', 'dark']) {
    const { context, page } = await settingsPage({ bypassCSP: true, colorScheme });
    await rowOf(page, host).waitFor();
    await axe.audit(page, `${colorScheme} /settings`);
    await rowOf(page, host).getByRole('button', { name: `Forget the certificate of ${host}` }).click();
    await page.getByRole('dialog').waitFor();
    await axe.audit(page, `${colorScheme} forget dialog`);
    await page.keyboard.press('Escape');
    await page.goto(`${base}/devices/${encodeURIComponent(pin.devices[0].id)}`);
    await page.locator('#device-certificate').getByText(displayedSha256(sha256)).waitFor();
    await page.waitForFunction(() => !/Loading…/.test(document.body.innerText));
    await axe.audit(page, `${colorScheme} device page`);
    await context.close();
  }
  assert.equal(axe.audited, 6);
  assert.deepEqual(axe.violations, []);

  const { context, page } = await settingsPage({ viewport: { width: 768, height: 1024 } });
  await rowOf(page, host).waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the page is ${overflow} px wider than a 768 px window`);
  const button = rowOf(page, host).getByRole('button', { name: `Forget the certificate of ${host}` });
  assert.ok(await button.isVisible());
  await context.close();
});

test('nothing failed on the certificate pages', () => {
  assert.deepEqual(problems, []);
});
