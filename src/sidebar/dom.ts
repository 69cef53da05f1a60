/**
 * Building page content. Sheet text only ever goes in through textContent (never innerHTML),
 * so a cell holding markup shows as the characters typed (docs/design.md: sheet text is escaped).
 */

type Child = Node | string;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: { className?: string; attributes?: Record<string, string> } = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (options.className) element.className = options.className;
  for (const [name, value] of Object.entries(options.attributes ?? {})) element.setAttribute(name, value);
  for (const child of children) element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  return element;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`The sidebar page has no element #${id}.`);
  return element as T;
}

/** Replaces an element's content with the given nodes and text. */
export function fill(element: HTMLElement, ...children: Child[]): void {
  element.replaceChildren(...children);
}

export function option(value: string, label: string, selected = false): HTMLOptionElement {
  const element = el('option', {}, label);
  element.value = value;
  element.selected = selected;
  return element;
}

/** A status box: `kind` chooses its colour; an error is announced at once to screen readers. */
export function showMessage(box: HTMLElement, kind: 'success' | 'error' | 'info', ...children: Child[]): void {
  box.className = `message ${kind}`;
  box.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  fill(box, ...children);
  box.hidden = false;
}

export function hideMessage(box: HTMLElement): void {
  box.hidden = true;
  fill(box);
}
