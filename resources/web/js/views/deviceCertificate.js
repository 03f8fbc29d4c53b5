// The "Certificate" fact of a device with an HTTPS BMC, as the desktop's device panel shows it:
// the fingerprint pinned for the BMC's host:port (found under the key discovery stores it by,
// certificatePin.js) or "Not pinned yet", and for an operator admin "Forget certificate…".
// The pin is asked for by that key (?host=), not searched for in the whole list.

import { api } from '../api.js';
import { pinKey } from '../certificatePin.js';
import { errorBox, h, replace } from '../dom.js';
import { canForgetCertificates, fingerprint, forgetButton, forgetHint, forgottenText, notPinnedText } from '../forgetCertificate.js';

export function certificateFact(bmcUrl) {
  const key = pinKey(bmcUrl);
  const fact = h('div', { class: 'certificate-fact', id: 'device-certificate', tabindex: '-1' }, h('span', { class: 'muted' }, 'Loading…'));
  const status = h('p', { role: 'status', class: 'muted small' });
  const refusal = h('div', {});

  function show(pin, message) {
    if (!pin) {
      replace(fact, h('span', {}, notPinnedText));
      replace(status, message);
      return;
    }
    const hint = h('p', { class: 'muted small', id: 'forget-certificate-hint' }, forgetHint);
    replace(fact, fingerprint(pin.sha256),
      canForgetCertificates() ? [forgetButton(pin, {
        describedBy: hint.id,
        // The button goes with the pin: the focus goes to the fact, which now says so.
        forgotten: () => { replace(refusal); show(null, forgottenText(pin.host)); fact.focus(); },
        refused: (error) => {
          replace(refusal, errorBox(error));
          if (error.status === 404) { show(null); fact.focus(); } // forgotten elsewhere meanwhile
        },
      }), hint] : null);
  }

  api('/bmc-certificates', { query: { host: key } }).then((answer) => show((answer.items ?? []).find((pin) => pin.host === key)),
    (error) => replace(fact, errorBox(error)));
  // The status and the refusal outlive the fact's content, so they are announced.
  return h('div', {}, fact, status, refusal);
}
