// The tenant's services in the portal: each with its state, health, endpoints and the snippets
// to connect to it (S3 with the AWS CLI and boto3, the NFS mount line, NVMe/TCP, Kafka bootstrap
// servers, the Trino catalog). The snippets carry the tenant's first active access key id.
// A tenant admin also enables services (portal-enable.js) and disables them, after a dialog
// naming the service; a job's progress shows on its service's card until it is done.

import { api } from '../api.js';
import { confirmDialog } from '../confirmDialog.js';
import { errorBox, formatTime, h, replace, statusBadge } from '../dom.js';
import { snippetsFor } from '../snippets.js';
import * as stream from '../stream.js';
import { canChange, tenantPath } from './portal.js';
import { portalEnableForm } from './portal-enable.js';
import { jobTracker } from './services.js';

function copyButton(text, label) {
  const button = h('button', { type: 'button', class: 'copy', 'aria-label': `Copy ${label}` }, 'Copy');
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(text);
      button.textContent = 'Copied';
    } catch {
      button.textContent = 'Select and copy by hand';
    }
    setTimeout(() => { button.textContent = 'Copy'; }, 2000);
  });
  return button;
}

export function snippetBlock(snippet, serviceKind) {
  return h('figure', { class: 'snippet' },
    h('figcaption', {}, h('span', {}, snippet.title), copyButton(snippet.text, `${serviceKind} ${snippet.title}`)),
    h('pre', { tabindex: 0, 'aria-label': `${serviceKind}: ${snippet.title}` }, h('code', {}, snippet.text)));
}

// What tells two services of a kind apart: the bucket or the path they were enabled with.
function serviceName(service) {
  return service.params?.bucket ?? service.params?.path ?? '';
}

function serviceCard(service, accessKey, { progress, onDisable }) {
  const snippets = snippetsFor(service, accessKey);
  const endpoints = Object.entries(service.endpoints ?? {});
  const name = serviceName(service);
  const disable = onDisable && (service.state === 'active' || service.state === 'failed')
    ? h('button', { type: 'button', class: 'danger', 'aria-label': `Disable ${service.kind} ${name}`.trim(), onclick: () => onDisable(service) }, 'Disable')
    : null;
  return h('article', {
    class: 'card service portal-service', 'aria-label': `${service.kind} service`, 'data-kind': service.kind,
    'data-id': service.id, tabindex: -1,
  },
  h('h2', {}, service.kind, ' ', statusBadge(service.state), ' ', statusBadge(service.health)),
  name ? h('p', { class: 'muted' }, name) : null,
  service.error ? h('p', { class: 'error-text' }, service.error) : null,
  progress,
  endpoints.length
    ? h('dl', { class: 'facts' }, endpoints.map(([key, value]) => [h('dt', {}, key),
      h('dd', {}, h('code', {}, typeof value === 'string' ? value : JSON.stringify(value)))]))
    : h('p', { class: 'muted' }, service.state === 'enabling' ? 'Being set up…' : 'No endpoints.'),
  snippets.length ? h('div', { class: 'snippets' }, h('h3', {}, 'Connect'), snippets.map((s) => snippetBlock(s, service.kind))) : null,
  h('div', { class: 'service-foot' }, h('p', { class: 'muted' }, `Enabled ${formatTime(service.createdAt)}`), disable));
}

export function render(main) {
  const list = h('div', { class: 'portal-services', 'aria-live': 'polite' }, h('p', { class: 'muted' }, 'Loading…'));
  const message = h('div', { id: 'portal-services-message' });
  const jobs = jobTracker();
  const admin = canChange();
  const title = h('h1', { tabindex: -1 }, 'Services');

  let latest = 0; // only the newest of overlapping loads draws
  const load = async () => {
    const mine = ++latest;
    try {
      const [services, keys] = await Promise.all([api(tenantPath('/services')), api(tenantPath('/keys'))]);
      if (mine !== latest) return;
      const active = (keys.items ?? []).find((k) => k.state === 'active');
      const shown = (services.items ?? []).filter((s) => s.state !== 'disabled');
      jobs.clear();
      // Drawing again replaces the card holding the focus: it goes to the same service's new
      // card, or to the title when that service is gone (disabled), never to nowhere.
      const focused = list.contains(document.activeElement) ? document.activeElement.closest('.portal-service')?.dataset.id : null;
      replace(list, shown.length
        ? shown.map((s) => serviceCard(s, active?.accessKey, { progress: jobs.progressFor(s), onDisable: admin ? disable : null }))
        : h('p', { class: 'muted' }, admin ? 'No services enabled yet: enable one below.' : 'No services enabled yet. Ask your operator to enable one.'));
      if (focused) (list.querySelector(`[data-id="${CSS.escape(focused)}"]`) ?? title).focus();
    } catch (error) {
      replace(list, errorBox(error));
    }
  };

  // Asks first, naming the service; then DELETE /api/v1/services/{id} (202, disabling). The
  // focus, back on the Disable button, follows the card as it is drawn again (load).
  async function disable(service) {
    replace(message);
    const what = `${service.kind} ${serviceName(service)}`.trim();
    const confirmed = await confirmDialog({
      title: `Disable ${what}?`,
      message: `Programs using ${what} stop working at once, and what was set up for it on the storage cluster is removed. `
        + 'Enabling it again later starts from nothing.',
      confirmLabel: `Disable ${service.kind}`,
    });
    if (!confirmed) return;
    try {
      await api(`/services/${encodeURIComponent(service.id)}`, { method: 'DELETE' });
    } catch (error) {
      replace(message, errorBox(error));
    }
    await load();
  }

  replace(main, title, message, list,
    admin ? portalEnableForm({ onEnabled: load }) : null);
  load();
  // A job no card shows yet (one an operator started) draws the list again once, when first seen.
  const seen = new Set();
  return stream.on('job', (job) => {
    const shown = jobs.update(job);
    if (job.finishedAt || (!shown && !seen.has(job.id))) load();
    seen.add(job.id);
  });
}
