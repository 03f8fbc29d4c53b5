// The part every "enable a service" form shares, the operator's on a tenant's page and a tenant
// admin's in the portal: the kind, chosen from what GET /api/v1/catalog offers, and the fields
// that kind's schema asks for. Both forms send what read() gives to POST
// /api/v1/tenants/{id}/services and show its refusals with showRefusal.

import { api } from './api.js';
import { h, replace } from './dom.js';
import { clearErrors, field, showError } from './forms.js';
import { paramsForm } from './schemaForm.js';

// `id` names the kind's <select>; onKindChanged runs after a new kind's fields are shown.
export function serviceKindFields({ id, onKindChanged } = {}) {
  const kind = h('select', { id });
  const paramsArea = h('div');
  let catalog = [];
  let params = null;

  const showParams = () => {
    const entry = catalog.find((e) => e.kind === kind.value);
    params = entry ? paramsForm(entry, 'params') : null;
    replace(paramsArea, params?.element);
    onKindChanged?.();
  };
  kind.addEventListener('change', showParams);

  // Resolves once the catalog's kinds are offered; rejects with the API's error.
  const loaded = api('/catalog').then((answer) => {
    catalog = answer.items ?? [];
    replace(kind, catalog.map((e) => h('option', { value: e.kind }, e.title ?? e.kind)));
    showParams();
  });

  // The request's body, {kind, params}; throws (with the field) a value that cannot be sent.
  const read = () => ({ kind: kind.value, params: params?.read() ?? {} });
  const showRefusal = (form, summary, error) => showError(form, summary, error, { orBeside: kind });

  return {
    elements: [field('Service kind', kind, { path: 'kind' }), paramsArea],
    loaded,
    // The API's refusal beside the field it names; one about the whole request (the tenant's
    // maxServices quota, a tenant that is not active) beside the kind, which is what it refuses.
    showRefusal,
    // On submit: the last refusal cleared, the body to send, or null with the reason shown.
    bodyToSend(form, summary) {
      clearErrors(form, summary);
      try { return read(); } catch (error) { showRefusal(form, summary, error); return null; }
    },
  };
}
