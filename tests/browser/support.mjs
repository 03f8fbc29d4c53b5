// What every browser test file needs: the server the ctest fixture started (server.sh), the
// REST API as admin, waiting for a condition, and Debian's chromium (never a downloaded one).

import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

export const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
export const base = process.env.NEOCLOUD_URL;
export const adminPassword = process.env.NEOCLOUD_ADMIN_PASSWORD;
export const out = process.env.NEOCLOUD_BROWSER_OUT ?? '.';
assert.ok(base && adminPassword, 'NEOCLOUD_URL and NEOCLOUD_ADMIN_PASSWORD come from the fixture');

// {status, json} of one API call with `token`.
export async function callWith(token, method, path, body) {
  const response = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

export async function signInToApi(username, password) {
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  assert.equal(login.status, 200, `${username} signs in`);
  return (await login.json()).token;
}

export async function until(what, check, timeoutMs = 30000) {
  const start = Date.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

// The lab's first scan fills the inventory: tenants' quotas are checked against it.
export async function labScanned(call) {
  await until('the lab scan', async () => (await call('GET', '/devices?limit=1')).json.total > 25, 60000);
}

export function launchChromium() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

// The login answer {token, user} of a user, for a page that starts signed in as that user.
export async function loginAs(username, password) {
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  assert.equal(login.status, 200, `${username} signs in`);
  return login.json();
}

// Every page of `context` starts signed in with `token` as `user`, as the login page would leave
// it: no sign-in form to wait for under the parallel load CI puts on the machine.
export async function signInAs(context, { token, user }) {
  await context.addInitScript(([t, u]) => {
    sessionStorage.setItem('neocloud.token', t);
    sessionStorage.setItem('neocloud.user', JSON.stringify(u));
  }, [token, user]);
}

// Every page of `context` starts signed in with `token` as admin.
export async function signInAsAdmin(context, token) {
  await signInAs(context, { token, user: { username: 'admin', role: 'operator-admin' } });
}

// A picture of `page` for docs/screenshots: as tall as the content, not the window.
export async function picture(page, name) {
  const size = page.viewportSize();
  await page.setViewportSize({ width: size.width, height: 480 });
  await page.screenshot({ path: `${out}/${name}`, fullPage: true, animations: 'disabled' });
  await page.setViewportSize(size);
}

// axe-core's WCAG 2 A/AA rules on pages as they stand (a context with bypassCSP: true, so the
// script can be added): audit(page, where) counts the pages it ran on and keeps each
// violation as one line naming `where`.
export function axeAuditor() {
  const auditor = {
    audited: 0,
    violations: [],
    async audit(page, where) {
      await page.addScriptTag({ path: axePath });
      const result = await page.evaluate(() => window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa'] }));
      auditor.audited += result.passes.length > 0 ? 1 : 0;
      for (const v of result.violations) auditor.violations.push(`${where}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
    },
  };
  return auditor;
}
