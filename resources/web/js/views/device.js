// One device: GET /api/v1/devices/{id} (components and ports), what depends on it
// (GET /api/v1/devices/{id}/impact), the operator's dashboards for it (Settings) and, for an
// HTTPS BMC, the certificate pinned for it (GET /api/v1/bmc-certificates).

import { api } from '../api.js';
import { isHttpsBmc } from '../certificatePin.js';
import { fillDashboardUrl } from '../dashboardLinks.js';
import { errorBox, formatBytes, h, replace, statusBadge, table } from '../dom.js';
import { certificateFact } from './deviceCertificate.js';

// "Open <dashboard>" links (GET /api/v1/settings/dashboards), each filled from the device. A
// new tab without a way back to this page (noopener) nor, in the Referer, to this page's path.
function dashboardLinks(container, device) {
  api('/settings/dashboards').then((answer) => {
    const links = answer.items ?? [];
    replace(container, links.length === 0 ? null : h('ul', { class: 'dashboard-links', 'aria-label': 'Dashboards' },
      links.map((link) => h('li', {}, h('a', {
        href: fillDashboardUrl(link.urlTemplate, device), target: '_blank', rel: 'noopener noreferrer',
      }, `Open ${link.name}`)))));
  }, (error) => replace(container, errorBox(error)));
}

export function render(main, { id }) {
  replace(main, h('p', { class: 'muted' }, 'Loading…'));
  (async () => {
    let device;
    try {
      device = await api(`/devices/${encodeURIComponent(id)}`);
    } catch (error) {
      replace(main, h('h1', {}, 'Device'), errorBox(error), h('a', { href: '/hardware', 'data-link': true }, 'Back to the hardware'));
      return;
    }
    const impact = h('div', {}, h('p', { class: 'muted' }, 'Loading…'));
    const dashboards = h('div', { id: 'device-dashboards' });
    dashboardLinks(dashboards, device);
    const facts = [
      ['Kind', device.kind], ['Vendor', device.vendor], ['Model', device.model], ['Serial', device.serial],
      ['Firmware', device.firmware], ['Position', device.position ? `U${device.position} (${device.heightU}U)` : null],
      ['State', device.state], ['BMC', device.bmcUrl],
      ...(isHttpsBmc(device.bmcUrl) ? [['Certificate', certificateFact(device.bmcUrl)]] : []),
    ];
    replace(main,
      h('nav', { 'aria-label': 'Breadcrumb', class: 'crumbs' }, h('a', { href: '/hardware', 'data-link': true }, 'Hardware'), ' / ', device.name),
      h('h1', {}, device.name, ' ', statusBadge(device.health)),
      h('dl', { class: 'facts' }, facts.map(([term, value]) => [h('dt', {}, term), h('dd', {}, value || '—')])),
      dashboards,
      h('h2', {}, 'Components'),
      table([
        { title: 'Name', render: (c) => c.name || c.kind },
        { title: 'Kind', key: 'kind' }, { title: 'Model', key: 'model' }, { title: 'Serial', key: 'serial' },
        { title: 'Capacity', render: (c) => (c.capacityBytes ? formatBytes(c.capacityBytes) : '—') },
        { title: 'Health', render: (c) => statusBadge(c.health) },
      ], device.components ?? []),
      h('h2', {}, 'Ports'),
      table([
        { title: 'Name', key: 'name' }, { title: 'MAC', key: 'mac' },
        { title: 'Speed', render: (p) => (p.speedGbps ? `${p.speedGbps} Gb/s` : '—') },
        { title: 'Link', render: (p) => statusBadge(p.linkState) },
      ], device.ports ?? []),
      h('h2', {}, 'What depends on it'), impact);
    try {
      const answer = await api(`/devices/${encodeURIComponent(id)}/impact`);
      const items = answer.items ?? [];
      replace(impact, items.length === 0
        ? h('p', { class: 'muted' }, answer.note || 'No tenant service depends on this device.')
        : table([
          { title: 'Tenant', render: (e) => h('a', { href: `/tenants/${encodeURIComponent(e.tenant.id)}`, 'data-link': true }, e.tenant.name) },
          { title: 'Service', render: (e) => `${e.service.kind} (${e.service.state})` },
          { title: 'Health', render: (e) => [statusBadge(e.status), e.reason ? ` ${e.reason}` : ''] },
          { title: 'Path', render: (e) => (e.path ?? []).map((s) => s.name || s.type).join(' → ') },
        ], items));
    } catch (error) {
      replace(impact, errorBox(error));
    }
  })();
}
