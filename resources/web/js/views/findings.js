// A commissioning run's findings as a table filtered by status, check and rack (the rack from
// the plan: GET /api/v1/commissioning/plans/{id}), with Waive (a reason is required) and Take
// back for failing and waived findings of the plan's latest run.

import { api } from '../api.js';
import { errorBox, h, replace, statusBadge } from '../dom.js';

const STATUSES = [['fail', 'failing'], ['waived', 'waived'], ['pass', 'passing'], ['', 'all']];

function text(value) {
  if (value === null || value === undefined || value === '') return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function findingsPanel(run, plan, query, { onChanged }) {
  const findings = [...(run.findings ?? [])];
  let rackOf = new Map();
  const status = h('select', { id: 'finding-status' },
    STATUSES.map(([value, title]) => h('option', { value, selected: value === (query.get('status') ?? 'fail') }, title)));
  const checks = [...new Set(findings.map((f) => f.check))].sort();
  const check = h('select', { id: 'finding-check' }, h('option', { value: '' }, 'all checks'), checks.map((c) => h('option', { value: c }, c)));
  const rack = h('select', { id: 'finding-rack' }, h('option', { value: '' }, 'all racks'));
  const count = h('p', { class: 'muted', id: 'finding-count', 'aria-live': 'polite' });
  const body = h('tbody');
  const problems = h('div', { 'aria-live': 'assertive' });

  const waiverForm = (finding, cell) => {
    const reason = h('input', { id: `reason-${finding.id}`, required: true, autocomplete: 'off' });
    const form = h('form', {
      class: 'waive-form',
      onsubmit: async (event) => {
        event.preventDefault();
        if (!reason.value.trim()) { reason.setAttribute('aria-invalid', 'true'); reason.focus(); return; }
        try {
          const updated = await api(`/commissioning/runs/${encodeURIComponent(run.id)}/findings/${encodeURIComponent(finding.id)}/waiver`,
            { method: 'POST', body: { reason: reason.value.trim() } });
          Object.assign(finding, updated);
          draw();
          onChanged();
        } catch (error) {
          replace(problems, errorBox(error));
        }
      },
    },
    h('label', { for: reason.id }, `Why waive ${finding.subject ?? finding.device ?? 'this'}?`), reason,
    h('button', { type: 'submit', class: 'primary' }, 'Waive'),
    h('button', { type: 'button', onclick: () => draw() }, 'Cancel'));
    replace(cell, form);
    reason.focus();
  };
  const takeBack = async (finding) => {
    try {
      const updated = await api(`/commissioning/runs/${encodeURIComponent(run.id)}/findings/${encodeURIComponent(finding.id)}/waiver`, { method: 'DELETE' });
      Object.assign(finding, updated);
      draw();
      onChanged();
    } catch (error) {
      replace(problems, errorBox(error));
    }
  };
  const action = (finding) => {
    const cell = h('td', { class: 'finding-action' });
    if (finding.status === 'fail') {
      cell.append(h('button', { type: 'button', 'aria-label': `Waive ${finding.check} of ${finding.subject ?? finding.device}`, onclick: () => waiverForm(finding, cell) }, 'Waive'));
    } else if (finding.status === 'waived') {
      cell.append(h('span', { class: 'muted small' }, `${finding.waiver?.by ?? finding.waiver?.user ?? ''}: ${finding.waiver?.reason ?? ''} `),
        h('button', { type: 'button', 'aria-label': `Take back the waiver of ${finding.check} of ${finding.subject ?? finding.device}`, onclick: () => takeBack(finding) }, 'Take back'));
    }
    return cell;
  };

  function draw() {
    const shown = findings.filter((f) => (!status.value || f.status === status.value)
      && (!check.value || f.check === check.value)
      && (!rack.value || rackOf.get(f.device) === rack.value));
    replace(count, `${shown.length} of ${findings.length} findings`);
    replace(body, shown.length === 0 ? h('tr', {}, h('td', { colspan: 7, class: 'muted' }, 'No finding matches.'))
      : shown.map((f) => h('tr', { 'data-finding': f.id },
        h('td', {}, statusBadge(f.status)),
        h('th', { scope: 'row' }, f.check),
        h('td', {}, text(f.subject ?? f.device), rackOf.get(f.device) ? h('span', { class: 'muted' }, ` · ${rackOf.get(f.device)}`) : null),
        h('td', {}, text(f.expected)),
        h('td', {}, text(f.found)),
        h('td', {}, f.problem ? h('strong', {}, f.message ? `${f.problem}: ` : f.problem) : null, f.message ?? (f.problem ? null : '—'), f.change && f.change !== 'unchanged' ? h('span', { class: 'muted' }, ` (${f.change})`) : null),
        action(f))));
  }
  for (const select of [status, check, rack]) select.addEventListener('change', draw);

  api(`/commissioning/plans/${encodeURIComponent(plan.id)}`).then((full) => {
    rackOf = new Map((full.devices ?? []).map((d) => [d.name, d.rack]));
    for (const r of [...new Set((full.devices ?? []).map((d) => d.rack).filter(Boolean))].sort()) rack.append(h('option', { value: r }, r));
    draw();
  }, () => draw());
  draw();

  const element = h('section', { 'aria-labelledby': 'findings-title' },
    h('h2', { id: 'findings-title' }, 'Findings'),
    h('div', { class: 'filters' },
      h('label', { for: 'finding-status' }, 'Status'), status,
      h('label', { for: 'finding-check' }, 'Check'), check,
      h('label', { for: 'finding-rack' }, 'Rack'), rack),
    count, problems,
    h('div', { class: 'table-wrap' }, h('table', { id: 'findings' },
      h('caption', {}, `Findings of run ${run.id}`),
      h('thead', {}, h('tr', {}, ['Status', 'Check', 'Device', 'Expected', 'Found', 'What', ''].map((t, i) => h('th', { scope: 'col' }, t || h('span', { class: 'visually-hidden' }, i === 6 ? 'Action' : t))))),
      body)));
  return { element, leave: () => {} };
}
