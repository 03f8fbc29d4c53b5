// "Enable a service" on a tenant's page: a kind from GET /api/v1/catalog, its parameters from
// the kind's schema (serviceKind.js, shared with the portal's form), the plan first
// (POST /api/v1/tenants/{id}/services?dryRun=true), then the real call (202; the tenant's
// service list above follows the job from the stream).

import { api } from '../api.js';
import { h, replace } from '../dom.js';
import { clearErrors } from '../forms.js';
import { serviceKindFields } from '../serviceKind.js';
import { planTable } from '../plan.js';

export function enableServiceForm(tenantId) {
  const summary = h('div', { 'aria-live': 'assertive' });
  const planArea = h('div', { id: 'enable-plan', 'aria-live': 'polite' });
  const done = h('p', { id: 'enable-result', 'aria-live': 'polite' });
  let reviewed = null;
  const fields = serviceKindFields({ id: 'enable-kind', onKindChanged: () => { replace(planArea); reviewed = null; } });

  const enable = async () => {
    clearErrors(form, summary);
    enableButton.disabled = true;
    try {
      const service = await api(`/tenants/${encodeURIComponent(tenantId)}/services`, { method: 'POST', body: reviewed });
      replace(planArea);
      replace(done, `Enabling ${service.kind}: its progress shows in the services above.`);
      reviewed = null;
    } catch (error) {
      enableButton.disabled = false;
      fields.showRefusal(form, summary, error);
    }
  };
  const enableButton = h('button', { type: 'button', class: 'primary', id: 'enable-apply', onclick: enable }, 'Enable');

  const form = h('form', {
    id: 'enable-form', 'aria-labelledby': 'enable-title', novalidate: true,
    oninput: () => { if (reviewed) { reviewed = null; replace(planArea, h('p', { class: 'muted' }, 'The form changed: review the plan again.')); } },
    onsubmit: async (event) => {
      event.preventDefault();
      replace(done);
      const body = fields.bodyToSend(form, summary);
      if (!body) return;
      try {
        const plan = await api(`/tenants/${encodeURIComponent(tenantId)}/services`, { method: 'POST', query: { dryRun: 'true' }, body });
        reviewed = body;
        enableButton.disabled = false;
        replace(planArea, h('h3', {}, `Plan: ${plan.total ?? plan.steps.length} steps, none made yet`),
          planTable(plan.steps, { caption: `Enable ${body.kind}`, id: 'enable-plan-steps' }),
          h('div', { class: 'form-actions' }, enableButton));
      } catch (error) {
        fields.showRefusal(form, summary, error);
      }
    },
  },
  fields.elements,
  h('div', { class: 'form-actions' }, h('button', { type: 'submit' }, 'Review plan')), summary);

  fields.loaded.catch((error) => fields.showRefusal(form, summary, error));

  return h('section', { class: 'card enable-service', 'aria-labelledby': 'enable-title' },
    h('h2', { id: 'enable-title' }, 'Enable a service'), form, planArea, done);
}
