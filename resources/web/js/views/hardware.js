// The hardware table: GET /api/v1/devices paged on the server (limit/offset) with search and a
// kind filter, kept in the URL so a page can be shared or reloaded.

import { api } from '../api.js';
import { errorBox, h, replace, statusBadge, table } from '../dom.js';
import { navigate } from '../main.js';
import * as stream from '../stream.js';

const PAGE_SIZES = [25, 50, 100, 200];
const KINDS = ['', 'gpu-server', 'storage-cnode', 'storage-dbox', 'switch', 'pdu', 'other'];
let keepTyping = false; // the search box is rebuilt with the page; give its focus back

export function render(main, _params, query) {
  const q = query.get('q') ?? '';
  const kind = query.get('kind') ?? '';
  const offset = Math.max(0, Number(query.get('offset') ?? 0) || 0);
  const pageSize = PAGE_SIZES.includes(Number(query.get('limit'))) ? Number(query.get('limit')) : 50;
  const setQuery = (changes) => {
    const next = new URLSearchParams({ q, kind, offset, limit: pageSize, ...changes });
    for (const [k, v] of [...next]) if (!v || v === '0' || (k === 'limit' && v === '50')) next.delete(k);
    navigate(`/hardware${next.size ? `?${next}` : ''}`, { replace: true });
  };

  const search = h('input', { id: 'device-search', type: 'search', value: q, placeholder: 'name, serial, model…' });
  let typing = null;
  search.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => { keepTyping = true; setQuery({ q: search.value.trim(), offset: 0 }); }, 350);
  });
  const kindSelect = h('select', { id: 'device-kind', onchange: () => setQuery({ kind: kindSelect.value, offset: 0 }) },
    KINDS.map((k) => h('option', { value: k, selected: k === kind }, k || 'all kinds')));
  const limitSelect = h('select', { id: 'device-limit', onchange: () => setQuery({ limit: limitSelect.value, offset: 0 }) },
    PAGE_SIZES.map((n) => h('option', { value: n, selected: n === pageSize }, n)));
  const results = h('div', { 'aria-live': 'polite', 'aria-busy': 'true' }, h('p', { class: 'muted' }, 'Loading…'));
  replace(main, h('h1', {}, 'Hardware'),
    h('form', { class: 'filters', role: 'search', onsubmit: (e) => { e.preventDefault(); setQuery({ q: search.value.trim(), offset: 0 }); } },
      h('label', { for: 'device-search' }, 'Search'), search,
      h('label', { for: 'device-kind' }, 'Kind'), kindSelect,
      h('label', { for: 'device-limit' }, 'Rows per page'), limitSelect),
    results);
  if (keepTyping) {
    keepTyping = false;
    search.focus();
    search.setSelectionRange(search.value.length, search.value.length);
  }

  const load = async () => {
    try {
      const [page, racks] = await Promise.all([
        api('/devices', { query: { q, kind, limit: pageSize, offset } }),
        api('/racks', { query: { limit: 1000 } }),
      ]);
      const rackName = Object.fromEntries(racks.items.map((r) => [r.id, r.name]));
      const first = page.total === 0 ? 0 : offset + 1;
      const last = Math.min(offset + pageSize, page.total);
      replace(results,
        table([
          { title: 'Name', key: 'name' },
          { title: 'Kind', key: 'kind' },
          { title: 'Vendor', key: 'vendor' },
          { title: 'Model', key: 'model' },
          { title: 'Serial', key: 'serial' },
          { title: 'Rack', render: (d) => (d.rack ? `${rackName[d.rack] ?? d.rack}${d.position ? ` U${d.position}` : ''}` : '—') },
          { title: 'Health', render: (d) => statusBadge(d.health) },
          { title: 'State', key: 'state' },
        ], page.items, { caption: `Devices ${first}–${last} of ${page.total}`, rowLink: (d) => `/devices/${encodeURIComponent(d.id)}` }),
        h('nav', { class: 'pager', 'aria-label': 'Pages' },
          h('button', { type: 'button', id: 'page-prev', disabled: offset === 0, onclick: () => setQuery({ offset: Math.max(0, offset - pageSize) }) }, '← Previous'),
          h('span', { id: 'page-label' }, `${first}–${last} of ${page.total}`),
          h('button', { type: 'button', id: 'page-next', disabled: last >= page.total, onclick: () => setQuery({ offset: offset + pageSize }) }, 'Next →')));
    } catch (error) {
      replace(results, errorBox(error));
    } finally {
      results.removeAttribute('aria-busy');
    }
  };
  load();
  const off = stream.on('inventory', load);
  return () => { clearTimeout(typing); off(); };
}
