// Capacity: GET /api/v1/capacity (storage, reduction, runway, GPUs, each tenant's use against
// its quota) as figures and bars, and the what-if form (POST /api/v1/capacity/what-if), which
// changes nothing and shows before and after side by side.

import { api } from '../api.js';
import { errorBox, formatBytes, formatTime, h, replace, statusBadge, table } from '../dom.js';
import { clearErrors, field, numberInput, showError, toBytes } from '../forms.js';
import * as stream from '../stream.js';

const TB = 1e12;
const GB = 1e9;

// A bar for `used` of `total`: decoration beside figures that are always written out.
export function usageBar(used, total, { warnAt = 0.85, critAt = 0.95 } = {}) {
  const fraction = total > 0 ? Math.min(1, Math.max(0, used / total)) : 0;
  const level = total > 0 && used / total >= critAt ? 'critical' : total > 0 && used / total >= warnAt ? 'warning' : 'ok';
  const fill = h('span', { class: `bar-fill bar-${level}` });
  fill.style.width = `${(fraction * 100).toFixed(1)}%`; // CSSOM: allowed under the CSP
  return h('span', { class: 'bar', 'aria-hidden': 'true' }, fill);
}

const percent = (used, total) => (total > 0 ? `${((100 * used) / total).toFixed(1)} %` : '—');
const runwayText = (days, reason) => (days === null || days === undefined ? (reason || 'unknown') : `${days} days`);

function figure(title, value, detail, id) {
  return h('section', { class: 'card', 'aria-label': title, id },
    h('h2', {}, title), h('p', { class: 'figure' }, value), detail ? h('p', { class: 'muted' }, detail) : null);
}

function reportView(c) {
  const s = c.storage;
  const g = c.gpus;
  const gpuLimit = Math.floor(g.total * (g.overcommitRatio || 1));
  return [
    h('p', { class: 'muted', id: 'capacity-source' },
      `Source: ${c.provider?.name ?? 'none'} (${c.provider?.state ?? 'unknown'})`,
      c.provider?.cluster ? `, cluster ${c.provider.cluster}` : '', ` · built ${formatTime(c.builtAt)}`),
    c.provider?.error ? h('p', { class: 'error-text' }, c.provider.error) : null,
    h('div', { class: 'cards', id: 'capacity-figures' },
      figure('Raw', formatBytes(s.rawBytes), `${s.dboxes} DBoxes · ${s.ssds} SSDs (${s.sources?.rawBytes ?? '—'})`, 'capacity-raw'),
      figure('Usable', formatBytes(s.usableBytes), `${s.cnodes} CNodes (${s.sources?.usableBytes ?? '—'})`, 'capacity-usable'),
      h('section', { class: 'card', 'aria-label': 'Used', id: 'capacity-used' },
        h('h2', {}, 'Used'), h('p', { class: 'figure' }, formatBytes(s.usedBytes)),
        usageBar(s.usedBytes, s.usableBytes),
        h('p', { class: 'muted' }, `${percent(s.usedBytes, s.usableBytes)} of usable · ${formatBytes(s.freeBytes)} free`)),
      figure('Data reduction', s.dataReductionRatio ? `${Number(s.dataReductionRatio).toFixed(2)} : 1` : '—',
        s.dataReductionRatio ? `logical ${formatBytes(s.logical?.usedBytes)} on physical ${formatBytes(s.physical?.usedBytes)}` : 'no provider reports it',
        'capacity-reduction'),
      figure('Runway', runwayText(s.runwayDays, null), s.runwayDays === null ? s.runwayReason : 'until usable capacity is full, at the fitted growth', 'capacity-runway'),
      h('section', { class: 'card', 'aria-label': 'GPUs', id: 'capacity-gpus' },
        h('h2', {}, 'GPUs'), h('p', { class: 'figure' }, `${g.allocated} of ${g.total}`),
        usageBar(g.allocated, gpuLimit),
        h('p', { class: 'muted' }, `allocated to tenants (limit ${gpuLimit} at ${g.overcommitRatio}× overcommit); `
          + `${g.healthy} healthy, ${g.unhealthy} unhealthy, ${g.unknown} unknown`
          + (g.utilizationPercent !== null && g.utilizationPercent !== undefined ? `; ${Number(g.utilizationPercent).toFixed(0)} % busy` : '')
          + (g.powerWatts ? `; ${(g.powerWatts / 1000).toFixed(1)} kW` : '')))),
    h('h2', {}, 'Tenants against their quota'),
    table([
      { title: 'Tenant', render: (t) => t.name },
      { title: 'State', render: (t) => statusBadge(t.state) },
      {
        title: 'Used of quota',
        render: (t) => h('span', { class: 'bar-cell' }, usageBar(t.usedBytes, t.quotaBytes, { warnAt: 0.9, critAt: 1 }),
          h('span', {}, `${formatBytes(t.usedBytes)} of ${t.quotaBytes ? formatBytes(t.quotaBytes) : 'no quota'}`)),
      },
      { title: '%', render: (t) => percent(t.usedBytes, t.quotaBytes) },
      { title: 'GPUs', render: (t) => t.gpus },
      { title: 'Runway', render: (t) => runwayText(t.runwayDays, t.runwayReason ? 'unknown *' : null) },
      { title: 'Usage from', render: (t) => t.usageSource },
    ], c.tenants, { caption: `${c.tenants.length} tenants`, rowLink: (t) => `/tenants/${encodeURIComponent(t.tenant)}` }),
    // Each tenant's runway is usually unknown for one reason; say it once, not in every row.
    ...[...new Set(c.tenants.filter((t) => t.runwayDays === null && t.runwayReason).map((t) => t.runwayReason))]
      .map((reason) => h('p', { class: 'muted small' }, `* Runway unknown: ${reason}`)),
  ];
}

function sideBySide(r) {
  const rows = [
    ['Raw', formatBytes(r.before.rawBytes), formatBytes(r.after.rawBytes)],
    ['Usable', formatBytes(r.before.usableBytes), formatBytes(r.after.usableBytes)],
    ['Used', formatBytes(r.before.usedBytes), formatBytes(r.after.usedBytes)],
    ['DBoxes · CNodes', `${r.before.dboxes} · ${r.before.cnodes}`, `${r.after.dboxes} · ${r.after.cnodes}`],
    ['Runway', runwayText(r.before.runwayDays, r.before.runwayReason), runwayText(r.after.runwayDays, r.after.runwayReason)],
    ['Quotas committed of limit', `${formatBytes(r.before.quotaCommittedBytes)} of ${formatBytes(r.before.quotaLimitBytes)}`,
      `${formatBytes(r.after.quotaCommittedBytes)} of ${formatBytes(r.after.quotaLimitBytes)}`],
    ['GPUs allocated of limit', `${r.before.gpusAllocated} of ${r.before.gpuLimit}`, `${r.after.gpusAllocated} of ${r.after.gpuLimit}`],
    ['GPU headroom', r.before.gpuHeadroom, r.after.gpuHeadroom],
  ];
  return [
    h('p', { id: 'what-if-verdict' },
      statusBadge(r.quotasFit ? 'ok' : 'critical'), r.quotasFit ? ' Quotas fit. ' : ' Quotas do not fit. ',
      statusBadge(r.gpusFit ? 'ok' : 'critical'), r.gpusFit ? ' GPUs fit.' : ' GPUs do not fit.'),
    h('div', { class: 'table-wrap' }, h('table', { id: 'what-if-table' },
      h('caption', {}, 'Before and after'),
      h('thead', {}, h('tr', {}, ['', 'Now', 'With the change'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, rows.map(([name, before, after]) => h('tr', {}, h('th', { scope: 'row' }, name), h('td', {}, before), h('td', {}, after)))))),
    r.notes?.length ? h('ul', { class: 'notes muted' }, r.notes.map((n) => h('li', {}, n))) : null,
  ];
}

function whatIfForm() {
  const dboxes = numberInput({ min: 0, step: 1, value: 1 });
  const cnodes = numberInput({ min: 0, step: 1, value: 0 });
  const quota = numberInput({ min: 0, step: 'any', value: '' });
  const gpus = numberInput({ min: 0, step: 1, value: '' });
  const used = numberInput({ min: 0, step: 'any', value: '' });
  const growth = numberInput({ min: 0, step: 'any', value: '' });
  const summary = h('div', { 'aria-live': 'assertive' });
  const result = h('div', { id: 'what-if-result', 'aria-live': 'polite' });
  const form = h('form', {
    class: 'form-grid', id: 'what-if-form', 'aria-labelledby': 'what-if-title', novalidate: true,
    onsubmit: async (event) => {
      event.preventDefault();
      clearErrors(form, summary);
      const tenant = {};
      if (quota.value !== '' || gpus.value !== '') {
        tenant.quotas = {};
        if (quota.value !== '') tenant.quotas.capacityBytes = toBytes(quota.value, TB);
        if (gpus.value !== '') tenant.quotas.gpus = Number(gpus.value);
      }
      if (used.value !== '') tenant.usedBytes = toBytes(used.value, TB);
      if (growth.value !== '') tenant.growthBytesPerDay = toBytes(growth.value, GB);
      const body = { add: { dboxes: Number(dboxes.value || 0), cnodes: Number(cnodes.value || 0) } };
      if (Object.keys(tenant).length) body.tenants = [{ name: 'what-if', ...tenant }];
      replace(result, h('p', { class: 'muted' }, 'Working it out…'));
      try {
        replace(result, sideBySide(await api('/capacity/what-if', { method: 'POST', body })));
      } catch (error) {
        replace(result);
        showError(form, summary, error);
      }
    },
  },
  h('fieldset', {}, h('legend', {}, 'Add hardware'),
    field('DBoxes', dboxes, { path: 'add.dboxes' }), field('CNodes', cnodes, { path: 'add.cnodes' })),
  h('fieldset', {}, h('legend', {}, 'Add a tenant (optional)'),
    field('Capacity quota (TB)', quota, { path: 'tenants[0].quotas.capacityBytes' }),
    field('GPU quota', gpus, { path: 'tenants[0].quotas.gpus' }),
    field('Already used (TB)', used, { path: 'tenants[0].usedBytes' }),
    field('Growth (GB per day)', growth, { path: 'tenants[0].growthBytesPerDay' })),
  h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'primary' }, 'Work it out')),
  summary);
  return h('section', { 'aria-labelledby': 'what-if-title', class: 'what-if' },
    h('h2', { id: 'what-if-title' }, 'What if'), h('p', { class: 'muted' }, 'Nothing is changed: the answer models the hardware or tenant added.'),
    form, result);
}

export function render(main) {
  const area = h('div', { 'aria-busy': 'true' }, h('p', { class: 'muted' }, 'Loading…'));
  replace(main, h('h1', {}, 'Capacity'), area, whatIfForm());
  const load = async () => {
    try {
      replace(area, reportView(await api('/capacity')));
    } catch (error) {
      replace(area, errorBox(error));
    } finally {
      area.removeAttribute('aria-busy');
    }
  };
  load();
  // Inventory changes (a DBox found or lost, a GPU failed) change the figures.
  let pending = null;
  const off = stream.on('inventory', () => { clearTimeout(pending); pending = setTimeout(load, 1000); });
  return () => { clearTimeout(pending); off(); };
}
