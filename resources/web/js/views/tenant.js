// One tenant: GET /api/v1/tenants/{id}, its users and its services (live job progress).

import { api } from '../api.js';
import { errorBox, formatBytes, h, replace, statusBadge, table } from '../dom.js';
import { serviceList } from './services.js';
import { enableServiceForm } from './enableService.js';

// The pre-sales moment: the tenant's portal in a new tab, signed in with a short read-only
// token for that tenant (POST /api/v1/tenants/{id}/view-token). The tab is opened at the click,
// while it still counts as the user's (a tab opened after the token's round trip is a popup a
// busy browser blocks), then cut from this page and sent to the portal with the token in the
// fragment, which never reaches a server log; the portal adopts it in place of the session the
// new tab started with and drops it from the address at once.
function viewAsButton(id) {
  const problem = h('span', { role: 'alert' });
  const button = h('button', { type: 'button' }, 'View as tenant');
  button.addEventListener('click', async () => {
    replace(problem);
    const tab = window.open('', '_blank');
    try {
      const { token } = await api(`/tenants/${encodeURIComponent(id)}/view-token`, { method: 'POST' });
      if (!tab) throw new Error('The browser blocked the new tab: allow pop-ups for this console.');
      tab.opener = null;
      tab.location.replace(`/#viewToken=${encodeURIComponent(token)}`);
    } catch (error) {
      tab?.close();
      replace(problem, errorBox(error));
    }
  });
  return [button, problem];
}

export function render(main, { id }) {
  const services = serviceList(id);
  const users = h('div', {}, h('p', { class: 'muted' }, 'Loading…'));
  const head = h('div', {}, h('p', { class: 'muted' }, 'Loading…'));
  replace(main,
    h('nav', { 'aria-label': 'Breadcrumb', class: 'crumbs' }, h('a', { href: '/tenants', 'data-link': true }, 'Tenants')),
    head, h('h2', {}, 'Services'), services.element, enableServiceForm(id), h('h2', {}, 'Users'), users);
  api(`/tenants/${encodeURIComponent(id)}`).then((t) => {
    replace(head,
      h('h1', {}, t.displayName || t.name, ' ', statusBadge(t.state)),
      h('p', {}, viewAsButton(id)),
      h('dl', { class: 'facts' }, [
        ['Name', t.name], ['Contact', t.contactEmail],
        ['Capacity quota', formatBytes(t.quotas?.capacityBytes)], ['GPU quota', t.quotas?.gpus],
        ['Services at most', t.quotas?.maxServices], ['Network pool', t.network?.pool],
        ['VLAN', t.network?.vlan], ['Subnet', t.network?.subnet],
      ].map(([term, value]) => [h('dt', {}, term), h('dd', {}, value ?? '—')])));
  }, (error) => replace(head, h('h1', {}, 'Tenant'), errorBox(error)));
  api(`/tenants/${encodeURIComponent(id)}/users`).then((page) => {
    replace(users, table([{ title: 'User', key: 'username' }, { title: 'Role', key: 'role' }], page.items ?? []));
  }, (error) => replace(users, errorBox(error)));
  return services.leave;
}
