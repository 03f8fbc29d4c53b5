// Dashboards in the web console, in Debian's chromium against the fixture's neocloud-server: an
// operator admin lists them in Settings, one is refused beside the field the 422 names, two are
// saved with PUT; a device's page then links to each, filled from the device and opened in a new
// tab with no way back (noopener); an operator viewer's page only shows them. axe-core on the
// new page, light and dark. The link filling is also checked, without a browser, against the
// cases of the C++ unit test (tst_dashboard_links), so both consoles open the same address.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { bmcHost, fillDashboardUrl } from '../../resources/web/js/dashboardLinks.js';
import { axeAuditor, base, callWith, labScanned, launchChromium, out, adminPassword as password, picture as pictureOf, signInAs, signInAsAdmin, signInToApi, until } from './support.mjs';

let browser;
let token;
let saved; // the dashboards before these tests, put back after them
const problems = [];

const call = (method, path, body) => callWith(token, method, path, body);

const grafana = { name: 'Grafana node', urlTemplate: 'https://grafana.example/d/node?var-host={name}&sn={serial}' };
const redfish = { name: 'BMC Redfish', urlTemplate: 'https://{bmcHost}/redfish/v1/Systems?device={id}' };
const broken = { name: 'Files', urlTemplate: 'ftp://files.example/{name}' };

function watch(page) {
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (/Failed to load resource: the server responded with a status of 422/.test(message.text())) return; // the refusal asked for
    problems.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
}

async function settingsPage({ role = 'operator-admin', ...options } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  if (role === 'operator-admin') await signInAsAdmin(context, token);
  else await signInAs(context, { token, user: { username: 'admin', role } });
  const page = await context.newPage();
  watch(page);
  await page.goto(`${base}/`);
  await page.getByRole('link', { name: 'Settings', exact: true }).click(); // beside the user, on every operator page
  await page.getByRole('heading', { level: 2, name: 'Dashboards' }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'Settings', exact: true }).getAttribute('aria-current'), 'page');
  await page.waitForFunction(() => !/Loading…/.test(document.body.innerText));
  return { context, page };
}

// Row `index` (0-based) of the editor: its fieldset, named by its legend.
const row = (page, index) => page.getByRole('group', { name: `Dashboard ${index + 1}` });

before(async () => {
  token = await signInToApi('admin', password);
  await labScanned(call);
  saved = (await call('GET', '/settings/dashboards')).json.items;
  assert.equal((await call('PUT', '/settings/dashboards', { items: [] })).status, 200);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await call('PUT', '/settings/dashboards', { items: saved ?? [] });
});

test('links are filled as the backend fills them (the C++ unit test\'s cases)', () => {
  const device = { id: 'dev-42', name: 'gpu 001&x=1', serial: 'SN/77', bmcUrl: 'https://10.0.0.11:8443/redfish' };
  const cases = [
    ['https://grafana.example/d/node?var-host={name}', 'https://grafana.example/d/node?var-host=gpu%20001%26x%3D1'],
    ['http://g.example/s/{serial}/view', 'http://g.example/s/SN%2F77/view'],
    ['https://g.example/?bmc={bmcHost}&id={id}', 'https://g.example/?bmc=10.0.0.11&id=dev-42'],
    ['https://g.example/{id}/{id}', 'https://g.example/dev-42/dev-42'],
    ['https://g.example/home', 'https://g.example/home'],
    // Beyond the C++ table: trimmed, QUrl::toPercentEncoding's set (encodeURIComponent keeps !'()*), UTF-8.
    ['  https://g.example/{name}  ', 'https://g.example/gpu%20001%26x%3D1'],
  ];
  for (const [template, expected] of cases) assert.equal(fillDashboardUrl(template, device), expected, template);
  assert.equal(fillDashboardUrl('https://g/{name}', { name: "a!'()*é~" }), 'https://g/a%21%27%28%29%2A%C3%A9~');
  // Missing values become empty; unknown placeholders stay as written (the backend never stores one).
  assert.equal(fillDashboardUrl('https://g.example/?s={serial}&b={bmcHost}&n={name}', { id: 'd1', name: 'leaf-01' }), 'https://g.example/?s=&b=&n=leaf-01');
  assert.equal(fillDashboardUrl('https://g.example/{hostname}/{id}', { id: 'd1' }), 'https://g.example/{hostname}/d1');
  assert.equal(bmcHost('https://[fd00::11]:443/redfish'), 'fd00::11');
  assert.equal(bmcHost('not a url'), '');
});

test('an operator admin saves two dashboards; the refused one is named beside its field', async () => {
  const { context, page } = await settingsPage();
  await page.getByText('No dashboards: devices get no links.').waitFor();
  for (const [index, dashboard] of [grafana, redfish, broken].entries()) {
    await page.getByRole('button', { name: 'Add a dashboard' }).click();
    // A new row takes the focus at its name: keyboard users type on.
    assert.equal(await page.evaluate(() => document.activeElement.dataset.field), `items[${index}].name`);
    await row(page, index).getByLabel('Name').fill(dashboard.name);
    await row(page, index).getByLabel('URL template').fill(dashboard.urlTemplate);
  }
  await page.getByRole('button', { name: 'Save' }).click();
  const refused = await call('PUT', '/settings/dashboards', { items: [grafana, redfish, broken] });
  assert.equal(refused.status, 422, JSON.stringify(refused.json));
  assert.equal(refused.json.error.field, 'items[2].urlTemplate');
  const field = row(page, 2).getByLabel('URL template');
  await until('the refusal beside the third template', async () => (await field.getAttribute('aria-invalid')) === 'true');
  const id = await field.getAttribute('id');
  assert.equal(await page.locator(`#${id}-error`).innerText(), refused.json.error.message);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.field), 'items[2].urlTemplate');
  assert.equal(await row(page, 0).getByLabel('URL template').getAttribute('aria-invalid'), null);
  await pictureOf(page, 'web-dashboards.png');

  await row(page, 2).getByRole('button', { name: 'Remove Files' }).click();
  assert.equal(await row(page, 2).count(), 0);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.field), 'items[1].name', 'the focus moves to the row before');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('status').filter({ hasText: 'Saved: 2 dashboards.' }).waitFor();
  assert.deepEqual((await call('GET', '/settings/dashboards')).json.items, [grafana, redfish]);
  await context.close();
});

test('a device\'s page links to each dashboard, filled from the device, in a tab of its own', async () => {
  const device = (await call('GET', '/devices?kind=gpu-server&limit=1')).json.items[0];
  assert.ok(device?.serial && device?.bmcUrl, JSON.stringify(device));
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await signInAsAdmin(context, token);
  // The dashboards are made up: the new tab gets a page from here instead of the internet.
  await context.route('https://grafana.example/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Grafana</title>' }));
  const page = await context.newPage();
  watch(page);
  await page.goto(`${base}/devices/${encodeURIComponent(device.id)}`);
  const links = page.getByRole('list', { name: 'Dashboards' });
  await links.waitFor();
  const open = page.getByRole('link', { name: 'Open Grafana node' });
  // Written out here, not by the page's function: the API's values, encodeURIComponent's way
  // (the lab's names and serials have none of the characters where the two rules differ).
  const expected = `https://grafana.example/d/node?var-host=${encodeURIComponent(device.name)}&sn=${encodeURIComponent(device.serial)}`;
  assert.equal(await open.getAttribute('href'), expected);
  assert.equal(await open.getAttribute('target'), '_blank');
  assert.match(await open.getAttribute('rel'), /\bnoopener\b/);
  assert.equal(await page.getByRole('link', { name: 'Open BMC Redfish' }).getAttribute('href'),
    `https://${new URL(device.bmcUrl).hostname}/redfish/v1/Systems?device=${encodeURIComponent(device.id)}`);

  const opened = context.waitForEvent('page');
  await open.click();
  const tab = await opened;
  await tab.waitForLoadState();
  assert.equal(tab.url(), expected);
  assert.equal(await tab.evaluate(() => window.opener), null, 'the dashboard cannot reach back into the console');
  await context.close();
});

test('an operator viewer reads the dashboards without a form', async () => {
  const { context, page } = await settingsPage({ role: 'operator-viewer' });
  await page.getByText('an operator administrator can change them').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Save' }).count(), 0);
  assert.equal(await page.getByRole('button', { name: 'Add a dashboard' }).count(), 0);
  const text = await page.locator('main').innerText();
  assert.ok(text.includes(grafana.urlTemplate) && text.includes(redfish.name), text);
  await context.close();
});

test('the settings page and a device\'s links pass axe-core\'s WCAG 2 AA rules, light and dark', async () => {
  const device = (await call('GET', '/devices?kind=gpu-server&limit=1')).json.items[0];
  const axe = axeAuditor();
  const audit = (page, where) => axe.audit(page, where);
  for (const colorScheme of ['light', 'dark']) {
    const { context, page } = await settingsPage({ bypassCSP: true, colorScheme });
    await row(page, 1).waitFor();
    // With a refusal on show, as a user would meet it.
    await row(page, 1).getByLabel('Name').fill(grafana.name.toLowerCase());
    await page.getByRole('button', { name: 'Save' }).click();
    await until('the duplicate name refused', async () => (await row(page, 1).getByLabel('Name').getAttribute('aria-invalid')) === 'true');
    await audit(page, `${colorScheme} /settings`);
    await page.goto(`${base}/devices/${encodeURIComponent(device.id)}`);
    await page.getByRole('list', { name: 'Dashboards' }).waitFor();
    await page.waitForFunction(() => !/Loading…/.test(document.body.innerText));
    await audit(page, `${colorScheme} device page`);
    await context.close();
  }
  assert.equal(axe.audited, 4);
  assert.deepEqual(axe.violations, []);
  assert.deepEqual((await call('GET', '/settings/dashboards')).json.items, [grafana, redfish], 'a refused save changes nothing');
});

test('nothing failed on the dashboards pages', () => {
  assert.deepEqual(problems, []);
});
