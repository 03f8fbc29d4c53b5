// The tenants: GET /api/v1/tenants.

import { api } from '../api.js';
import { errorBox, formatBytes, formatTime, h, replace, statusBadge, table } from '../dom.js';

export function render(main) {
  const list = h('div', { 'aria-busy': 'true' }, h('p', { class: 'muted' }, 'Loading…'));
  replace(main, h('h1', {}, 'Tenants'), h('p', {}, h('a', { href: '/onboarding', 'data-link': true }, 'Onboard a tenant')), list);
  api('/tenants', { query: { limit: 1000 } }).then((page) => {
    replace(list, table([
      { title: 'Name', render: (t) => t.displayName || t.name },
      { title: 'Id name', key: 'name' },
      { title: 'State', render: (t) => statusBadge(t.state) },
      { title: 'Capacity quota', render: (t) => formatBytes(t.quotas?.capacityBytes) },
      { title: 'GPUs', render: (t) => t.quotas?.gpus ?? '—' },
      { title: 'Contact', key: 'contactEmail' },
      { title: 'Created', render: (t) => formatTime(t.createdAt) },
    ], page.items, { caption: `${page.total} tenants`, rowLink: (t) => `/tenants/${encodeURIComponent(t.id)}` }));
  }, (error) => replace(list, errorBox(error))).finally(() => list.removeAttribute('aria-busy'));
}
