// Events and alerts: GET /api/v1/events (newest first, with a severity filter); new ones arrive
// from the live stream at the top of the list.

import { api } from '../api.js';
import { errorBox, h, replace } from '../dom.js';
import * as stream from '../stream.js';
import { eventRow } from './overview.js';
import { navigate } from '../main.js';

export function render(main, _params, query) {
  const severity = query.get('severity') ?? '';
  const list = h('ul', { class: 'events', id: 'event-list', 'aria-live': 'polite', 'aria-busy': 'true' });
  const select = h('select', { id: 'event-severity' },
    ['', 'info', 'warning', 'critical'].map((s) => h('option', { value: s, selected: s === severity }, s || 'all')));
  select.addEventListener('change', () => {
    navigate(select.value ? `/events?severity=${select.value}` : '/events', { replace: true });
  });
  replace(main, h('h1', {}, 'Events'),
    h('div', { class: 'filters' }, h('label', { for: 'event-severity' }, 'Severity'), select), list);
  api('/events', { query: { limit: 200, severity } }).then((page) => {
    replace(list, page.items.length ? page.items.map(eventRow) : h('li', { class: 'muted empty' }, 'No events.'));
  }, (error) => replace(list, h('li', {}, errorBox(error)))).finally(() => list.removeAttribute('aria-busy'));
  return stream.on('event', (event) => {
    if (severity && event.severity !== severity) return;
    list.querySelector('.empty')?.remove();
    const row = eventRow(event);
    row.classList.add('changed');
    list.prepend(row);
  });
}
