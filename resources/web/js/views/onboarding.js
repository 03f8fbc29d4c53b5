// Tenant onboarding with the plan shown before it is applied: the form (tenant, quotas, users,
// services from GET /api/v1/catalog with fields from their schema), "Review plan" (POST
// /api/v1/onboardings?dryRun=true: the calls it would make, none made), then "Apply" (the same
// body for real: 202 and a job whose progress follows the live stream, with a poll of GET
// /api/v1/onboardings/{id} as the fallback). The API's errors land next to the field they name.

import { api } from '../api.js';
import { h, replace } from '../dom.js';
import { clearErrors, field, numberInput, showError, toBytes } from '../forms.js';
import { paramsForm } from '../schemaForm.js';
import { followJob, planTable } from '../plan.js';

const TB = 1e12;
let userRows = 0; // for ids unique across re-renders

function userRow(onRemove) {
  userRows += 1;
  const n = userRows;
  const username = h('input', { id: `user-${n}-name`, autocomplete: 'off' });
  const password = h('input', { id: `user-${n}-password`, type: 'password', autocomplete: 'new-password' });
  const role = h('select', { id: `user-${n}-role` }, h('option', { value: 'tenant-admin' }, 'tenant-admin'), h('option', { value: 'tenant-viewer' }, 'tenant-viewer'));
  const row = h('div', { class: 'user-row' },
    field('User name', username), field('Password', password, { hint: 'At least 12 characters.' }), field('Role', role),
    h('button', { type: 'button', class: 'link-button', onclick: () => onRemove(row) }, 'Remove user'));
  row.setIndex = (i) => {
    username.dataset.field = `users[${i}].username`;
    password.dataset.field = `users[${i}].password`;
    role.dataset.field = `users[${i}].role`;
  };
  row.read = () => ({ username: username.value.trim(), password: password.value, role: role.value });
  return row;
}

function serviceBlock(entry) {
  const enable = h('input', { type: 'checkbox', id: `enable-${entry.kind}` });
  const params = paramsForm(entry, `service.${entry.kind}.params`);
  const body = h('div', { class: 'service-params', hidden: true }, params.element);
  enable.addEventListener('change', () => { body.hidden = !enable.checked; });
  return {
    kind: entry.kind,
    element: h('div', { class: 'service-choice' },
      h('div', { class: 'field field-check' }, enable, h('label', { for: enable.id }, h('strong', {}, entry.title ?? entry.kind), ` — ${entry.description ?? ''}`)),
      body),
    enabled: () => enable.checked,
    read: () => ({ kind: entry.kind, params: params.read() }),
  };
}

export function render(main) {
  const name = h('input', { autocomplete: 'off', 'aria-required': 'true' });
  const displayName = h('input', { autocomplete: 'off' });
  const contact = h('input', { type: 'email', autocomplete: 'off' });
  const capacity = numberInput({ min: 0, step: 'any', value: 10 });
  const gpus = numberInput({ min: 0, step: 1, value: 0 });
  const maxServices = numberInput({ min: 1, step: 1, value: 10 });
  const users = h('div', { class: 'users' });
  const rows = [];
  const reindex = () => rows.forEach((r, i) => r.setIndex(i));
  const removeUser = (row) => { rows.splice(rows.indexOf(row), 1); row.remove(); reindex(); };
  const addUser = () => { const row = userRow(removeUser); rows.push(row); users.append(row); reindex(); return row; };
  const servicesArea = h('div', { class: 'service-list' }, h('p', { class: 'muted' }, 'Loading…'));
  let blocks = [];

  const summary = h('div', { id: 'onboarding-error', 'aria-live': 'assertive' });
  const planArea = h('section', { id: 'onboarding-plan', 'aria-live': 'polite', 'aria-labelledby': 'plan-title', hidden: true });
  const progressArea = h('section', { id: 'onboarding-progress', 'aria-live': 'polite', hidden: true });
  const review = h('button', { type: 'submit', class: 'primary' }, 'Review plan');
  let reviewed = null; // the body the shown plan is for
  let leaveJob = null;

  // The body as the API wants it, and the service order its error paths count in.
  const collect = () => {
    const quotas = {};
    if (capacity.value !== '') quotas.capacityBytes = toBytes(capacity.value, TB);
    if (gpus.value !== '') quotas.gpus = Number(gpus.value);
    if (maxServices.value !== '') quotas.maxServices = Number(maxServices.value);
    const tenant = { name: name.value.trim(), quotas };
    if (displayName.value.trim()) tenant.displayName = displayName.value.trim();
    if (contact.value.trim()) tenant.contactEmail = contact.value.trim();
    const chosen = blocks.filter((b) => b.enabled());
    return { body: { tenant, users: rows.map((r) => r.read()), services: chosen.map((b) => b.read()) }, kinds: chosen.map((b) => b.kind) };
  };
  // "services[1].params.bucket" is the second service sent; its fields are named by kind.
  const located = (error, kinds) => {
    const match = /^services\[(\d+)\](.*)$/.exec(error.field ?? '');
    if (match && kinds[Number(match[1])]) error.field = `service.${kinds[Number(match[1])]}${match[2] || '.params'}`;
    return error;
  };
  const fail = (error, kinds) => showError(form, summary, located(error, kinds));

  const apply = async () => {
    const { body, kinds } = reviewed;
    clearErrors(form, summary);
    applyButton.disabled = true;
    try {
      const job = await api('/onboardings', { method: 'POST', body });
      planArea.hidden = true;
      progressArea.hidden = false;
      leaveJob?.();
      leaveJob = followJob(progressArea, job, {
        poll: (id) => api(`/onboardings/${encodeURIComponent(id)}`),
        title: `Onboarding ${body.tenant.name}`,
        done: (finished) => (finished.state === 'succeeded'
          ? h('p', { id: 'onboarding-done' }, 'Tenant ', h('a', { href: `/tenants/${encodeURIComponent(finished.tenantId)}`, 'data-link': true }, body.tenant.name),
            ' is active with its users and services.')
          : h('p', { class: 'error-text' }, finished.rolledBack ? 'Nothing was kept: every step done was undone.' : 'Some steps could not be undone; see the errors.')),
      });
    } catch (error) {
      applyButton.disabled = false;
      fail(error, kinds);
    }
  };
  const applyButton = h('button', { type: 'button', class: 'primary', id: 'onboarding-apply', onclick: apply }, 'Apply');

  const form = h('form', {
    id: 'onboarding-form', class: 'form-grid', 'aria-labelledby': 'onboarding-title', novalidate: true,
    oninput: () => {
      // A plan is for the form as it was reviewed: any change asks for a new review.
      if (reviewed && !planArea.hidden) { applyButton.disabled = true; planArea.dataset.stale = 'true'; }
    },
    onsubmit: async (event) => {
      event.preventDefault();
      clearErrors(form, summary);
      let collected;
      try { collected = collect(); } catch (error) { fail(error, []); return; }
      review.disabled = true;
      try {
        const plan = await api('/onboardings', { method: 'POST', query: { dryRun: 'true' }, body: collected.body });
        reviewed = collected;
        delete planArea.dataset.stale;
        applyButton.disabled = false;
        planArea.hidden = false;
        replace(planArea,
          h('h2', { id: 'plan-title' }, `Plan for ${collected.body.tenant.name}: ${plan.total ?? plan.steps.length} steps`),
          h('p', { class: 'muted' }, 'Nothing has been done yet. These are the calls Apply makes, in order; if one fails, those done are undone.'),
          planTable(plan.steps, { id: 'plan-steps', caption: 'Steps' }),
          h('div', { class: 'form-actions' }, applyButton,
            h('button', { type: 'button', onclick: () => { planArea.hidden = true; name.focus(); } }, 'Change the form')));
        planArea.querySelector('h2').setAttribute('tabindex', '-1');
        planArea.querySelector('h2').focus();
      } catch (error) {
        fail(error, collected.kinds);
      } finally {
        review.disabled = false;
      }
    },
  },
  h('fieldset', {}, h('legend', {}, 'Tenant'),
    field('Name', name, { path: 'tenant.name', hint: 'A DNS label: lower-case letters, digits and -.' }),
    field('Display name (optional)', displayName, { path: 'tenant.displayName' }),
    field('Contact e-mail (optional)', contact, { path: 'tenant.contactEmail' })),
  h('fieldset', {}, h('legend', {}, 'Quotas'),
    field('Capacity (TB)', capacity, { path: 'tenant.quotas.capacityBytes' }),
    field('GPUs', gpus, { path: 'tenant.quotas.gpus' }),
    field('Services at most', maxServices, { path: 'tenant.quotas.maxServices' })),
  h('fieldset', { class: 'wide' }, h('legend', {}, 'Users'), users,
    h('button', { type: 'button', onclick: () => addUser().querySelector('input').focus() }, 'Add a user')),
  h('fieldset', { class: 'wide' }, h('legend', {}, 'Services'), servicesArea),
  h('div', { class: 'form-actions' }, review), summary);

  replace(main, h('h1', { id: 'onboarding-title' }, 'Onboard a tenant'),
    h('p', { class: 'muted' }, 'The tenant, its network, quotas, users and services in one job: all of it or nothing. Review the plan, then apply it.'),
    form, planArea, progressArea);

  api('/catalog').then((catalog) => {
    blocks = (catalog.items ?? catalog.kinds ?? []).map(serviceBlock);
    replace(servicesArea, blocks.map((b) => b.element));
  }, (error) => showError(form, summary, error));
  return () => leaveJob?.();
}
