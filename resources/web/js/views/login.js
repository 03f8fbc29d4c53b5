// Sign-in: POST /api/v1/auth/login; the API's refusal is shown in its own words.

import { login } from '../api.js';
import { errorBox, h, replace } from '../dom.js';

export function render(container, { onSignedIn }) {
  const error = h('div', { id: 'login-error', 'aria-live': 'assertive' });
  const username = h('input', { id: 'username', name: 'username', autocomplete: 'username', required: true, value: 'admin' });
  const password = h('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Sign in');
  const form = h('form', {
    class: 'login-card',
    'aria-labelledby': 'login-title',
    onsubmit: async (event) => {
      event.preventDefault();
      submit.disabled = true;
      replace(error);
      try {
        await login(username.value.trim(), password.value);
        onSignedIn(new URLSearchParams(location.search).get('next'));
      } catch (failure) {
        replace(error, errorBox(failure));
        password.select();
      } finally {
        submit.disabled = false;
      }
    },
  },
  h('img', { src: '/icons/logo.svg', alt: '', width: 48, height: 48 }),
  h('h1', { id: 'login-title' }, 'NeoCloud Box'),
  h('p', { class: 'muted' }, 'Sign in to the console.'),
  h('label', { for: 'username' }, 'User name'), username,
  h('label', { for: 'password' }, 'Password'), password,
  error, submit);
  container.append(h('main', { class: 'login-page' }, form));
  password.focus();
}
