// The tenant portal's home: the tenant's services and their health in its own words, its use
// against its quotas, and its latest events. Everything here comes from routes that answer a
// tenant user about its own tenant only; the backend decides that, not this page.

import { api, session } from '../api.js';
import { errorBox, formatBytes, formatTime, h, replace, statusBadge } from '../dom.js';
import * as stream from '../stream.js';
import { eventRow } from './overview.js';

export function tenantPath(suffix = '') {
  return `/tenants/${encodeURIComponent(session.user?.tenantId ?? '')}${suffix}`;
}

// A tenant admin changes its tenant's keys and services; a viewer, and an operator viewing as the
// tenant, only look (the backend answers their writes 403 whatever the page offers).
export const canChange = () => session.user?.role === 'tenant-admin' && !session.user?.viewingAs;

// A meter with its figures written out: the bar alone says nothing to a screen reader.
export function usageMeter(label, used, limit, format = String) {
  const hasLimit = Number(limit) > 0;
  const percent = hasLimit ? Math.min(100, Math.round((100 * Number(used)) / Number(limit))) : null;
  const tone = percent === null ? 'unknown' : percent >= 90 ? 'down' : percent >= 75 ? 'degraded' : 'healthy';
  return h('div', { class: 'usage' },
    h('div', { class: 'usage-head' }, h('span', {}, label),
      h('span', { class: 'usage-figure' }, hasLimit ? `${format(used)} of ${format(limit)} (${percent} %)` : `${format(used)} · no quota`)),
    h('meter', { min: 0, max: hasLimit ? Number(limit) : 1, value: hasLimit ? Math.min(Number(used), Number(limit)) : 0,
      low: hasLimit ? Number(limit) * 0.75 : undefined, high: hasLimit ? Number(limit) * 0.9 : undefined,
      class: `tone-${tone}`, 'aria-label': label }));
}

function healthCards(container, matrix) {
  const cells = (matrix.cells ?? []).filter((c) => c.status !== 'disabled');
  if (cells.length === 0) {
    replace(container, h('p', { class: 'muted' }, 'No services enabled yet. Ask your operator to enable one.'));
    return;
  }
  replace(container, cells.map((c) => h('article', { class: `card health-card status-${c.status}`, 'data-kind': c.kind },
    h('h3', {}, c.kind, ' ', statusBadge(c.status)),
    h('p', { class: 'cell-reason' }, c.reason || 'No problems seen.'),
    h('p', { class: 'muted' }, `Since ${formatTime(c.since)}`))));
}

function usageSection(container, usage) {
  replace(container,
    usageMeter('Capacity', usage.usedBytes, usage.quotaBytes, formatBytes),
    usageMeter('Services', usage.servicesEnabled, usage.maxServices),
    h('dl', { class: 'facts' },
      h('dt', {}, 'GPU quota'), h('dd', {}, usage.gpus ?? '—'),
      h('dt', {}, 'Runway'), h('dd', {}, usage.runwayDays != null ? `${usage.runwayDays} days at the current growth` : (usage.runwayReason ?? '—')),
      h('dt', {}, 'Bandwidth limit'), h('dd', {}, usage.qos?.bandwidthMBps ? `${usage.qos.bandwidthMBps} MB/s` : 'none'),
      h('dt', {}, 'IOPS limit'), h('dd', {}, usage.qos?.iops ? String(usage.qos.iops) : 'none'),
      h('dt', {}, 'Measured'), h('dd', {}, usage.usageSource === 'none' ? 'not measured yet' : formatTime(usage.builtAt))));
}

export function render(main) {
  const title = h('h1', {}, 'Your cloud');
  const health = h('div', { class: 'cards', id: 'portal-health', 'aria-live': 'polite' }, h('p', { class: 'muted' }, 'Loading…'));
  const usage = h('div', { id: 'portal-usage' }, h('p', { class: 'muted' }, 'Loading…'));
  const events = h('ul', { class: 'events', id: 'portal-events', 'aria-live': 'polite' });
  replace(main, title,
    h('section', { 'aria-labelledby': 'health-title' }, h('h2', { id: 'health-title' }, 'Service health'), health),
    h('section', { 'aria-labelledby': 'usage-title' }, h('h2', { id: 'usage-title' }, 'Usage against quota'), usage),
    h('section', { 'aria-labelledby': 'events-title' },
      h('h2', { id: 'events-title' }, h('a', { href: '/events', 'data-link': true }, 'Latest events')), events));

  api(tenantPath()).then((t) => replace(title, t.displayName || t.name, ' ', statusBadge(t.state)), () => {});
  const loadHealth = () => api('/health/matrix').then((m) => healthCards(health, m), (e) => replace(health, errorBox(e)));
  const loadUsage = () => api(tenantPath('/usage')).then((u) => usageSection(usage, u), (e) => replace(usage, errorBox(e)));
  loadHealth();
  loadUsage();
  api('/events', { query: { limit: 8 } }).then((page) => {
    replace(events, page.items.length ? page.items.map(eventRow) : h('li', { class: 'muted empty' }, 'No events yet.'));
  }, (e) => replace(events, h('li', {}, errorBox(e))));

  const offs = [
    stream.on('health', loadHealth),
    stream.on('event', (event) => {
      events.querySelector('.empty')?.remove();
      const row = eventRow(event);
      row.classList.add('changed');
      events.prepend(row);
      while (events.children.length > 8) events.lastChild.remove();
    }),
    stream.on('job', (job) => { if (job.finishedAt) { loadHealth(); loadUsage(); } }),
  ];
  return () => offs.forEach((off) => off());
}
