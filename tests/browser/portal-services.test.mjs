// A tenant admin runs its own services from the portal, in Debian's chromium against the
// fixture's neocloud-server: it enables one (a bad bucket name refused beside its field first)
// and watches it turn active without a reload, is refused beside the kind once its maxServices
// quota is used up, and disables one after a dialog that names it, by keyboard, the focus going
// back where it was. A tenant viewer gets no such buttons and the backend refuses its writes
// (403). axe-core on the page and on the dialog, light and dark. Every message compared is the
// API's own answer to the same request, read in the same test.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  axeAuditor, base, callWith, labScanned, launchChromium, loginAs, out, adminPassword as password, signInAs, signInToApi, until,
} from './support.mjs';

// Names no other test file uses, unique per run so a rerun against the same server works.
const suffix = String(Date.now() % 100000);
const tenantName = `acorn-${suffix}`;
const firstBucket = `acorn-${suffix}-data`;
const tableBucket = `acorn-${suffix}-tables`;

let browser;
let adminToken;
let tenant;
let tenantAdmin; // {token, user} from the login route
let tenantViewer;
const problems = [];

const call = (method, path, body) => callWith(adminToken, method, path, body);

function watch(page) {
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // The refusals these tests provoke on purpose are logged by chromium as failed loads.
    if (/Failed to load resource: the server responded with a status of (403|409|422)/.test(message.text())) return;
    problems.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    if (!request.url().startsWith(base)) problems.push(`request outside the server: ${request.url()}`);
  });
}

async function portalPage(who, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  await signInAs(context, who);
  const page = await context.newPage();
  watch(page);
  await page.goto(`${base}/services`);
  await page.getByRole('heading', { level: 1, name: 'Services' }).waitFor();
  await page.locator('.portal-service').first().waitFor();
  return { context, page };
}

// The error paragraph forms.js keeps beside the control labelled `label`.
async function errorBeside(page, label) {
  const control = page.getByLabel(label, { exact: true });
  return { control, message: page.locator(`#${await control.getAttribute('id')}-error`) };
}

before(async () => {
  adminToken = await signInToApi('admin', password);
  await labScanned(call);
  const made = await call('POST', '/tenants', { name: tenantName, displayName: `Acorn ${suffix}`, quotas: { capacityBytes: 2e13, gpus: 0, maxServices: 2 } });
  assert.equal(made.status, 201, JSON.stringify(made.json));
  tenant = made.json;
  const first = await call('POST', `/tenants/${tenant.id}/services`, { kind: 'object-storage', params: { bucket: firstBucket } });
  assert.equal(first.status, 202, JSON.stringify(first.json));
  await until('the first service to be active', async () => (await call('GET', `/services/${first.json.id}`)).json.state === 'active');
  for (const [username, role] of [[`acorn-admin-${suffix}`, 'tenant-admin'], [`acorn-viewer-${suffix}`, 'tenant-viewer']]) {
    const user = await call('POST', `/tenants/${tenant.id}/users`, { username, password: `${username}-long-password`, role });
    assert.equal(user.status, 201, JSON.stringify(user.json));
  }
  tenantAdmin = await loginAs(`acorn-admin-${suffix}`, `acorn-admin-${suffix}-long-password`);
  tenantViewer = await loginAs(`acorn-viewer-${suffix}`, `acorn-viewer-${suffix}-long-password`);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

test('a tenant admin enables a service: a bad name is refused beside its field, then it turns active live', async () => {
  const { context, page } = await portalPage(tenantAdmin);
  const form = page.getByRole('region', { name: 'Enable a service' });
  await form.getByLabel('Service kind').selectOption('database');
  const bucket = await errorBeside(page, 'Bucket');
  await bucket.control.fill('Not_A_Bucket!');
  await form.getByRole('button', { name: 'Enable', exact: true }).click();
  const refusedBody = { kind: 'database', params: { bucket: 'Not_A_Bucket!', schemas: ['raw', 'curated'] } };
  const refused = await callWith(tenantAdmin.token, 'POST', `/tenants/${tenant.id}/services?dryRun=true`, refusedBody);
  assert.equal(refused.status, 422, JSON.stringify(refused.json));
  assert.equal(refused.json.error.field, 'params.bucket');
  await until('the refusal beside the bucket', async () => (await bucket.control.getAttribute('aria-invalid')) === 'true');
  assert.equal(await bucket.message.innerText(), refused.json.error.message);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.field), 'params.bucket');

  await page.evaluate(() => { window.notReloaded = true; });
  await bucket.control.fill(tableBucket);
  await form.getByRole('button', { name: 'Enable', exact: true }).click();
  await page.locator('#portal-enable-result', { hasText: 'Enabling database' }).waitFor();
  const card = page.locator('.portal-service[data-kind="database"]');
  await card.locator('.badge-active').first().waitFor({ timeout: 30000 });
  await card.getByText(/connector\.name=vast/).first().waitFor();
  assert.equal(await bucket.control.getAttribute('aria-invalid'), null, 'the refusal is cleared');
  assert.equal(await page.evaluate(() => window.notReloaded), true, 'followed live, not reloaded');
  const database = (await call('GET', `/tenants/${tenant.id}/services`)).json.items.find((s) => s.kind === 'database');
  assert.equal(database.state, 'active');
  assert.equal(database.params.bucket, tableBucket);
  await context.close();
});

test('the maxServices quota, used up, is refused beside the kind in the API\'s words', async () => {
  const { context, page } = await portalPage(tenantAdmin);
  const form = page.getByRole('region', { name: 'Enable a service' });
  const kind = await errorBeside(page, 'Service kind');
  await kind.control.selectOption('telemetry');
  await form.getByRole('button', { name: 'Enable', exact: true }).click();
  const refused = await callWith(tenantAdmin.token, 'POST', `/tenants/${tenant.id}/services?dryRun=true`, { kind: 'telemetry', params: {} });
  assert.equal(refused.status, 409, JSON.stringify(refused.json));
  assert.equal(refused.json.error.code, 'quota_exceeded');
  await until('the refusal beside the kind', async () => (await kind.control.getAttribute('aria-invalid')) === 'true');
  assert.equal(await kind.message.innerText(), refused.json.error.message);
  assert.match(await form.getByRole('alert').innerText(), /Error 409: .*maxServices/);
  assert.equal((await call('GET', `/tenants/${tenant.id}/services`)).json.items.filter((s) => s.state !== 'disabled').length, 2);
  await form.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${out}/web-portal-enable.png`, fullPage: true, animations: 'disabled' });
  await context.close();
});

test('disabling asks first, naming the service; keyboard only, the focus goes back', async () => {
  const { context, page } = await portalPage(tenantAdmin);
  const database = (await call('GET', `/tenants/${tenant.id}/services`)).json.items.find((s) => s.kind === 'database' && s.state === 'active');
  const disable = page.getByRole('button', { name: `Disable database ${tableBucket}` });
  await disable.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: `Disable database ${tableBucket}?` });
  await dialog.waitFor();
  assert.match(await dialog.innerText(), new RegExp(`Programs using database ${tableBucket} stop working`));
  // "Cancel" has the focus: Enter answers no, and the focus is back on the button.
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Cancel');
  await page.keyboard.press('Enter');
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), `Disable database ${tableBucket}`);
  assert.equal((await call('GET', `/services/${database.id}`)).json.state, 'active');
  // Escape answers no as well.
  await page.keyboard.press('Enter');
  await dialog.waitFor();
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  assert.equal((await call('GET', `/services/${database.id}`)).json.state, 'active');

  await page.keyboard.press('Enter');
  await dialog.waitFor();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Disable database');
  await page.keyboard.press('Enter');
  await until('the database to be disabled', async () => (await call('GET', `/services/${database.id}`)).json.state === 'disabled');
  await page.locator(`.portal-service[data-id="${database.id}"]`).waitFor({ state: 'detached', timeout: 30000 });
  assert.ok(await page.evaluate(() => document.activeElement !== document.body), 'the focus is somewhere, not lost');
  assert.equal(await page.getByRole('button', { name: `Disable object-storage ${firstBucket}` }).count(), 1);
  await context.close();
});

test('a tenant viewer sees the services without the buttons, and the backend refuses its writes', async () => {
  const { context, page } = await portalPage(tenantViewer);
  assert.equal(await page.getByRole('region', { name: 'Enable a service' }).count(), 0);
  assert.equal(await page.getByRole('button', { name: /^Disable / }).count(), 0);
  const service = (await call('GET', `/tenants/${tenant.id}/services`)).json.items.find((s) => s.state === 'active');
  const writes = await page.evaluate(async ([tenantId, serviceId]) => {
    const headers = { Authorization: `Bearer ${sessionStorage.getItem('neocloud.token')}`, 'Content-Type': 'application/json' };
    const enable = await fetch(`/api/v1/tenants/${tenantId}/services`, { method: 'POST', headers, body: JSON.stringify({ kind: 'telemetry', params: {} }) });
    const disable = await fetch(`/api/v1/services/${serviceId}`, { method: 'DELETE', headers });
    return [enable.status, disable.status];
  }, [tenant.id, service.id]);
  assert.deepEqual(writes, [403, 403]);
  assert.equal((await call('GET', `/services/${service.id}`)).json.state, 'active');
  await context.close();
});

test('the portal\'s services page and its dialog pass axe-core\'s WCAG 2 AA rules, light and dark', async () => {
  const axe = axeAuditor();
  const audit = (page, where) => axe.audit(page, where);
  for (const colorScheme of ['light', 'dark']) {
    const { context, page } = await portalPage(tenantAdmin, { bypassCSP: true, colorScheme });
    await page.getByRole('region', { name: 'Enable a service' }).getByLabel('Service kind').selectOption('object-storage');
    await page.waitForFunction(() => !/Loading…/.test(document.body.innerText));
    await audit(page, `${colorScheme} services`);
    await page.getByRole('button', { name: `Disable object-storage ${firstBucket}` }).click();
    await page.getByRole('dialog').waitFor();
    await audit(page, `${colorScheme} disable dialog`);
    await page.keyboard.press('Escape');
    await context.close();
  }
  assert.equal(axe.audited, 4);
  assert.deepEqual(axe.violations, []);
});

test('nothing failed in the portal\'s services', () => {
  assert.deepEqual(problems, []);
});
