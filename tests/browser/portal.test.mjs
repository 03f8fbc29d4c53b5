// The tenant portal in Debian's real chromium, against the neocloud-server the ctest fixture
// runs: a tenant admin signs in and sees only its own tenant (services with connection snippets,
// usage against quota, health and events in its own words), creates, rotates and revokes an S3
// key with the secret shown once; a tenant viewer sees the same without the buttons and the
// backend refuses its writes; a lab fault reaches the portal live without a word of hardware.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { axePath, base, callWith, labScanned, launchChromium, loginAs, out, adminPassword as password, signInAs, signInToApi, until } from './support.mjs';

const adminPassword = 'umbrella-admin-long-password';
const viewerPassword = 'umbrella-viewer-long-password';
// Words of the other tenant and of the hardware that must never reach umbrella's pages.
const forbidden = ['hooli', 'Hooli', 'hooli-data', 'cnode-', 'dbox-', 'switch-', 'serial', 'VLAN'];

let browser;
let adminToken;
let umbrella;
let hooli;
const problems = [];
const refusedOnPurpose = new Set(); // URLs the tests call to see them refused; chromium logs those

const call = (method, path, body) => callWith(adminToken, method, path, body);


async function makeTenant(name, displayName, services) {
  const tenant = await call('POST', '/tenants', { name, displayName, quotas: { capacityBytes: 2e13, gpus: 8, maxServices: 5 } });
  assert.equal(tenant.status, 201, JSON.stringify(tenant.json));
  for (const [kind, params] of services) {
    const service = await call('POST', `/tenants/${tenant.json.id}/services`, { kind, params });
    assert.equal(service.status, 202, JSON.stringify(service.json));
    await until(`${name}'s ${kind} to be active`, async () => (await call('GET', `/services/${service.json.id}`)).json.state === 'active');
  }
  return tenant.json;
}

function watch(page) {
  page.on('console', (message) => {
    if (message.type() === 'error' && !refusedOnPurpose.has(message.location().url)) problems.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    if (!request.url().startsWith(base)) problems.push(`request outside the server: ${request.url()}`);
  });
  page.on('dialog', (dialog) => dialog.accept()); // the "revoke?" confirmation
}

// A fresh window signed in as a tenant's user. The first test signs in through the login page,
// as the user would (`form: true`); the others start signed in with the login route's answer,
// since under CI's parallel load the form was slow enough to fail a test now and then.
async function signedIn(username, userPassword, { form = false, ...options } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  if (!form) await signInAs(context, await loginAs(username, userPassword));
  const page = await context.newPage();
  watch(page);
  await page.goto(`${base}/`);
  if (form) {
    await page.getByLabel('User name').fill(username);
    await page.getByLabel('Password').fill(userPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }
  await page.locator('main h1').first().waitFor();
  return { context, page };
}

async function assertNothingForbidden(page, where) {
  const text = await page.locator('body').innerText();
  for (const word of forbidden) assert.ok(!text.includes(word), `${where} shows "${word}":\n${text}`);
}

before(async () => {
  adminToken = await signInToApi('admin', password);
  await labScanned(call);
  umbrella = await makeTenant('umbrella', 'Umbrella Bio', [
    ['object-storage', { bucket: 'umbrella-models' }],
    ['file-storage', { path: '/scratch', protocols: ['NFS'] }],
    ['database', { bucket: 'umbrella-tables' }],
  ]);
  hooli = await makeTenant('hooli', 'Hooli XYZ', [['object-storage', { bucket: 'hooli-data' }]]);
  for (const [username, userPassword, role] of [['umbrella-admin', adminPassword, 'tenant-admin'], ['umbrella-viewer', viewerPassword, 'tenant-viewer']]) {
    const made = await call('POST', `/tenants/${umbrella.id}/users`, { username, password: userPassword, role });
    assert.equal(made.status, 201, JSON.stringify(made.json));
  }
  assert.equal((await call('POST', `/tenants/${hooli.id}/users`, { username: 'hooli-admin', password: 'hooli-admin-long-password', role: 'tenant-admin' })).status, 201);
  assert.equal((await call('POST', `/tenants/${hooli.id}/keys`, { username: 'hooli-admin' })).status, 201);
  await until('umbrella\'s cells to be healthy', async () => {
    const cells = (await call('GET', '/health/matrix')).json.cells.filter((c) => c.tenant === umbrella.id && c.status !== 'disabled');
    return cells.length === 3 && cells.every((c) => c.status === 'healthy');
  });

  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  for (const fault of (await call('GET', '/lab/faults')).json?.items ?? []) await call('DELETE', `/lab/faults/${fault.id}`);
});

test('a tenant admin sees its own cloud: services, health, usage against quota, events', async () => {
  const { context, page } = await signedIn('umbrella-admin', adminPassword, { form: true });
  const nav = await page.getByRole('navigation', { name: 'Main' }).innerText();
  assert.match(nav, /Access keys/);
  assert.doesNotMatch(nav, /Hardware|Tenants|Health/); // the operator's pages are not offered
  await page.getByRole('heading', { level: 1, name: /Umbrella Bio/ }).waitFor();
  const cards = page.locator('#portal-health .health-card');
  await until('three health cards', async () => (await cards.count()) === 3);
  assert.deepEqual((await cards.evaluateAll((list) => list.map((c) => c.dataset.kind))).sort(), ['database', 'file-storage', 'object-storage']);
  // Usage against quota: the figures the API gives, written out beside the meter.
  const usage = (await call('GET', `/tenants/${umbrella.id}/usage`)).json;
  assert.equal(usage.servicesEnabled, 3);
  const usageText = await page.locator('#portal-usage').innerText();
  assert.match(usageText, /3 of 5 \(60 %\)/);
  assert.match(usageText, /of 20\.0 TB/);
  assert.match(usageText, /GPU quota\s+8/);
  const events = await page.locator('#portal-events').innerText();
  assert.match(events, /Welcome: your tenant Umbrella Bio was created/);
  assert.match(events, /Your object-storage is ready to use/);
  await assertNothingForbidden(page, 'the portal overview');
  await page.screenshot({ path: `${out}/web-portal.png`, fullPage: true, animations: 'disabled' });

  // Another tenant's page does not exist for this user, whatever the URL says.
  refusedOnPurpose.add(`${base}/api/v1/tenants/${hooli.id}`);
  const other = await page.evaluate(async (id) => (await fetch(`/api/v1/tenants/${id}`, {
    headers: { Authorization: `Bearer ${sessionStorage.getItem('neocloud.token')}` } })).status, hooli.id);
  assert.equal(other, 404);
  await context.close();
});

test('services carry their endpoints and connection snippets', async () => {
  const { context, page } = await signedIn('umbrella-admin', adminPassword);
  await page.getByRole('link', { name: 'Services' }).click();
  const s3 = page.locator('.portal-service[data-kind="object-storage"]');
  await s3.waitFor();
  const s3Text = await s3.innerText();
  assert.match(s3Text, /aws --endpoint-url http:\/\/[0-9.]+ s3 ls s3:\/\/umbrella-models\//);
  assert.match(s3Text, /boto3/);
  const nfs = await page.locator('.portal-service[data-kind="file-storage"]').innerText();
  assert.match(nfs, /sudo mount -t nfs -o vers=3,proto=tcp,nconnect=8 [0-9.]+:\/\S*scratch \/mnt\/scratch/);
  const trino = await page.locator('.portal-service[data-kind="database"]').innerText();
  assert.match(trino, /connector\.name=vast/);
  assert.match(trino, /trino --catalog vast --schema 'umbrella-tables\/default'/);
  assert.ok(await page.getByRole('button', { name: /Copy object-storage AWS CLI/ }).isVisible());
  await assertNothingForbidden(page, 'the services page');
  await page.screenshot({ path: `${out}/web-portal-services.png`, fullPage: true, animations: 'disabled' });
  await context.close();
});

test('an admin creates, rotates and revokes a key; the secret is shown once', async () => {
  const { context, page } = await signedIn('umbrella-admin', adminPassword);
  await page.getByRole('link', { name: 'Access keys' }).click();
  await page.getByRole('button', { name: 'Create key' }).click();
  const dialog = page.getByRole('dialog', { name: 'Your new secret key' });
  await dialog.waitFor();
  const accessKey = await dialog.locator('#issued-access-key').innerText();
  const firstSecret = await dialog.locator('#issued-secret-key').innerText();
  assert.match(accessKey, /^NCBK[A-Z0-9]{16}$/);
  assert.ok(firstSecret.length >= 30);
  await dialog.getByRole('button', { name: 'I have stored it' }).click();
  await dialog.waitFor({ state: 'detached' });
  assert.ok(!(await page.content()).includes(firstSecret), 'the secret is gone once the dialog closes');
  const listed = (await call('GET', `/tenants/${umbrella.id}/keys`)).json.items.find((k) => k.accessKey === accessKey);
  assert.equal(listed.state, 'active');
  assert.equal(listed.secretKey, undefined);

  await page.getByRole('button', { name: `Rotate ${accessKey}` }).click();
  await dialog.waitFor();
  const secondSecret = await dialog.locator('#issued-secret-key').innerText();
  assert.equal(await dialog.locator('#issued-access-key').innerText(), accessKey);
  assert.notEqual(secondSecret, firstSecret);
  await page.screenshot({ path: `${out}/web-portal-key.png`, animations: 'disabled' });
  await dialog.getByRole('button', { name: 'I have stored it' }).click();
  const rotated = (await call('GET', `/tenants/${umbrella.id}/keys`)).json.items.find((k) => k.accessKey === accessKey);
  assert.ok(rotated.rotatedAt);

  await page.getByRole('button', { name: `Revoke ${accessKey}` }).click();
  await until('the key to be revoked', async () => (await call('GET', `/tenants/${umbrella.id}/keys`)).json.items
    .find((k) => k.accessKey === accessKey).state === 'revoked');
  await page.getByRole('button', { name: `Rotate ${accessKey}` }).waitFor({ state: 'detached' });
  await assertNothingForbidden(page, 'the keys page');
  await context.close();
});

test('a viewer sees the keys without the buttons, and the backend refuses its changes', async () => {
  const { context, page } = await signedIn('umbrella-viewer', viewerPassword);
  await page.getByRole('link', { name: 'Access keys' }).click();
  await page.getByText('a tenant administrator can change them').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Create key' }).count(), 0);
  assert.equal(await page.getByRole('button', { name: /^Rotate / }).count(), 0);
  refusedOnPurpose.add(`${base}/api/v1/tenants/${umbrella.id}/keys`);
  const status = await page.evaluate(async (path) => (await fetch(path, {
    method: 'POST',
    headers: { Authorization: `Bearer ${sessionStorage.getItem('neocloud.token')}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'umbrella-viewer' }),
  })).status, `/api/v1/tenants/${umbrella.id}/keys`);
  assert.equal(status, 403);
  await context.close();
});

test('a lab fault reaches the portal live, in the tenant\'s words', async () => {
  const { context, page } = await signedIn('umbrella-viewer', viewerPassword);
  const card = page.locator('#portal-health .health-card[data-kind="object-storage"]');
  await card.waitFor();
  await page.evaluate(() => { window.notReloaded = true; });
  const fault = await call('POST', '/lab/faults', { device: 'cnode-02', kind: 'cnode-down' });
  assert.equal(fault.status, 201, JSON.stringify(fault.json));
  try {
    await page.locator('#portal-health .health-card.status-degraded[data-kind="object-storage"]').waitFor({ timeout: 30000 });
    await page.locator('#portal-events li.changed', { hasText: 'Your object-storage service is degraded' }).first().waitFor({ timeout: 30000 });
    assert.equal(await page.evaluate(() => window.notReloaded), true);
    await assertNothingForbidden(page, 'the portal during a fault');
    // The operator's own words name the CNode; the tenant's never do.
    const recorded = (await call('GET', '/events?limit=50')).json.items.find((e) => e.tenant === umbrella.id && e.alert && !e.clearedAt);
    assert.match(recorded.message, /cnode-02|CNode/i);
    assert.match(recorded.tenantMessage, /^Your \S+ service is degraded/);
  } finally {
    await call('DELETE', `/lab/faults/${fault.json.id}`);
  }
  await page.locator('#portal-health .health-card.status-healthy[data-kind="object-storage"]').waitFor({ timeout: 30000 });
  await context.close();
});

test('an operator opens a tenant\'s portal from its page, read-only, in a tab of its own', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // The operator's tab starts signed in; the tab "View as tenant" opens (about:blank, then the
  // portal with its token in the fragment) is left to sign itself in.
  await context.addInitScript(([t, origin]) => {
    if (location.origin !== origin || location.hash.startsWith('#viewToken=') || sessionStorage.getItem('neocloud.token')) return;
    sessionStorage.setItem('neocloud.token', t);
    sessionStorage.setItem('neocloud.user', JSON.stringify({ username: 'admin', role: 'operator-admin' }));
  }, [adminToken, base]);
  const page = await context.newPage();
  watch(page);
  await page.goto(`${base}/tenants/${umbrella.id}`);
  // One step at a time, so a slow machine's failure says which step it was.
  const button = page.getByRole('button', { name: 'View as tenant' });
  await button.waitFor({ timeout: 60000 });
  const opened = context.waitForEvent('page', { timeout: 60000 });
  await button.click({ timeout: 60000 });
  const portalTab = await opened;
  watch(portalTab);
  await portalTab.getByRole('heading', { level: 1, name: /Umbrella Bio/ }).waitFor();
  await portalTab.getByText('Viewing as this tenant: read-only').waitFor();
  assert.equal(new URL(portalTab.url()).hash, '', 'the token is gone from the address');
  const user = await portalTab.evaluate(() => JSON.parse(sessionStorage.getItem('neocloud.user')));
  const operatorToken = await page.evaluate(() => sessionStorage.getItem('neocloud.token'));
  assert.notEqual(await portalTab.evaluate(() => sessionStorage.getItem('neocloud.token')), operatorToken);
  assert.equal(user.role, 'tenant-viewer');
  assert.equal(user.viewingAs, true);
  await portalTab.getByRole('link', { name: 'Access keys' }).click();
  await portalTab.getByText('a tenant administrator can change them').waitFor();
  await assertNothingForbidden(portalTab, 'the portal viewed as the tenant');
  // The operator's own tab keeps its own session; the portal's tab holds only the viewer's.
  assert.equal(await page.evaluate(() => JSON.parse(sessionStorage.getItem('neocloud.user')).role), 'operator-admin');
  await context.close();
});

test('every portal view passes axe-core\'s WCAG 2 AA rules, light and dark', async () => {
  const found = [];
  let audited = 0;
  for (const colorScheme of ['light', 'dark']) {
    const { context, page } = await signedIn('umbrella-admin', adminPassword, { bypassCSP: true, colorScheme });
    for (const link of ['Overview', 'Services', 'Access keys', 'Events']) {
      await page.getByRole('link', { name: link, exact: true }).click();
      await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]') && !/Loading…/.test(document.body.innerText), null, { timeout: 10000 });
      await page.addScriptTag({ path: axePath });
      const result = await page.evaluate(() => window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa'] }));
      audited += result.passes.length > 0 ? 1 : 0;
      for (const v of result.violations) found.push(`${colorScheme} ${link}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
    }
    await context.close();
  }
  assert.equal(audited, 8);
  assert.deepEqual(found, []);
});

test('nothing failed in the portal', () => {
  assert.deepEqual(problems, []);
});
