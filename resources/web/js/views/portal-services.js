// The tenant's services in the portal: each with its state, health, endpoints and the snippets
// to connect to it (S3 with the AWS CLI and boto3, the NFS mount line, NVMe/TCP, Kafka bootstrap
// servers, the Trino catalog). The snippets carry the tenant's first active access key id.

import { api } from '../api.js';
import { errorBox, formatTime, h, replace, statusBadge } from '../dom.js';
import { snippetsFor } from '../snippets.js';
import * as stream from '../stream.js';
import { tenantPath } from './portal.js';

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

function serviceCard(service, accessKey) {
  const snippets = snippetsFor(service, accessKey);
  const endpoints = Object.entries(service.endpoints ?? {});
  return h('article', { class: 'card service portal-service', 'aria-label': `${service.kind} service`, 'data-kind': service.kind },
    h('h2', {}, service.kind, ' ', statusBadge(service.state), ' ', statusBadge(service.health)),
    service.error ? h('p', { class: 'error-text' }, service.error) : null,
    endpoints.length
      ? h('dl', { class: 'facts' }, endpoints.map(([name, value]) => [h('dt', {}, name),
        h('dd', {}, h('code', {}, typeof value === 'string' ? value : JSON.stringify(value)))]))
      : h('p', { class: 'muted' }, service.state === 'enabling' ? 'Being set up…' : 'No endpoints.'),
    snippets.length ? h('div', { class: 'snippets' }, h('h3', {}, 'Connect'), snippets.map((s) => snippetBlock(s, service.kind))) : null,
    h('p', { class: 'muted' }, `Enabled ${formatTime(service.createdAt)}`));
}

export function render(main) {
  const list = h('div', { class: 'portal-services', 'aria-live': 'polite' }, h('p', { class: 'muted' }, 'Loading…'));
  replace(main, h('h1', {}, 'Services'), list);
  const load = async () => {
    try {
      const [services, keys] = await Promise.all([api(tenantPath('/services')), api(tenantPath('/keys'))]);
      const active = (keys.items ?? []).find((k) => k.state === 'active');
      const shown = (services.items ?? []).filter((s) => s.state !== 'disabled');
      replace(list, shown.length ? shown.map((s) => serviceCard(s, active?.accessKey))
        : h('p', { class: 'muted' }, 'No services enabled yet. Ask your operator to enable one.'));
    } catch (error) {
      replace(list, errorBox(error));
    }
  };
  load();
  return stream.on('job', (job) => { if (job.finishedAt) load(); });
}
