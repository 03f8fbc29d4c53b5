// The health matrix, tenants x service kinds: GET /api/v1/health/matrix once, then each `health`
// item of the live stream updates the cells it names in place (a `reshaped` item, where a tenant
// or kind came or went, reloads the whole matrix).

import { api } from '../api.js';
import { errorBox, formatTime, h, replace } from '../dom.js';
import * as stream from '../stream.js';

const cellId = (tenant, kind) => `cell-${tenant}-${kind}`;

function fillCell(td, cell) {
  td.className = `cell status-${cell.status}`;
  td.dataset.status = cell.status;
  td.title = cell.reason || cell.status;
  replace(td, h('span', { class: 'cell-status' }, cell.status),
    cell.reason && cell.status !== 'disabled' ? h('span', { class: 'cell-reason' }, cell.reason) : null);
}

export function render(main) {
  const area = h('div', { 'aria-busy': 'true' }, h('p', { class: 'muted' }, 'Loading…'));
  const updated = h('p', { class: 'muted', id: 'health-updated', 'aria-live': 'polite' });
  replace(main, h('h1', {}, 'Health'), updated, area);
  const cells = new Map();

  const load = async () => {
    try {
      const m = await api('/health/matrix');
      cells.clear();
      const byKey = new Map(m.cells.map((c) => [`${c.tenant}/${c.kind}`, c]));
      replace(area, h('div', { class: 'table-wrap' }, h('table', { class: 'matrix', id: 'health-matrix' },
        h('caption', {}, `${m.tenants.length} tenants × ${m.kinds.length} service kinds`),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Tenant'), m.kinds.map((k) => h('th', { scope: 'col' }, k)))),
        h('tbody', {}, m.tenants.length === 0
          ? h('tr', {}, h('td', { colspan: m.kinds.length + 1, class: 'muted' }, 'No tenants yet.'))
          : m.tenants.map((t) => h('tr', {},
            h('th', { scope: 'row' }, h('a', { href: `/tenants/${encodeURIComponent(t.id)}`, 'data-link': true }, t.displayName || t.name)),
            m.kinds.map((k) => {
              const td = h('td', { id: cellId(t.id, k) });
              cells.set(`${t.id}/${k}`, td);
              fillCell(td, byKey.get(`${t.id}/${k}`) ?? { status: 'unknown' });
              return td;
            })))))));
      replace(updated, `Updated ${formatTime(m.updatedAt)}`);
    } catch (error) {
      replace(area, errorBox(error));
    } finally {
      area.removeAttribute('aria-busy');
    }
  };
  load();
  const off = stream.on('health', (change) => {
    if (change.reshaped) { load(); return; }
    for (const cell of change.cells ?? []) {
      const td = cells.get(`${cell.tenant}/${cell.kind}`);
      if (!td) { load(); return; }
      fillCell(td, cell);
      td.classList.add('changed');
    }
    replace(updated, `Updated ${formatTime(change.updatedAt)} (live)`);
  });
  return off;
}
