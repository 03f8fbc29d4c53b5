// Settings: the dashboards (Grafana and the like) each device's page links to, the same setting
// the desktop console's Settings edits. GET /api/v1/settings/dashboards for every operator;
// an operator-admin adds, edits and removes rows and saves the whole list with PUT (the backend
// checks it: at most 20, names unique, http(s) templates with known placeholders, and names the
// refused field as items[<i>].name or items[<i>].urlTemplate, shown beside that field).
// Then the BMCs' pinned certificates (views/bmcCertificates.js).

import { api, session } from '../api.js';
import { errorBox, h, replace, table } from '../dom.js';
import { clearErrors, field, showError } from '../forms.js';
import { certificatesSection } from './bmcCertificates.js';

const placeholders = ['{name}', '{serial}', '{bmcHost}', '{id}'];
const canEdit = () => session.user?.role === 'operator-admin';

function explanation() {
  return h('p', { class: 'muted' }, 'Each dashboard becomes an “Open <name>” link on every device’s page. In its URL template, ',
    placeholders.map((p, i) => [i ? ', ' : '', h('code', {}, p)]),
    ' are replaced by the device’s name, serial number, BMC host and id, each percent-encoded.');
}

function readOnly(container, items) {
  replace(container,
    table([{ title: 'Name', key: 'name' }, { title: 'URL template', render: (d) => h('code', {}, d.urlTemplate) }], items,
      { caption: items.length === 1 ? '1 dashboard' : `${items.length} dashboards` }),
    h('p', { class: 'muted' }, 'You can look at the dashboards; an operator administrator can change them.'));
}

// The editable list. Rows are drawn from `rows` (what the inputs last held), so after a removal
// each row's fields carry the index the PUT will give them and a refusal lands on the right one.
function editor(container, saved) {
  let rows = saved.map((d) => ({ ...d }));
  const list = h('div', { class: 'dashboard-rows' });
  const summary = h('div', { 'aria-live': 'assertive' });
  const status = h('p', { role: 'status', id: 'dashboards-status' });
  const addButton = h('button', { type: 'button', onclick: () => { keep(); rows.push({ name: '', urlTemplate: '' }); draw(rows.length - 1); } },
    'Add a dashboard');
  const saveButton = h('button', { type: 'submit', class: 'primary' }, 'Save');

  const inputs = () => [...list.querySelectorAll('fieldset')].map((set) => ({
    name: set.querySelector('[data-field$=".name"]').value,
    urlTemplate: set.querySelector('[data-field$=".urlTemplate"]').value,
  }));
  const keep = () => { rows = inputs(); };

  function remove(index) {
    keep();
    rows.splice(index, 1);
    draw(Math.min(index, rows.length - 1));
  }

  // Draws the rows and puts the focus on row `focusRow`'s name (or on "Add" when there is none).
  function draw(focusRow) {
    replace(list, rows.length === 0 ? h('p', { class: 'muted' }, 'No dashboards: devices get no links.') : rows.map((row, i) => {
      const removeLabel = (value) => `Remove ${value.trim() || `dashboard ${i + 1}`}`;
      const removeButton = h('button', { type: 'button', class: 'danger', 'aria-label': removeLabel(row.name), onclick: () => remove(i) }, 'Remove');
      // The button says which dashboard it removes, by the name as it is being typed.
      const name = h('input', { type: 'text', value: row.name, autocomplete: 'off', 'aria-required': 'true',
        oninput: () => removeButton.setAttribute('aria-label', removeLabel(name.value)) });
      const template = h('input', { type: 'url', value: row.urlTemplate, autocomplete: 'off', spellcheck: 'false', 'aria-required': 'true',
        placeholder: 'https://grafana.example/d/node?var-host={name}' });
      return h('fieldset', { class: 'dashboard-row' }, h('legend', {}, `Dashboard ${i + 1}`),
        field('Name', name, { path: `items[${i}].name` }),
        field('URL template', template, { path: `items[${i}].urlTemplate` }),
        removeButton);
    }));
    if (focusRow === undefined) return;
    const target = focusRow >= 0 ? list.querySelectorAll('fieldset')[focusRow]?.querySelector('input') : null;
    (target ?? addButton).focus();
  }

  const form = h('form', {
    id: 'dashboards-form', 'aria-labelledby': 'dashboards-title', novalidate: true,
    oninput: () => replace(status),
    onsubmit: async (event) => {
      event.preventDefault();
      clearErrors(form, summary);
      replace(status);
      keep();
      saveButton.disabled = true;
      try {
        const answer = await api('/settings/dashboards', { method: 'PUT', body: { items: rows } });
        rows = (answer.items ?? []).map((d) => ({ ...d }));
        draw();
        replace(status, rows.length === 1 ? 'Saved: 1 dashboard.' : `Saved: ${rows.length} dashboards.`);
      } catch (error) {
        showError(form, summary, error);
      } finally {
        saveButton.disabled = false;
      }
    },
  }, list, h('div', { class: 'form-actions' }, addButton, saveButton), summary, status);
  draw();
  replace(container, form);
}

export function render(main) {
  const area = h('div', {}, h('p', { class: 'muted' }, 'Loading…'));
  replace(main, h('h1', {}, 'Settings'),
    h('section', { class: 'card settings-section', 'aria-labelledby': 'dashboards-title' },
      h('h2', { id: 'dashboards-title' }, 'Dashboards'), explanation(), area),
    certificatesSection());
  api('/settings/dashboards').then((answer) => {
    const items = answer.items ?? [];
    if (canEdit()) editor(area, items); else readOnly(area, items);
  }, (error) => replace(area, errorBox(error)));
}
