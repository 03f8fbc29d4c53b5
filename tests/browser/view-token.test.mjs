// "View as tenant" hands the web console its token as #viewToken=<token> (the desktop console's
// WebEngine window opens exactly that): in Debian's chromium the page adopts it as the session,
// drops it from the address and the history, and lands on that tenant's portal; a token the
// server refuses leaves the sign-in page, not a half session.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { base, callWith, launchChromium, adminPassword as password, signInToApi } from './support.mjs';

let browser;
let adminToken;
const call = (method, path, body) => callWith(adminToken, method, path, body);

before(async () => {
  adminToken = await signInToApi('admin', password);
  browser = await launchChromium();
});

after(async () => { await browser?.close(); });

test('a #viewToken= fragment signs the page in as that tenant and leaves the address', async () => {
  const tenant = await call('POST', '/tenants', { name: 'wayne-view', displayName: 'Wayne Viewing' });
  assert.equal(tenant.status, 201, JSON.stringify(tenant.json));
  const minted = await call('POST', `/tenants/${tenant.json.id}/view-token`);
  assert.equal(minted.status, 201, JSON.stringify(minted.json));

  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${base}/#viewToken=${encodeURIComponent(minted.json.token)}`);
  await page.getByRole('heading', { level: 1, name: /Wayne Viewing/ }).waitFor();
  assert.equal(page.url(), `${base}/`, 'the token is gone from the address');
  const state = await page.evaluate(() => ({
    user: JSON.parse(sessionStorage.getItem('neocloud.user')), hash: location.hash }));
  assert.equal(state.user.role, 'tenant-viewer');
  assert.equal(state.user.viewingAs, true);
  assert.equal(state.user.tenantId, tenant.json.id);
  assert.equal(state.hash, '');
  assert.match(await page.locator('body').innerText(), /Viewing as this tenant/);
  assert.deepEqual(errors, []);
  // The entry was replaced, not added to: one step back is the blank page the tab started on.
  await page.goBack();
  assert.doesNotMatch(page.url(), /viewToken/);
  await context.close();
});

test('a refused token leaves the sign-in page', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('console', () => {}); // the refused /auth/me is logged by chromium; that is the point
  await page.goto(`${base}/#viewToken=not-a-token-the-server-knows`);
  await page.getByLabel('User name').waitFor();
  assert.doesNotMatch(page.url(), /viewToken/);
  assert.equal(await page.evaluate(() => sessionStorage.getItem('neocloud.token')), null);
  await context.close();
});
