// The tenant's S3 access keys: list, create for one of its users, rotate, revoke. The secret is
// in the create and rotate answers only, so it is shown once, in a dialog that says so, and is
// gone from the page when the dialog closes. A tenant viewer sees the list; the backend refuses
// its changes (403) and the page does not offer them.

import { api, session } from '../api.js';
import { errorBox, formatTime, h, replace, statusBadge, table } from '../dom.js';
import { canChange, tenantPath } from './portal.js';
import { snippetBlock } from './portal-services.js';

function showSecretOnce(issued, onClosed) {
  const dialog = h('dialog', { class: 'secret-dialog', 'aria-labelledby': 'secret-title' },
    h('h2', { id: 'secret-title' }, 'Your new secret key'),
    h('p', {}, 'This is the only time the secret is shown. Store it now: it cannot be shown again; ',
      'if it is lost, rotate the key.'),
    h('dl', { class: 'facts' },
      h('dt', {}, 'Access key'), h('dd', {}, h('code', { id: 'issued-access-key' }, issued.accessKey)),
      h('dt', {}, 'Secret key'), h('dd', {}, h('code', { id: 'issued-secret-key' }, issued.secretKey))),
    snippetBlock({ title: 'Environment', text: `export AWS_ACCESS_KEY_ID=${issued.accessKey}\nexport AWS_SECRET_ACCESS_KEY=${issued.secretKey}` }, 'S3 key'),
    h('form', { method: 'dialog' }, h('button', { class: 'primary', value: 'done' }, 'I have stored it')));
  dialog.addEventListener('close', () => { dialog.remove(); onClosed(); });
  document.body.append(dialog);
  dialog.showModal();
}

export function render(main) {
  const area = h('div', { 'aria-live': 'polite' }, h('p', { class: 'muted' }, 'Loading…'));
  const message = h('div');
  const userSelect = h('select', { id: 'key-user', name: 'username' });
  const createForm = h('form', { class: 'filters', id: 'create-key' },
    h('label', { for: 'key-user' }, 'New key for'), userSelect,
    h('button', { type: 'submit', class: 'primary' }, 'Create key'));
  replace(main, h('h1', {}, 'Access keys'),
    h('p', { class: 'muted' }, 'S3 access keys for your users. Rotating gives a key a new secret and ends the old one; revoking ends the key.'),
    canChange() ? createForm : h('p', { class: 'muted' }, 'You can look at the keys; a tenant administrator can change them.'),
    message, area);

  const act = async (work) => {
    replace(message);
    try {
      const issued = await work();
      if (issued?.secretKey) showSecretOnce(issued, () => area.querySelector('button')?.focus());
    } catch (error) {
      replace(message, errorBox(error));
    }
    load();
  };

  const load = async () => {
    try {
      const page = await api(tenantPath('/keys'));
      const columns = [
        { title: 'Access key', render: (k) => h('code', {}, k.accessKey) },
        { title: 'User', key: 'username' },
        { title: 'State', render: (k) => statusBadge(k.state === 'active' ? 'active' : k.state) },
        { title: 'Created', render: (k) => formatTime(k.createdAt) },
        { title: 'Rotated', render: (k) => formatTime(k.rotatedAt) },
      ];
      if (canChange()) {
        columns.push({ title: 'Actions', render: (k) => (k.state !== 'active' ? '—' : h('span', { class: 'actions' },
          h('button', { type: 'button', 'aria-label': `Rotate ${k.accessKey}`,
            onclick: () => act(() => api(`${tenantPath('/keys')}/${encodeURIComponent(k.id)}/rotate`, { method: 'POST' })) }, 'Rotate'),
          h('button', { type: 'button', class: 'danger', 'aria-label': `Revoke ${k.accessKey}`,
            onclick: () => {
              if (confirm(`Revoke ${k.accessKey}? Programs using it stop working at once.`))
                act(() => api(`${tenantPath('/keys')}/${encodeURIComponent(k.id)}`, { method: 'DELETE' }));
            } }, 'Revoke'))) });
      }
      replace(area, table(columns, page.items ?? [], { caption: page.total === 1 ? '1 key' : `${page.total ?? 0} keys` }));
    } catch (error) {
      replace(area, errorBox(error));
    }
  };

  createForm.addEventListener('submit', (event) => {
    event.preventDefault();
    act(() => api(tenantPath('/keys'), { method: 'POST', body: { username: userSelect.value } }));
  });
  if (canChange()) {
    api(tenantPath('/users')).then((page) => {
      replace(userSelect, (page.items ?? []).map((u) => h('option', { value: u.username, selected: u.username === session.user?.username }, u.username)));
    }, (error) => replace(message, errorBox(error)));
  }
  load();
  return () => document.querySelector('dialog.secret-dialog')?.remove();
}
