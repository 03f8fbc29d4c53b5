// A plan's steps (the dry-run answers of onboarding and of enabling a service) as a table, and
// a job's live progress: each `job` item of the stream with the job's id redraws it, and a slow
// poll of the job's own route covers a stream that dropped (it replays nothing).

import { formatTime, h, replace, statusBadge, table } from './dom.js';
import * as stream from './stream.js';

const POLL_MS = 2000;

function targetName(target) {
  return target === 'vast' ? 'VAST cluster' : target === 'neocloud' ? 'NeoCloud' : (target ?? '—');
}

export function planTable(steps, { caption, id } = {}) {
  const element = table([
    { title: '#', key: 'index' },
    { title: 'Step', render: (s) => s.title ?? s.id },
    { title: 'Method', render: (s) => h('code', {}, s.method) },
    { title: 'Path', render: (s) => h('code', {}, s.path) },
    { title: 'Target', render: (s) => targetName(s.target) },
    { title: 'State', render: (s) => (s.state ? statusBadge(s.state) : 'planned') },
  ], steps.map((s, i) => ({ ...s, index: String(i + 1) })), { caption });
  element.classList.add('plan-steps');
  if (id) element.id = id;
  return element;
}

const finished = (job) => Boolean(job.finishedAt) || ['succeeded', 'failed', 'partial', 'cancelled'].includes(job.state);

// Draws `job` into `container` and keeps it current until it finishes; `done(job)` adds what
// to say at the end. Returns the function that stops following.
export function followJob(container, job, { poll, title, done }) {
  let current = job;
  let timer = null;
  let stopped = false;
  const draw = () => {
    const total = current.progress?.total ?? current.steps?.length ?? 0;
    const count = current.progress?.done ?? 0;
    replace(container,
      h('h2', {}, title, ' ', statusBadge(current.state)),
      h('div', { class: 'progress-row' },
        h('progress', { max: total || 1, value: count, 'aria-label': `${title} progress` }),
        h('span', { id: 'job-progress-text' }, `${count} of ${total} steps · ${current.state}`)),
      current.error ? h('p', { class: 'error-text' }, current.error) : null,
      (current.rollbackErrors ?? []).length ? h('ul', { class: 'error-text' }, current.rollbackErrors.map((e) => h('li', {}, typeof e === 'string' ? e : JSON.stringify(e)))) : null,
      current.steps ? planTable(current.steps, { caption: `Started ${formatTime(current.startedAt ?? current.createdAt)}` }) : null,
      finished(current) ? done(current) : null);
  };
  const update = (next) => {
    if (stopped || next.id !== current.id) return;
    current = next;
    draw();
    if (finished(current)) stop();
  };
  const off = stream.on('job', update);
  const tick = async () => {
    if (stopped) return;
    try { update(await poll(current.id)); } catch { /* the stream may still bring it */ }
    if (!stopped) timer = setTimeout(tick, POLL_MS);
  };
  function stop() { stopped = true; off(); clearTimeout(timer); }
  draw();
  if (finished(current)) stop(); else timer = setTimeout(tick, POLL_MS);
  return stop;
}
