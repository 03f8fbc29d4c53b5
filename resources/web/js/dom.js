// Building DOM without innerHTML: text always goes in as text, so nothing the API returns (a
// device name, an error message) can become markup, and the CSP's ban on inline code holds.

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (name === 'class') el.className = value;
    else if (value === true) el.setAttribute(name, '');
    else el.setAttribute(name, String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

export function statusBadge(status) {
  // The word is always shown: colour alone says nothing to a colour-blind operator.
  return h('span', { class: `badge badge-${status ?? 'unknown'}` }, status ?? 'unknown');
}

export function formatBytes(bytes) {
  if (bytes === null || bytes === undefined || Number.isNaN(bytes)) return '—';
  const units = ['B', 'KB', 'MB', 'GB', 'TB', 'PB', 'EB'];
  let value = Number(bytes);
  let unit = 0;
  while (Math.abs(value) >= 1000 && unit < units.length - 1) { value /= 1000; unit += 1; }
  return `${value.toFixed(value >= 100 || unit === 0 ? 0 : 1)} ${units[unit]}`;
}

export function formatTime(iso) {
  if (!iso) return '—';
  const time = new Date(iso);
  return Number.isNaN(time.getTime()) ? iso : time.toLocaleString();
}

export function errorBox(error) {
  // The API's own words: its error.message, with the code for a support ticket.
  return h('div', { class: 'error', role: 'alert' },
    h('strong', {}, error.status ? `Error ${error.status}: ` : 'Error: '), error.message,
    error.code ? h('span', { class: 'muted' }, ` (${error.code})`) : null);
}

export function table(columns, rows, { caption, rowLink } = {}) {
  return h('div', { class: 'table-wrap' },
    h('table', {},
      caption ? h('caption', {}, caption) : null,
      h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, c.title)))),
      h('tbody', {}, rows.length === 0
        ? h('tr', {}, h('td', { colspan: columns.length, class: 'muted' }, 'Nothing to show.'))
        : rows.map((row) => h('tr', {}, columns.map((c, i) => {
          const content = c.render ? c.render(row) : (row[c.key] ?? '—');
          const link = i === 0 && rowLink ? rowLink(row) : null;
          return h(i === 0 ? 'th' : 'td', i === 0 ? { scope: 'row' } : {},
            link ? h('a', { href: link, 'data-link': true }, content) : content);
        }))))));
}
