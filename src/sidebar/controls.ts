/**
 * Keyboard and focus behaviour shared by the sidebar's sections: buttons that stay focusable
 * while their server call runs, and long lists of buttons that take one Tab stop.
 */
import { byId, el, fill } from './dom';

function isBusy(button: HTMLButtonElement): boolean {
  return button.getAttribute('aria-disabled') === 'true';
}

/**
 * Runs a server call for the given buttons. They stay focusable (aria-disabled, not disabled, so
 * focus never drops to the page's body) and a press while the call runs does nothing.
 */
export async function whileBusy(buttons: HTMLButtonElement[], run: () => Promise<void>): Promise<void> {
  if (buttons.some(isBusy)) return;
  for (const button of buttons) {
    button.setAttribute('aria-disabled', 'true');
    button.classList.add('busy');
  }
  try {
    await run();
  } finally {
    for (const button of buttons) {
      button.removeAttribute('aria-disabled');
      button.classList.remove('busy');
    }
  }
}

/**
 * A vertical toolbar of buttons with one Tab stop: the arrow keys, Home and End move between
 * them, and Tab leaves the list from the button last used.
 */
export function rovingButtons(list: HTMLElement): void {
  const buttons = Array.from(list.querySelectorAll<HTMLButtonElement>('button'));
  const current = Math.max(0, buttons.findIndex((button) => button.tabIndex === 0));
  buttons.forEach((button, index) => (button.tabIndex = index === current ? 0 : -1));
  if (list.dataset.roving) return;
  list.dataset.roving = 'true';
  list.addEventListener('keydown', (event) => {
    const all = Array.from(list.querySelectorAll<HTMLButtonElement>('button'));
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    const next = { ArrowDown: at + 1, ArrowRight: at + 1, ArrowUp: at - 1, ArrowLeft: at - 1, Home: 0, End: all.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    all[Math.min(all.length - 1, Math.max(0, next))].focus();
  });
  list.addEventListener('focusin', (event) => {
    const all = Array.from(list.querySelectorAll<HTMLButtonElement>('button'));
    if (!all.includes(event.target as HTMLButtonElement)) return;
    for (const button of all) button.tabIndex = button === event.target ? 0 : -1;
  });
}

/**
 * Marks a field as in error: aria-invalid, the message beside it (its id + "-error") tied to it by
 * aria-errormessage and aria-describedby, a visible mark, and focus on it. Typing clears the mark.
 */
export function markInvalid(field: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, reason: string): void {
  const note = byId(`${field.id}-error`);
  fill(note, el('strong', {}, 'Error: '), reason);
  note.hidden = false;
  field.setAttribute('aria-invalid', 'true');
  field.setAttribute('aria-errormessage', note.id);
  const described = (field.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((id) => id && id !== note.id);
  field.setAttribute('aria-describedby', [note.id, ...described].join(' '));
  if (!field.dataset.clearsError) {
    field.dataset.clearsError = 'true';
    for (const type of ['input', 'change']) field.addEventListener(type, () => clearInvalid(field));
  }
  field.focus();
}

export function clearInvalid(field: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement): void {
  if (field.getAttribute('aria-invalid') !== 'true') return;
  const note = byId(`${field.id}-error`);
  fill(note);
  note.hidden = true;
  field.removeAttribute('aria-invalid');
  field.removeAttribute('aria-errormessage');
  const described = (field.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((id) => id && id !== note.id);
  if (described.length > 0) field.setAttribute('aria-describedby', described.join(' '));
  else field.removeAttribute('aria-describedby');
}
