// The operator pages of the web console in Debian's chromium, against neocloud-server running
// the demo lab (the ctest fixture, server.sh): onboard a tenant through review-plan-then-apply
// (a bad parameter and a taken name refused beside their fields), enable a service on its
// page, find a device in the topology graph, compare the capacity page with the API, import a
// plan (a broken one first) and run it, waive a finding and download the report; then
// axe-core on each new page, light and dark, and a 768 px tablet. Every figure compared is
// read from the API in the same test, never written into it.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { formatBytes } from '../../resources/web/js/dom.js';
import { axePath, base, callWith, labScanned, launchChromium, out, adminPassword as password, signInAsAdmin, signInToApi, picture as pictureOf, until } from './support.mjs';

// Names no other test file uses, unique per run so a rerun against the same server works.
const suffix = String(Date.now() % 100000);
const tenantName = `ops-${suffix}`;
const bucket = `ops-${suffix}-data`;

let browser;
let context;
let page;
let token;
const problems = [];

const call = (method, path, body) => callWith(token, method, path, body);


const signIn = (context) => signInAsAdmin(context, token);

const picture = (name) => pictureOf(page, name);

// The error paragraph of the control labelled `label` (forms.js puts it at <id>-error).
async function fieldError(label) {
  const control = page.getByLabel(label, { exact: true });
  const id = await control.getAttribute('id');
  return { control, message: page.locator(`#${id}-error`) };
}

before(async () => {
  token = await signInToApi('admin', password);
  await labScanned(call);
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  await signIn(context);
  page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // The refusals these tests provoke on purpose (a bad parameter, a taken name, a broken
    // plan) are logged by chromium as failed loads; anything else is a problem.
    if (/Failed to load resource: the server responded with a status of (409|422)/.test(message.text())) return;
    problems.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    // Leaving a page aborts what it was still loading (the stream, a rack scrolled into view, a
    // reload the stream asked for): that is not a failure. Anything else is.
    if (request.failure()?.errorText === 'net::ERR_ABORTED' || request.url().startsWith('blob:')) return;
    problems.push(`failed request: ${request.url()} (${request.failure()?.errorText})`);
  });
  page.on('request', (request) => {
    if (!request.url().startsWith(base) && !request.url().startsWith('blob:')) problems.push(`request outside the server: ${request.url()}`);
  });
});

after(async () => {
  await browser?.close();
});

test('onboarding: a bad parameter is refused beside its field, then review the plan and apply it', async () => {
  await page.goto(`${base}/onboarding`);
  await page.getByRole('heading', { name: 'Onboard a tenant', level: 1 }).waitFor();
  await page.getByLabel('Name', { exact: true }).fill(tenantName);
  await page.getByLabel('Display name (optional)').fill('Ops Test Ltd');
  await page.getByLabel('Capacity (TB)').fill('5');
  await page.getByRole('button', { name: 'Add a user' }).click();
  await page.getByLabel('User name').fill(`${tenantName}-admin`);
  await page.getByLabel('Password').fill('a-long-enough-password');
  await page.getByLabel(/^Object storage \(S3\)/).check();
  await page.getByLabel('Bucket name').fill('Not A Bucket');

  await page.getByRole('button', { name: 'Review plan' }).click();
  const bucketError = await fieldError('Bucket name');
  await bucketError.message.waitFor();
  assert.equal(await bucketError.control.getAttribute('aria-invalid'), 'true');
  const refused = await call('POST', '/onboardings?dryRun=true', {
    tenant: { name: tenantName }, services: [{ kind: 'object-storage', params: { bucket: 'Not A Bucket' } }],
  });
  assert.equal(refused.json.error.field, 'services[0].params.bucket');
  assert.equal(await bucketError.message.innerText(), refused.json.error.message);

  await page.getByLabel('Bucket name').fill(bucket);
  await page.getByRole('button', { name: 'Review plan' }).click();
  await page.locator('#plan-steps').waitFor();
  assert.equal(await bucketError.message.isHidden(), true);
  const body = {
    tenant: { name: tenantName, displayName: 'Ops Test Ltd', quotas: { capacityBytes: 5e12, gpus: 0, maxServices: 10 } },
    users: [{ username: `${tenantName}-admin`, password: 'a-long-enough-password', role: 'tenant-admin' }],
    services: [{ kind: 'object-storage', params: { bucket, objectLock: false, quotaBytes: 0, versioning: false } }],
  };
  const plan = (await call('POST', '/onboardings?dryRun=true', body)).json;
  const rows = await page.locator('#plan-steps tbody tr').all();
  assert.equal(rows.length, plan.steps.length);
  for (const [i, step] of plan.steps.entries()) {
    const cells = await rows[i].locator('th, td').allInnerTexts();
    assert.deepEqual(cells.slice(1, 4), [step.title, step.method, step.path]);
  }
  // The review made nothing.
  assert.equal((await call('GET', '/tenants?limit=1000')).json.items.some((t) => t.name === tenantName), false);
  await picture('web-onboarding.png');

  await page.getByRole('button', { name: 'Apply' }).click();
  await page.locator('#onboarding-done').waitFor({ timeout: 60000 });
  const tenant = (await call('GET', '/tenants?limit=1000')).json.items.find((t) => t.name === tenantName);
  assert.equal(tenant.state, 'active');
  const services = (await call('GET', `/tenants/${tenant.id}/services`)).json.items;
  assert.deepEqual(services.map((s) => [s.kind, s.state, s.params.bucket]), [['object-storage', 'active', bucket]]);
  assert.deepEqual((await call('GET', `/tenants/${tenant.id}/users`)).json.items.map((u) => u.username), [`${tenantName}-admin`]);
  const progress = await page.locator('#job-progress-text').innerText();
  assert.match(progress, new RegExp(`^${plan.steps.length} of ${plan.steps.length} steps`));

  // The link goes to the tenant, which shows as active.
  await page.locator('#onboarding-done a').click();
  await page.getByRole('heading', { name: /Ops Test Ltd/, level: 1 }).getByText('active').waitFor();
});

test('onboarding the same name again is refused beside the name field (409)', async () => {
  await page.goto(`${base}/onboarding`);
  await page.getByLabel('Name', { exact: true }).fill(tenantName);
  await page.getByRole('button', { name: 'Review plan' }).click();
  await page.locator('#plan-steps').waitFor();
  await page.getByRole('button', { name: 'Apply' }).click();
  const nameError = await fieldError('Name');
  await nameError.message.waitFor();
  const taken = await call('POST', '/onboardings', { tenant: { name: tenantName } });
  assert.equal(taken.status, 409);
  assert.equal(await nameError.message.innerText(), taken.json.error.message);
  assert.equal(await nameError.control.getAttribute('aria-invalid'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('data-field')), 'tenant.name');
});

test('enable a service on the tenant\'s page: plan first, then it turns active', async () => {
  const tenant = (await call('GET', '/tenants?limit=1000')).json.items.find((t) => t.name === tenantName);
  await page.goto(`${base}/tenants/${tenant.id}`);
  await page.getByRole('article', { name: 'object-storage service' }).waitFor();
  await page.getByLabel('Service kind').selectOption('telemetry');
  await page.getByLabel('Retention days (optional)').fill('45');
  await page.getByRole('button', { name: 'Review plan' }).click();
  await page.locator('#enable-plan-steps').waitFor();
  const plan = (await call('POST', `/tenants/${tenant.id}/services?dryRun=true`, { kind: 'telemetry', params: { retentionDays: 45, scrapeIntervalSeconds: 30 } })).json;
  assert.equal(await page.locator('#enable-plan-steps tbody tr').count(), plan.steps.length);
  await page.getByRole('button', { name: 'Enable', exact: true }).click();
  const card = page.getByRole('article', { name: 'telemetry service' });
  await card.getByText('active', { exact: true }).waitFor({ timeout: 30000 });
  const telemetry = (await call('GET', `/tenants/${tenant.id}/services`)).json.items.find((s) => s.kind === 'telemetry');
  assert.equal(telemetry.state, 'active');
  assert.equal(telemetry.params.retentionDays, 45);
});

test('topology: the graph draws every device and the search finds and selects one', async () => {
  const topology = (await call('GET', '/topology')).json;
  await page.goto(`${base}/topology`);
  const canvas = page.locator('#topology-canvas');
  await page.waitForFunction(() => Number(document.getElementById('topology-canvas')?.dataset.draws ?? 0) >= 1);
  assert.equal(Number(await canvas.getAttribute('data-nodes')), topology.nodes.length);
  await page.locator('#topology-summary').getByText(`${topology.nodes.length} devices:`).waitFor();
  assert.match(await canvas.getAttribute('aria-label'), new RegExp(`${topology.links.length} links`));
  // Something was drawn: more than the background's colour in the bitmap.
  const colours = await canvas.evaluate((c) => {
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const seen = new Set();
    for (let i = 0; i < data.length; i += 4 * 97) seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    return seen.size;
  });
  assert.ok(colours > 3, `only ${colours} colours on the canvas`);

  const target = topology.nodes.find((d) => d.name === 'gpu-g02-03') ?? topology.nodes.find((d) => d.kind === 'gpu-server');
  await page.getByLabel('Find a device').fill(target.name);
  await page.getByLabel('Find a device').press('Enter');
  const selected = page.locator('#topology-selected');
  await selected.getByRole('heading', { name: new RegExp(target.name) }).waitFor();
  assert.equal(await page.locator('#topology-device-link').getAttribute('href'), `/devices/${encodeURIComponent(target.id)}`);
  // The search box keeps the focus; the canvas takes keys once focused: - zooms out, Escape
  // clears the selection.
  assert.equal(await page.evaluate(() => document.activeElement.id), 'topology-search');
  await canvas.focus();
  const draws = Number(await canvas.getAttribute('data-draws'));
  await page.keyboard.press('-');
  await page.waitForFunction((n) => Number(document.getElementById('topology-canvas').dataset.draws) > n, draws);
  await page.keyboard.press('Escape');
  await selected.getByText('Select a device in the graph').waitFor();

  // A click on a node selects it: fit, then click where the layout put the first spine.
  await page.getByRole('button', { name: 'Fit' }).click();
  const spine = topology.nodes.find((d) => d.name === 'spine-01') ?? topology.nodes.find((d) => d.kind === 'switch');
  await page.getByLabel('Find a device').fill(spine.name);
  await page.getByRole('button', { name: 'Find', exact: true }).click();
  await selected.getByRole('heading', { name: new RegExp(spine.name) }).waitFor();
  await page.keyboard.press('Escape');
  const box = await canvas.boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await selected.getByRole('heading', { name: new RegExp(spine.name) }).waitFor();

  // Enter on the focused graph opens the selected device.
  assert.equal(await page.evaluate(() => document.activeElement.id), 'topology-canvas');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: new RegExp(spine.name), level: 1 }).waitFor();
  assert.equal(new URL(page.url()).pathname, `/devices/${encodeURIComponent(spine.id)}`);
});

async function scanLab() {
  const scan = await call('POST', '/discovery/scans', { targets: [{ kind: 'lab' }] });
  assert.equal(scan.status, 202, JSON.stringify(scan.json));
  await until('the lab scan to end', async () => (await call('GET', `/discovery/scans/${scan.json.id}`)).json.finishedAt, 60000);
}

test('topology: a device that turns critical and a cable that goes down are redrawn live, without a reload', async () => {
  const victim = (await call('GET', '/devices?q=gpu-g03-02')).json.items[0] ?? (await call('GET', '/devices?kind=gpu-server')).json.items[0];
  await page.goto(`${base}/topology`);
  await page.locator('#topology-summary').getByText(/ 0 critical/).waitFor();
  await page.locator('#topology-summary').getByText(/ links, 0 down/).waitFor();
  await page.evaluate(() => { window.notReloaded = true; });
  const fault = await call('POST', '/lab/faults', { device: victim.name, kind: 'psu-failed' });
  assert.equal(fault.status, 201, JSON.stringify(fault.json));
  const cut = await call('POST', '/lab/faults', { device: 'cnode-01', kind: 'link-down', component: 'eth1' });
  assert.equal(cut.status, 201, JSON.stringify(cut.json));
  try {
    await scanLab();
    const critical = (await call('GET', '/topology')).json.nodes.filter((d) => d.health === 'critical');
    assert.ok(critical.some((d) => d.id === victim.id), 'the lab fault made the device critical');
    await page.locator('#topology-summary').getByText(new RegExp(` ${critical.length} critical`)).waitFor({ timeout: 30000 });
    await page.locator('#topology-attention').getByRole('link', { name: victim.name }).waitFor();
    // The cut cable stays in the graph, down: counted, and listed by its two ends.
    const down = (await call('GET', '/links?limit=1000')).json.items.filter((l) => l.state === 'down');
    assert.equal(down.length, 1, JSON.stringify(down));
    await page.locator('#topology-summary').getByText(/ links, 1 down/).waitFor({ timeout: 30000 });
    await page.locator('#topology-links-down li').filter({ hasText: /cnode-01 eth1/ }).waitFor();
    assert.equal(await page.evaluate(() => window.notReloaded), true);
    // The picture for the docs: the whole site, the critical device selected.
    await page.getByLabel('Find a device').fill(victim.name);
    await page.getByLabel('Find a device').press('Enter');
    await page.locator('#topology-selected').getByRole('heading', { name: new RegExp(victim.name) }).waitFor();
    await page.getByRole('button', { name: 'Fit' }).click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${out}/web-topology.png`, fullPage: true, animations: 'disabled' });
  } finally {
    await call('DELETE', `/lab/faults/${fault.json.id}`);
    await call('DELETE', `/lab/faults/${cut.json.id}`);
    await scanLab();
  }
  await page.locator('#topology-summary').getByText(/ 0 critical/).waitFor({ timeout: 30000 });
  await page.locator('#topology-summary').getByText(/ links, 0 down/).waitFor({ timeout: 30000 });
  await page.getByText('No link reports down.').waitFor();
});

test('topology: rack elevations show each rack of the site with its devices', async () => {
  const site = (await call('GET', '/sites')).json.items[0];
  const racks = (await call('GET', `/racks?site=${site.id}&limit=1000`)).json.items;
  await page.goto(`${base}/topology?show=racks`);
  await page.locator('.rack').first().waitFor();
  assert.equal(await page.locator('.rack').count(), racks.length);
  const rack = racks.find((r) => r.devices > 0);
  const devices = (await call('GET', `/devices?rack=${rack.id}&limit=1000`)).json.items.filter((d) => d.position);
  const figure = page.locator(`.rack[data-rack="${rack.id}"]`);
  await figure.scrollIntoViewIfNeeded();
  await figure.locator('.rack-device').first().waitFor();
  assert.deepEqual((await figure.locator('.rack-device-name').allInnerTexts()).sort(), devices.map((d) => d.name).sort());
});

test('capacity: the figures are the API\'s, and the what-if answers as the API does', async () => {
  await page.goto(`${base}/capacity`);
  await page.locator('#capacity-figures').waitFor();
  const capacity = (await call('GET', '/capacity')).json;
  assert.match(await page.locator('#capacity-raw .figure').innerText(), new RegExp(`^${formatBytes(capacity.storage.rawBytes)}$`));
  assert.equal(await page.locator('#capacity-usable .figure').innerText(), formatBytes(capacity.storage.usableBytes));
  assert.equal(await page.locator('#capacity-used .figure').innerText(), formatBytes(capacity.storage.usedBytes));
  assert.equal(await page.locator('#capacity-gpus .figure').innerText(), `${capacity.gpus.allocated} of ${capacity.gpus.total}`);
  const ratio = capacity.storage.dataReductionRatio;
  assert.equal(await page.locator('#capacity-reduction .figure').innerText(), ratio ? `${Number(ratio).toFixed(2)} : 1` : '—');
  const ours = capacity.tenants.find((t) => t.name === tenantName);
  const row = page.getByRole('row', { name: new RegExp(tenantName) });
  await row.getByText(`${formatBytes(ours.usedBytes)} of ${formatBytes(ours.quotaBytes)}`).waitFor();

  await page.getByLabel('DBoxes').fill('2');
  await page.getByLabel('GPU quota').fill('4');
  await page.getByRole('button', { name: 'Work it out' }).click();
  await page.locator('#what-if-table').waitFor();
  const whatIf = (await call('POST', '/capacity/what-if', { add: { dboxes: 2, cnodes: 0 }, tenants: [{ name: 'what-if', quotas: { gpus: 4 } }] })).json;
  const cells = async (name) => page.getByRole('row', { name: new RegExp(`^${name}`) }).locator('td').allInnerTexts();
  assert.deepEqual(await cells('Raw'), [formatBytes(whatIf.before.rawBytes), formatBytes(whatIf.after.rawBytes)]);
  assert.deepEqual(await cells('Usable'), [formatBytes(whatIf.before.usableBytes), formatBytes(whatIf.after.usableBytes)]);
  assert.deepEqual(await cells('GPU headroom'), [String(whatIf.before.gpuHeadroom), String(whatIf.after.gpuHeadroom)]);
  await picture('web-capacity.png');

  // A number the API refuses lands beside its field.
  await page.getByLabel('DBoxes').fill('-1');
  await page.getByRole('button', { name: 'Work it out' }).click();
  const dboxError = await fieldError('DBoxes');
  await dboxError.message.waitFor();
  assert.equal(await dboxError.control.getAttribute('aria-invalid'), 'true');
});

test('commissioning: broken plans (JSON, CSV) list their problems, the lab\'s plan runs, a finding is waived, the report downloads', async () => {
  await page.goto(`${base}/commissioning`);
  await page.getByRole('heading', { name: 'Commissioning', level: 1 }).waitFor();
  const broken = '{"site": "nowhere",\n "racks": [{"name": "R1", "units": 0}],\n "devices": [{"name": "a", "rack": "R9"}]}';
  await page.getByLabel(/^Plan files/).setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(broken) });
  await page.getByRole('button', { name: 'Import plan' }).click();
  await page.locator('#plan-errors').waitFor();
  const refused = await fetch(`${base}/api/v1/commissioning/plans`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: broken });
  const details = (await refused.json()).error.details;
  assert.ok(details.length >= 2);
  assert.deepEqual(await page.locator('#plan-errors li').allInnerTexts(), details.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`));

  // The CSV form goes as multipart files named after their files; its problems name the CSV line.
  const racksCsv = 'name,units\nR1,42\n';
  const devicesCsv = 'name,rack,position,heightU\nsrv-1,R1,3,2\nsrv-2,R9,5,1\nsrv-3,R1,4,1\n';
  await page.getByLabel('Site (CSV only)').fill(`csv-${suffix}`);
  await page.getByLabel(/^Plan files/).setInputFiles([
    { name: 'racks.csv', mimeType: 'text/csv', buffer: Buffer.from(racksCsv) },
    { name: 'devices.csv', mimeType: 'text/csv', buffer: Buffer.from(devicesCsv) },
  ]);
  await page.getByRole('button', { name: 'Import plan' }).click();
  await page.locator('#plan-errors').getByText(/devices\.csv:/).first().waitFor();
  const csvForm = new FormData();
  csvForm.append('site', `csv-${suffix}`);
  csvForm.append('racks', new Blob([racksCsv], { type: 'text/csv' }), 'racks.csv');
  csvForm.append('devices', new Blob([devicesCsv], { type: 'text/csv' }), 'devices.csv');
  const csvRefused = await fetch(`${base}/api/v1/commissioning/plans`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: csvForm });
  assert.equal(csvRefused.status, 422);
  const csvDetails = (await csvRefused.json()).error.details;
  assert.deepEqual(await page.locator('#plan-errors li').allInnerTexts(), csvDetails.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`));
  await page.getByLabel('Site (CSV only)').fill('');

  // The lab's own design with one serial changed: the run must find exactly that difference.
  const plan = (await call('GET', '/lab/plan')).json;
  const device = plan.devices.find((d) => d.kind === 'gpu-server' && d.serial);
  device.serial = `WRONG-${suffix}`;
  plan.name = `lab plan, ${device.name} mislabelled ${suffix}`;
  await page.getByLabel(/^Plan files/).setInputFiles({ name: 'lab-plan.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(plan)) });
  await page.getByRole('button', { name: 'Import plan' }).click();
  await page.getByRole('heading', { name: `Plan ${plan.name}` }).waitFor();
  await page.locator('#start-run').click();
  await page.locator('#findings').waitFor({ timeout: 60000 });
  const stored = (await call('GET', '/commissioning/plans?limit=100')).json.items.find((p) => p.name === plan.name);
  const run = (await call('GET', `/commissioning/runs?planId=${stored.id}`)).json.items[0];
  const findings = (await call('GET', `/commissioning/runs/${run.id}`)).json.findings;
  const failing = findings.filter((f) => f.status === 'fail');
  assert.deepEqual(failing.map((f) => [f.check, f.device]), [['device-serial', device.name]]);
  await page.locator('#finding-count').getByText(`1 of ${findings.length} findings`).waitFor();
  // Filters: all statuses, then one check, then one rack.
  await page.getByLabel('Status', { exact: true }).selectOption('');
  await page.locator('#finding-count').getByText(`${findings.length} of ${findings.length} findings`).waitFor();
  await page.getByLabel('Check', { exact: true }).selectOption('cabling');
  await page.locator('#finding-count').getByText(`${findings.filter((f) => f.check === 'cabling').length} of ${findings.length} findings`).waitFor();
  await page.getByLabel('Check', { exact: true }).selectOption('');
  const inRack = findings.filter((f) => plan.devices.find((d) => d.name === f.device)?.rack === device.rack).length;
  await page.getByLabel('Rack', { exact: true }).selectOption(device.rack);
  await page.locator('#finding-count').getByText(`${inRack} of ${findings.length} findings`).waitFor();
  await page.getByLabel('Rack', { exact: true }).selectOption('');
  await page.getByLabel('Status', { exact: true }).selectOption('fail');

  await page.getByRole('button', { name: `Waive device-serial of ${failing[0].subject ?? device.name}` }).click();
  await page.getByLabel(/^Why waive/).fill('Serial label misprinted; checked by hand');
  await page.getByRole('button', { name: 'Waive', exact: true }).click();
  await page.locator('#run-progress').getByText(/0 failing, 1 waived/).waitFor();
  const waived = (await call('GET', `/commissioning/runs/${run.id}`)).json.findings.find((f) => f.id === failing[0].id);
  assert.equal(waived.status, 'waived');
  assert.equal(waived.waiver.reason, 'Serial label misprinted; checked by hand');
  await page.getByLabel('Status', { exact: true }).selectOption('waived');
  await page.getByRole('row', { name: /device-serial/ }).getByText('waived', { exact: true }).waitFor();
  await picture('web-commissioning.png');

  // The report needs the token, so it is fetched and saved rather than linked.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download HTML' }).click()]);
  assert.equal(download.suggestedFilename(), `commissioning-${run.site}-${run.id}.html`);
  const html = await (await import('node:fs/promises')).readFile(await download.path(), 'utf8');
  assert.match(html, new RegExp(device.name));
  const sha = await page.locator('#report-sha').innerText();
  assert.match(sha, /^[0-9a-f]{64}$/);
  assert.match(html, new RegExp(sha));
  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download PDF' }).click()]);
  assert.equal(pdf.suggestedFilename(), `commissioning-${run.site}-${run.id}.pdf`);
  const bytes = await (await import('node:fs/promises')).readFile(await pdf.path());
  assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
});

test('the new pages pass axe-core\'s WCAG 2 AA rules, light and dark', async () => {
  const tenant = (await call('GET', '/tenants?limit=1000')).json.items.find((t) => t.name === tenantName);
  const views = ['/topology', '/topology?show=racks', '/capacity', '/onboarding', '/commissioning', `/tenants/${tenant.id}`];
  const found = [];
  let audited = 0;
  for (const colorScheme of ['light', 'dark']) {
    const audit = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true, colorScheme });
    await signIn(audit);
    for (const view of views) {
      const tab = await audit.newPage();
      await tab.goto(`${base}${view}`);
      await tab.locator('main h1').first().waitFor();
      await tab.waitForFunction(() => !document.querySelector('[aria-busy="true"]') && !/Loading…/.test(document.body.innerText), null, { timeout: 15000 });
      await tab.addScriptTag({ path: axePath });
      const result = await tab.evaluate(() => window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa'] }));
      audited += result.passes.length > 0 ? 1 : 0;
      for (const v of result.violations) {
        found.push(`${colorScheme} ${view}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
      }
      await tab.close();
    }
    await audit.close();
  }
  assert.equal(audited, 2 * views.length);
  assert.deepEqual(found, []);
});

test('a tablet in portrait: no new page scrolls sideways as a whole', async () => {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 768, height: 1024 });
  for (const view of ['/topology', '/topology?show=racks', '/capacity', '/onboarding', '/commissioning']) {
    await page.goto(`${base}${view}`);
    await page.locator('main h1').first().waitFor();
    await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${view} is ${overflow}px wider than a 768px tablet`);
  }
  await page.setViewportSize(size);
});

test('nothing failed in the page', () => {
  assert.deepEqual(problems, []);
});
