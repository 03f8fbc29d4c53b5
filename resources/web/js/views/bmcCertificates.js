// Settings' "BMC certificates": the certificate each HTTPS BMC presented first (trust on first
// use), from GET /api/v1/bmc-certificates, with the devices behind each address. A site can have
// thousands of BMCs, so the list is filtered in the page and drawn a page of rows at a time;
// an operator admin forgets a pin (forgetCertificate.js) and its row goes.

import { api } from '../api.js';
import { displayedSha256, normalizedSha256 } from '../certificatePin.js';
import { errorBox, formatTime, h, replace, table } from '../dom.js';
import { canForgetCertificates, fingerprint, forgetButton, forgottenText } from '../forgetCertificate.js';

const pageSize = 50;
const filterShownFrom = 10; // a short list needs no filter box

const plural = (count, one, many) => `${count.toLocaleString()} ${count === 1 ? one : many}`;

// What a filter matches: the address, the fingerprint in either form, a device's name.
function matches(pin, words) {
  if (words.length === 0) return true;
  const text = [pin.host, normalizedSha256(pin.sha256), displayedSha256(pin.sha256), ...(pin.devices ?? []).map((d) => d.name)]
    .join(' ').toLowerCase();
  return words.every((word) => text.includes(word));
}

function devicesOf(pin) {
  const devices = pin.devices ?? [];
  if (devices.length === 0) return h('span', { class: 'muted' }, 'No device');
  return devices.map((d, i) => [i ? ', ' : '', h('a', { href: `/devices/${encodeURIComponent(d.id)}`, 'data-link': true }, d.name || d.id)]);
}

export function certificatesSection() {
  const title = h('h2', { id: 'certificates-title', tabindex: '-1' }, 'BMC certificates');
  const body = h('div', {}, h('p', { class: 'muted' }, 'Loading…'));
  const section = h('section', { class: 'card settings-section', 'aria-labelledby': 'certificates-title' }, title,
    h('p', { class: 'muted' }, 'The certificate each HTTPS BMC presented first (trust on first use). Discovery, the health poll and '
      + 'the BMC pages refuse any other certificate at that address until its pin is forgotten.'),
    body);
  api('/bmc-certificates').then((answer) => list(body, title, answer.items ?? []), (error) => replace(body, errorBox(error)));
  return section;
}

function list(body, title, items) {
  const admin = canForgetCertificates();
  let words = [];
  let offset = 0;
  let shown = [];
  const status = h('p', { role: 'status', class: 'muted', id: 'certificates-status' });
  const refusal = h('div', {});
  const rows = h('div', {});
  const filter = h('input', {
    id: 'certificate-filter', type: 'search', autocomplete: 'off', spellcheck: 'false', placeholder: 'host, fingerprint or device',
    oninput: () => { words = filter.value.trim().toLowerCase().split(/\s+/).filter(Boolean); offset = 0; draw(); },
  });
  // At the first or last page the button pressed turns off: the focus moves to the other one.
  const turn = (by, pressed, other) => { offset += by; draw(); if (pressed.disabled) other.focus(); };
  const previous = h('button', { type: 'button', onclick: () => turn(-pageSize, previous, next) }, 'Previous');
  const next = h('button', { type: 'button', onclick: () => turn(pageSize, next, previous) }, 'Next');
  const pageText = h('span', {});
  const pager = h('nav', { class: 'pager', 'aria-label': 'Certificate pages' }, pageText, previous, next);

  // The pin is gone (forgotten here, or elsewhere: a 404), and so is its row.
  function drop(pin) {
    const index = shown.indexOf(pin);
    items = items.filter((p) => p !== pin);
    draw();
    if (offset > 0 && shown.length === 0) { offset -= pageSize; draw(); }
    // The button went with its row: the focus goes to the row that took its place, else the one
    // before, else the heading.
    const buttons = rows.querySelectorAll('button');
    (buttons[Math.min(index, buttons.length - 1)] ?? title).focus();
  }

  const columns = [
    { title: 'Host', render: (pin) => h('code', { class: 'pin-host' }, pin.host) },
    { title: 'Fingerprint (SHA-256)', render: (pin) => fingerprint(pin.sha256) },
    { title: 'Devices', render: devicesOf },
    { title: 'Pinned at', render: (pin) => h('time', { datetime: pin.pinnedAt }, formatTime(pin.pinnedAt)) },
  ];
  if (admin) {
    columns.push({
      title: 'Action',
      render: (pin) => forgetButton(pin, {
        text: 'Forget…', label: `Forget the certificate of ${pin.host}`,
        forgotten: () => { replace(refusal); replace(status, forgottenText(pin.host)); drop(pin); },
        refused: (error) => {
          replace(status);
          replace(refusal, errorBox(error));
          if (error.status === 404) drop(pin);
        },
      }),
    });
  }

  function draw() {
    const matching = items.filter((pin) => matches(pin, words));
    shown = matching.slice(offset, offset + pageSize);
    const range = matching.length > pageSize ? `${offset + 1}–${offset + shown.length} of ` : '';
    const caption = items.length === 0 ? 'No certificate pinned: no HTTPS BMC has been scanned or visited yet.'
      : `${range}${plural(matching.length, 'certificate', 'certificates')}${words.length ? ` matching “${filter.value.trim()}”` : ''}`;
    replace(rows, table(columns, shown, { caption }));
    pager.hidden = matching.length <= pageSize;
    previous.disabled = offset === 0;
    next.disabled = offset + pageSize >= matching.length;
    replace(pageText, `Page ${Math.floor(offset / pageSize) + 1} of ${Math.max(1, Math.ceil(matching.length / pageSize))}`);
  }

  draw();
  replace(body,
    items.length >= filterShownFrom
      ? h('form', { class: 'filters', role: 'search', 'aria-label': 'Certificates', onsubmit: (e) => e.preventDefault() },
        h('label', { for: 'certificate-filter' }, 'Filter'), filter)
      : null,
    admin ? null : h('p', { class: 'muted' }, 'You can look at the pins; an operator administrator can forget one.'),
    refusal, status, rows, pager);
}
