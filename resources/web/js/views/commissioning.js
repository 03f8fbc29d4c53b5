// Commissioning: import a site plan (a JSON plan, or the CSV set, from files; a refused plan
// lists every problem as file:line:column), run it against what discovery finds, work through
// the findings (filter by status, check and rack; waive with a reason or take the waiver back)
// and download the handover report. Routes: /api/v1/commissioning/plans, /runs,
// /runs/{id}/findings/{findingId}/waiver, /runs/{id}/report.html|pdf, and /api/v1/lab/plan.

import { api, apiBlob } from '../api.js';
import { errorBox, formatTime, h, replace, statusBadge, table } from '../dom.js';
import { field } from '../forms.js';
import { navigate } from '../main.js';
import * as stream from '../stream.js';
import { findingsPanel } from './findings.js';

const POLL_MS = 2000;

function planErrors(error) {
  const details = error.details ?? [];
  return h('div', { class: 'error', role: 'alert', id: 'plan-errors' },
    h('strong', {}, `Error ${error.status}: `), error.message,
    details.length ? h('ul', { class: 'plan-problems' }, details.map((d) => h('li', {},
      h('code', {}, `${d.file}:${d.line}:${d.column}`), ` ${d.message}`))) : null);
}

// The files as the API takes them: one .json file as the JSON plan (or a NetBox export), CSV
// files (racks.csv, devices.csv, links.csv) as multipart parts named after their files.
async function importFiles(files, site) {
  const list = [...files];
  if (list.length === 1 && /\.json$/i.test(list[0].name)) {
    return api('/commissioning/plans', { method: 'POST', raw: await list[0].text(), contentType: 'application/json' });
  }
  const form = new FormData();
  if (site) form.append('site', site);
  for (const file of list) form.append(file.name.replace(/\.[^.]*$/, ''), file, file.name);
  return api('/commissioning/plans', { method: 'POST', raw: form });
}

function importSection(onImported) {
  const files = h('input', { type: 'file', id: 'plan-files', accept: '.json,.csv,application/json,text/csv', multiple: true });
  const site = h('input', { id: 'plan-site', autocomplete: 'off' });
  const result = h('div', { id: 'plan-result', 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Import plan');
  const run = async (work) => {
    replace(result, h('p', { class: 'muted' }, 'Importing…'));
    submit.disabled = true;
    try {
      const plan = await work();
      replace(result, h('p', {}, statusBadge('ok'), ` Imported ${plan.name || plan.site}: ${plan.counts.racks} racks, ${plan.counts.devices} devices, ${plan.counts.links} links.`));
      onImported(plan);
    } catch (error) {
      replace(result, planErrors(error));
    } finally {
      submit.disabled = false;
    }
  };
  const form = h('form', {
    class: 'filters', id: 'plan-import', 'aria-labelledby': 'import-title',
    onsubmit: (e) => {
      e.preventDefault();
      if (files.files.length === 0) { replace(result, errorBox({ message: 'Choose a plan file (JSON) or the CSV files first.' })); files.focus(); return; }
      run(() => importFiles(files.files, site.value.trim()));
    },
  },
  field('Plan files (a .json plan, or racks.csv, devices.csv, links.csv)', files),
  field('Site (CSV only)', site),
  h('div', { class: 'form-actions' }, submit,
    h('button', { type: 'button', id: 'use-lab-plan', onclick: () => run(async () => api('/commissioning/plans', { method: 'POST', body: await api('/lab/plan') })) }, 'Use the lab\'s plan')));
  return h('section', { 'aria-labelledby': 'import-title' }, h('h2', { id: 'import-title' }, 'Import a site plan'), form, result);
}

function reportLinks(run) {
  const engineer = h('input', { id: 'report-engineer', autocomplete: 'name' });
  const customer = h('input', { id: 'report-customer', autocomplete: 'off' });
  const said = h('p', { id: 'report-result', 'aria-live': 'polite' });
  const download = async (type) => {
    replace(said, h('span', { class: 'muted' }, `Making the ${type.toUpperCase()} report…`));
    try {
      const { blob, headers } = await apiBlob(`/commissioning/runs/${encodeURIComponent(run.id)}/report.${type}`,
        { query: { engineer: engineer.value.trim(), customer: customer.value.trim() } });
      const url = URL.createObjectURL(blob);
      const name = `commissioning-${run.site}-${run.id}.${type}`;
      const link = h('a', { href: url, download: name }, `Save ${name} again`);
      link.click(); // downloads at once; the link stays for a second try
      replace(said, `Report ${headers.get('X-Report-Id') ?? ''} downloaded, SHA-256 `, h('code', { id: 'report-sha' }, headers.get('X-Report-Sha256') ?? '—'), '. ', link);
    } catch (error) {
      replace(said, errorBox(error));
    }
  };
  return h('section', { 'aria-labelledby': 'report-title', class: 'card report' },
    h('h2', { id: 'report-title' }, 'Handover report'),
    h('div', { class: 'filters' }, field('Engineer (optional)', engineer), field('Customer (optional)', customer)),
    h('div', { class: 'form-actions' },
      h('button', { type: 'button', id: 'report-html', onclick: () => download('html') }, 'Download HTML'),
      h('button', { type: 'button', id: 'report-pdf', onclick: () => download('pdf') }, 'Download PDF')),
    said);
}

function runSection(plan, query) {
  const area = h('div', { id: 'run-area', 'aria-live': 'polite' }, h('p', { class: 'muted' }, 'Loading…'));
  const findingsArea = h('div', { id: 'findings-area' });
  let timer = null;
  let shown = null;
  let leaveFindings = null;
  let current = null;
  const finishedRun = (run) => run.state !== 'queued' && run.state !== 'running';

  const showRun = (run) => {
    current = run;
    const total = run.progress?.total ?? 0;
    const done = run.progress?.done ?? 0;
    const running = run.state === 'queued' || run.state === 'running';
    const s = run.summary ?? {};
    replace(area,
      h('div', { class: 'run-head' },
        h('h2', { id: 'run-title' }, `Run of ${formatTime(run.startedAt)} `, statusBadge(run.state)),
        h('button', { type: 'button', class: 'primary', id: 'start-run', disabled: running, onclick: () => start() }, 'Run again')),
      h('div', { class: 'progress-row' },
        h('progress', { max: total || 1, value: done, 'aria-label': 'Run progress' }),
        h('span', { id: 'run-progress' }, running ? `${done} of ${total} BMCs answered` : `${s.total ?? 0} checks: ${s.fail ?? 0} failing, ${s.waived ?? 0} waived, ${s.pass ?? 0} passing`)),
      (run.errors ?? []).length ? h('ul', { class: 'error-text' }, run.errors.map((e) => h('li', {}, typeof e === 'string' ? e : `${e.target ?? ''} ${e.message ?? JSON.stringify(e)}`))) : null);
    if (!running && shown !== `${run.id}/${run.finishedAt}`) {
      shown = `${run.id}/${run.finishedAt}`;
      leaveFindings?.();
      const panel = findingsPanel(run, plan, query, { onChanged: () => refresh(run.id) });
      leaveFindings = panel.leave;
      replace(findingsArea, panel.element, reportLinks(run));
    }
    clearTimeout(timer);
    if (running) timer = setTimeout(() => refresh(run.id), POLL_MS);
  };
  const refresh = async (runId) => {
    try { showRun(await api(`/commissioning/runs/${encodeURIComponent(runId)}`)); } catch (error) { replace(area, errorBox(error)); }
  };
  const start = async () => {
    try {
      const run = await api('/commissioning/runs', { method: 'POST', body: { planId: plan.id } });
      shown = null;
      replace(findingsArea);
      showRun(run);
    } catch (error) {
      replace(area, errorBox(error));
    }
  };
  api('/commissioning/runs', { query: { planId: plan.id, limit: 1 } }).then((page) => {
    if (page.items.length) refresh(page.items[0].id);
    else replace(area, h('p', { class: 'muted' }, 'This plan has not been run yet.'),
      h('button', { type: 'button', class: 'primary', id: 'start-run', onclick: start }, 'Run'));
  }, (error) => replace(area, errorBox(error)));
  // The run's scan reports each BMC on the live stream: ask for the run then, not only on the poll.
  const off = stream.on('scan', (scan) => { if (current && scan.id === current.scanId && !finishedRun(current)) refresh(current.id); });
  return {
    element: h('section', { 'aria-labelledby': 'run-title' }, area, findingsArea),
    leave: () => { clearTimeout(timer); off(); leaveFindings?.(); },
  };
}

export function render(main, _params, query) {
  const planId = query.get('plan') ?? '';
  const plans = h('div', { 'aria-busy': 'true' }, h('p', { class: 'muted' }, 'Loading…'));
  const runArea = h('div');
  let leaveRun = null;
  replace(main, h('h1', {}, 'Commissioning'),
    importSection((plan) => navigate(`/commissioning?plan=${encodeURIComponent(plan.id)}`, { replace: true })),
    h('h2', {}, 'Plans'), plans, runArea);
  api('/commissioning/plans', { query: { limit: 100 } }).then((page) => {
    const chosen = page.items.find((p) => p.id === planId) ?? page.items[0];
    replace(plans, table([
      { title: 'Plan', render: (p) => `${p.name || p.site}${p.id === chosen?.id ? ' (shown)' : ''}` },
      { title: 'Site', key: 'site' }, { title: 'Format', key: 'format' },
      { title: 'Racks · devices · links', render: (p) => `${p.counts.racks} · ${p.counts.devices} · ${p.counts.links}` },
      { title: 'Imported', render: (p) => `${formatTime(p.createdAt)} by ${p.createdBy}` },
    ], page.items, { caption: `${page.total} plan${page.total === 1 ? '' : 's'}, newest first`, rowLink: (p) => `/commissioning?plan=${encodeURIComponent(p.id)}` }));
    if (chosen) {
      const run = runSection(chosen, query);
      leaveRun = run.leave;
      replace(runArea, h('h2', {}, `Plan ${chosen.name || chosen.site}`), run.element);
    }
  }, (error) => replace(plans, errorBox(error))).finally(() => plans.removeAttribute('aria-busy'));
  return () => leaveRun?.();
}
