// "Forget certificate…" for a BMC's pinned certificate (Settings and a device's page), worded
// as the desktop console's device panel words it (qml/ForgetCertificateDialog.qml): forgetting is how an
// operator accepts a certificate replaced on purpose, and also how an impostor would be let in,
// so it asks first, naming the address and the fingerprint trusted now.
// DELETE /api/v1/bmc-certificates/{host} is for operator admins; others get no button.

import { api, session } from './api.js';
import { displayedSha256 } from './certificatePin.js';
import { confirmDialog } from './confirmDialog.js';
import { h } from './dom.js';

export const canForgetCertificates = () => session.user?.role === 'operator-admin';

export const notPinnedText = 'Not pinned yet: the next scan or visit trusts what it presents';
export const forgetHint = 'For a certificate replaced on purpose: the next one this BMC presents is trusted';

// "AB:CD:…", allowed to break after a colon (and nowhere else) in a narrow column.
export function fingerprint(sha256) {
  const shown = displayedSha256(sha256);
  return h('code', { class: 'fingerprint' }, shown.split(':').map((pair, i) => (i ? [':', h('wbr')] : []).concat(pair)));
}

export function forgottenText(host) {
  return `Forgot the certificate of ${host}: the next certificate it presents is trusted on first use.`;
}

// Asks, then removes the pin. Resolves true once forgotten, false when the answer was no;
// rejects with the API's error (a 404 when nothing is pinned there any more).
export async function forgetCertificate(pin) {
  const confirmed = await confirmDialog({
    title: `Forget the certificate of ${pin.host}?`,
    message: 'The next scan or BMC page then trusts the certificate this address presents, whoever presents it, and the '
      + 'health poll follows that scan. Check first that the BMC’s certificate was replaced on purpose (new firmware, a '
      + `board swapped). Pinned now: ${displayedSha256(pin.sha256)}`,
    confirmLabel: 'Forget certificate',
  });
  if (!confirmed) return false;
  await api(`/bmc-certificates/${encodeURIComponent(pin.host)}`, { method: 'DELETE' });
  return true;
}

// A button that forgets `pin` after asking. The dialog gives the focus back to the button;
// `forgotten()` runs once the pin is gone (and should move the focus, the button going with
// it), `refused(error)` when the API said no.
export function forgetButton(pin, { text = 'Forget certificate…', label, describedBy, forgotten, refused }) {
  const button = h('button', {
    type: 'button', class: 'danger', 'aria-label': label, 'aria-describedby': describedBy,
    onclick: async () => {
      let done = false;
      try {
        done = await forgetCertificate(pin);
      } catch (error) {
        refused(error);
        return;
      }
      if (done) forgotten();
    },
  }, text);
  return button;
}
