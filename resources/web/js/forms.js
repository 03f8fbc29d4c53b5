// Form pieces shared by the operator pages: a labelled field, and the API's error shown next
// to the field it names (error.field, a JSON path such as "tenant.name" or
// "tenants[0].quotas.gpus"), or above the form when no field of the form carries that path.

import { errorBox, h, replace } from './dom.js';

let fieldCount = 0;

// A label, the control and a place for its error. `path` is the API's name for the value.
export function field(label, control, { path, hint } = {}) {
  fieldCount += 1;
  control.id ||= `field-${fieldCount}`;
  if (path) control.dataset.field = path;
  const error = h('p', { class: 'field-error', id: `${control.id}-error`, hidden: true });
  const help = hint ? h('p', { class: 'muted small', id: `${control.id}-hint` }, hint) : null;
  control.setAttribute('aria-describedby', [help?.id, error.id].filter(Boolean).join(' '));
  return h('div', { class: 'field' }, h('label', { for: control.id }, label), control, help, error);
}

export function clearErrors(form, summary) {
  for (const control of form.querySelectorAll('[aria-invalid="true"]')) control.removeAttribute('aria-invalid');
  for (const message of form.querySelectorAll('.field-error')) { message.hidden = true; replace(message); }
  if (summary) replace(summary);
}

// The control whose path is the error's field, or the nearest enclosing one: an error about
// "services[0].params.bucket" lands on that field, one about "tenant.quotas" on the first quota.
function controlFor(form, path) {
  if (!path) return null;
  const controls = [...form.querySelectorAll('[data-field]')];
  return controls.find((c) => c.dataset.field === path)
    ?? controls.find((c) => c.dataset.field.startsWith(`${path}.`) || c.dataset.field.startsWith(`${path}[`))
    ?? controls.find((c) => path.startsWith(`${c.dataset.field}.`) || path.startsWith(`${c.dataset.field}[`))
    ?? null;
}

// Shows the error beside its field (and focuses it) and, always, in the summary box. A refusal
// that names no field but is about the whole request (a 409: a quota, a state) goes beside
// `orBeside` when given, the control the request is mostly about. Returns the control it marked.
export function showError(form, summary, error, { orBeside } = {}) {
  const control = controlFor(form, error.field) ?? (!error.field && error.status === 409 ? orBeside ?? null : null);
  if (control) {
    control.setAttribute('aria-invalid', 'true');
    const message = form.querySelector(`#${CSS.escape(control.id)}-error`);
    if (message) { message.hidden = false; replace(message, error.message); }
    control.focus();
  }
  if (summary) replace(summary, errorBox(error));
  return control;
}

export function numberInput(attrs = {}) {
  return h('input', { type: 'number', inputmode: 'decimal', ...attrs });
}

// A decimal figure in the unit the form shows (TB, GB/day) as the bytes the API wants.
export function toBytes(value, unit) {
  if (value === '' || value === null || value === undefined) return undefined;
  return Math.round(Number(value) * unit);
}
