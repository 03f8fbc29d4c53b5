// The part every "enable a service" form shares, the operator's on a tenant's page and a tenant
// admin's in the portal: the kind, chosen from what GET /api/v1/catalog offers, and the fields
// that kind's schema asks for. Both forms send what read() gives to POST
// /api/v1/tenants/{id}/services and show its refusals with showRefusal.

import { api } from './api.js';
import { h, replace } from './dom.js';
import { field, showError } from './forms.js';
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

  return {
    elements: [field('Service kind', kind, { path: 'kind' }), paramsArea],
    loaded,
    // The request's body, {kind, params}; throws (with the field) a value that cannot be sent.
    read: () => ({ kind: kind.value, params: params?.read() ?? {} }),
    // The API's refusal beside the field it names; one about the whole request (the tenant's
    // maxServices quota, a tenant that is not active) beside the kind, which is what it refuses.
    showRefusal: (form, summary, error) => showError(form, summary, error, { orBeside: kind }),
  };
}
