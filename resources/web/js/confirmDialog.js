// A question asked before something that cannot be taken back, in a modal <dialog> rather than
// window.confirm(): it names the object in the page's own words and styles, it is answered by
// keyboard (Tab between the answers, Escape for no) or pointer, and the focus goes back to
// whatever opened it. "No" comes first and has the focus, so a hurried Enter changes nothing.

import { h } from './dom.js';

let dialogCount = 0;

// Resolves true when the user chose `confirmLabel`, false otherwise.
export function confirmDialog({ title, message, confirmLabel, cancelLabel = 'Cancel' }) {
  dialogCount += 1;
  const titleId = `confirm-title-${dialogCount}`;
  const messageId = `confirm-message-${dialogCount}`;
  const opener = document.activeElement;
  const dialog = h('dialog', { class: 'confirm-dialog', 'aria-labelledby': titleId, 'aria-describedby': messageId },
    h('h2', { id: titleId }, title),
    h('p', { id: messageId }, message),
    h('form', { method: 'dialog', class: 'form-actions' },
      h('button', { value: 'cancel', autofocus: true }, cancelLabel),
      h('button', { value: 'confirm', class: 'danger' }, confirmLabel)));
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => {
      const confirmed = dialog.returnValue === 'confirm';
      dialog.remove();
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
      resolve(confirmed);
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}
