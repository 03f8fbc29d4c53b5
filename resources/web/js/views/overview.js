// The first page after sign-in: how much hardware, how many tenants, how healthy their services
// are, the capacity, and the latest events, each from its own API route. Health and events
// follow the live stream.

import { api } from '../api.js';
import { errorBox, formatBytes, formatTime, h, replace, statusBadge } from '../dom.js';
import * as stream from '../stream.js';

function card(title, value, detail, href) {
  return h('section', { class: 'card', 'aria-label': title },
    h('h2', {}, href ? h('a', { href, 'data-link': true }, title) : title),
    h('p', { class: 'figure' }, value),
    detail ? h('p', { class: 'muted' }, detail) : null);
}

async function load(grid, recent) {
  const [devices, tenants, matrix, capacity, events] = await Promise.allSettled([
    api('/devices', { query: { limit: 1 } }),
    api('/tenants', { query: { limit: 1 } }),
    api('/health/matrix'),
    api('/capacity'),
    api('/events', { query: { limit: 8 } }),
  ]);
  const counts = {};
  for (const cell of matrix.value?.cells ?? []) counts[cell.status] = (counts[cell.status] ?? 0) + 1;
  const storage = capacity.value?.storage;
  const gpus = capacity.value?.gpus;
  replace(grid,
    devices.status === 'fulfilled' ? card('Devices', devices.value.total, 'discovered in the inventory', '/hardware') : errorBox(devices.reason),
    tenants.status === 'fulfilled' ? card('Tenants', tenants.value.total, null, '/tenants') : errorBox(tenants.reason),
    matrix.status === 'fulfilled'
      ? card('Service health', `${counts.healthy ?? 0} healthy`,
        ['degraded', 'down', 'unknown'].filter((s) => counts[s]).map((s) => `${counts[s]} ${s}`).join(', ') || 'nothing degraded or down', '/health')
      : errorBox(matrix.reason),
    capacity.status === 'fulfilled'
      ? card('Storage', storage?.usableBytes ? `${formatBytes(storage.usedBytes)} of ${formatBytes(storage.usableBytes)}` : 'unknown',
        gpus ? `GPUs: ${gpus.allocated ?? 0} allocated of ${gpus.total ?? 0}, ${gpus.healthy ?? 0} healthy` : null)
      : errorBox(capacity.reason));
  if (events.status === 'fulfilled') {
    replace(recent, ...(events.value.items.length ? events.value.items.map(eventRow) : [h('li', { class: 'muted' }, 'No events yet.')]));
  } else {
    replace(recent, h('li', {}, errorBox(events.reason)));
  }
}

export function eventRow(event) {
  return h('li', { class: `event severity-${event.severity}` },
    h('time', { datetime: event.time }, formatTime(event.time)), ' ',
    statusBadge(event.severity), ' ',
    h('span', { class: 'source' }, event.source), ' ', event.message,
    // An operator also sees what the tenant was told (a tenant's own message is this one).
    event.tenantMessage && event.tenantMessage !== event.message
      ? h('span', { class: 'tenant-words' }, `Tenant sees: ${event.tenantMessage}`) : null);
}

export function render(main) {
  const grid = h('div', { class: 'cards', 'aria-busy': 'true' }, h('p', { class: 'muted' }, 'Loading…'));
  const recent = h('ul', { class: 'events', id: 'overview-events' });
  replace(main, h('h1', {}, 'Overview'), grid,
    h('section', { 'aria-labelledby': 'recent-title' },
      h('h2', { id: 'recent-title' }, h('a', { href: '/events', 'data-link': true }, 'Latest events')), recent));
  load(grid, recent).finally(() => grid.removeAttribute('aria-busy'));
  let pending = null;
  const refresh = () => { clearTimeout(pending); pending = setTimeout(() => load(grid, recent), 300); };
  const offs = [stream.on('health', refresh), stream.on('event', refresh), stream.on('inventory', refresh)];
  return () => { clearTimeout(pending); offs.forEach((off) => off()); };
}
