// "Enable a service" in the tenant portal, for a tenant admin: the kind and its fields (the same
// serviceKind.js as the operator's form), sent at once to POST /api/v1/tenants/{own id}/services.
// There is no plan step here: the plan lists the storage cluster's own calls, which are the
// operator's business, not the tenant's. The list above follows the job live; a refusal (the
// maxServices quota, a bad bucket name) is shown beside its field in the API's words.

import { api } from '../api.js';
import { h, replace } from '../dom.js';
import { serviceKindFields } from '../serviceKind.js';
import { tenantPath } from './portal.js';

// onEnabled(service) runs with the 202's service (state "enabling").
export function portalEnableForm({ onEnabled }) {
  const summary = h('div', { 'aria-live': 'assertive' });
  const done = h('p', { id: 'portal-enable-result', role: 'status' });
  const fields = serviceKindFields({ id: 'portal-enable-kind', onKindChanged: () => replace(done) });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Enable');

  const form = h('form', {
    id: 'portal-enable-form', 'aria-labelledby': 'portal-enable-title', novalidate: true,
    onsubmit: async (event) => {
      event.preventDefault();
      replace(done);
      const body = fields.bodyToSend(form, summary);
      if (!body) return;
      submit.disabled = true;
      try {
        const service = await api(tenantPath('/services'), { method: 'POST', body });
        replace(done, `Enabling ${service.kind}: its progress shows above until it is active.`);
        onEnabled(service);
      } catch (error) {
        fields.showRefusal(form, summary, error);
      } finally {
        submit.disabled = false;
      }
    },
  }, fields.elements, h('div', { class: 'form-actions' }, submit), summary);

  fields.loaded.catch((error) => fields.showRefusal(form, summary, error));

  return h('section', { class: 'card enable-service', id: 'portal-enable', 'aria-labelledby': 'portal-enable-title' },
    h('h2', { id: 'portal-enable-title' }, 'Enable a service'), form, done);
}
