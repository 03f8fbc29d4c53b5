// A tenant's services with their endpoints and, while one is being enabled or disabled, its
// job's progress from the live stream. Shared by the Services page and the tenant detail.

import { api } from '../api.js';
import { errorBox, formatTime, h, replace, statusBadge } from '../dom.js';
import * as stream from '../stream.js';

function endpointList(endpoints) {
  const entries = Object.entries(endpoints ?? {});
  if (entries.length === 0) return h('p', { class: 'muted' }, 'No endpoints yet.');
  return h('dl', { class: 'facts' }, entries.map(([name, value]) => [
    h('dt', {}, name),
    h('dd', {}, h('code', {}, typeof value === 'string' ? value : JSON.stringify(value))),
  ]));
}

function progressOf(job) {
  const done = job?.progress?.done ?? 0;
  const total = job?.progress?.total ?? 0;
  return h('div', { class: 'progress-row' },
    h('progress', { max: total || 1, value: done, 'aria-label': 'Job progress' }),
    h('span', {}, `${done} of ${total} steps · ${job?.state ?? ''}`),
    job?.error ? h('span', { class: 'error-text' }, ` ${job.error}`) : null);
}

// The progress of the jobs enabling or disabling the services on show, kept current by the
// stream's `job` items. Shared by the operator's service list and the tenant portal's.
export function jobTracker() {
  const jobs = new Map(); // jobId -> element showing its progress
  return {
    clear: () => jobs.clear(),
    // The place for `service`'s job progress, filled while it is being enabled or disabled.
    progressFor(service) {
      const progress = h('div', { class: 'job' });
      if (service.jobId && (service.state === 'enabling' || service.state === 'disabling')) {
        jobs.set(service.jobId, progress);
        api(`/jobs/${encodeURIComponent(service.jobId)}`).then((job) => replace(progress, progressOf(job)), () => {});
      }
      return progress;
    },
    // Redraws `job` where it is shown; false when no service on show is waiting for it.
    update(job) {
      const element = jobs.get(job.id);
      if (element) replace(element, progressOf(job));
      return Boolean(element);
    },
  };
}

export function serviceList(tenantId) {
  const container = h('div', { class: 'services', 'aria-live': 'polite' }, h('p', { class: 'muted' }, 'Loading…'));
  const jobs = jobTracker();
  const load = async () => {
    try {
      const page = await api(`/tenants/${encodeURIComponent(tenantId)}/services`);
      jobs.clear();
      replace(container, page.items.length === 0 ? h('p', { class: 'muted' }, 'No services enabled.') : page.items.map((s) => {
        const progress = jobs.progressFor(s);
        return h('article', { class: 'card service', 'aria-label': `${s.kind} service` },
          h('h3', {}, s.kind, ' ', statusBadge(s.state), ' ', statusBadge(s.health)),
          s.error ? h('p', { class: 'error-text' }, s.error) : null,
          progress, endpointList(s.endpoints),
          h('p', { class: 'muted' }, `Created ${formatTime(s.createdAt)}`));
      }));
    } catch (error) {
      replace(container, errorBox(error));
    }
  };
  load();
  const offs = [
    stream.on('job', (job) => {
      if (job.tenantId !== tenantId) return;
      if (!jobs.update(job) || job.finishedAt) load();
    }),
  ];
  return { element: container, leave: () => offs.forEach((off) => off()) };
}

export function render(main, _params, query) {
  const picker = h('select', { id: 'service-tenant' });
  const area = h('div');
  let leave = null;
  const show = () => {
    leave?.();
    if (!picker.value) { replace(area, h('p', { class: 'muted' }, 'No tenants yet.')); return; }
    history.replaceState(null, '', `/services?tenant=${encodeURIComponent(picker.value)}`);
    const list = serviceList(picker.value);
    leave = list.leave;
    replace(area, list.element);
  };
  picker.addEventListener('change', show);
  replace(main, h('h1', {}, 'Services'),
    h('div', { class: 'filters' }, h('label', { for: 'service-tenant' }, 'Tenant'), picker), area);
  api('/tenants', { query: { limit: 1000 } }).then((page) => {
    replace(picker, page.items.map((t) => h('option', { value: t.id, selected: t.id === query.get('tenant') }, t.displayName || t.name)));
    show();
  }, (error) => replace(area, errorBox(error)));
  return () => leave?.();
}
