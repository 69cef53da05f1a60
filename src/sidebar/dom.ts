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

/**
 * Like fill, but leaves the element alone when its text would not change: a live region is not
 * read out again, and focus inside it is not lost, on a refresh that changed nothing there.
 */
export function refill(element: HTMLElement, ...children: Child[]): void {
  const text = children.map((child) => (typeof child === 'string' ? child : child.textContent ?? '')).join('');
  if (element.textContent !== text || element.childNodes.length === 0) fill(element, ...children);
}

export function option(value: string, label: string, selected = false): HTMLOptionElement {
  const element = el('option', {}, label);
  element.value = value;
  element.selected = selected;
  return element;
}

/**
 * A message slot holds two live regions, present and empty from the page's load so that screen
 * readers announce what is later written into them: a status for news, an alert for errors.
 * `kind` chooses the region and its colour; the other region is emptied.
 */
export function showMessage(slot: HTMLElement, kind: 'success' | 'error' | 'info', ...children: Child[]): void {
  const [status, alert] = regionsOf(slot);
  const shown = kind === 'error' ? alert : status;
  fill(kind === 'error' ? status : alert);
  shown.className = `message ${kind}`;
  slot.className = `messages ${kind}`;
  fill(shown, ...children);
}

export function hideMessage(slot: HTMLElement): void {
  for (const region of regionsOf(slot)) fill(region);
  slot.className = 'messages';
}

function regionsOf(slot: HTMLElement): [HTMLElement, HTMLElement] {
  const status = slot.querySelector<HTMLElement>(':scope > [role=status]');
  const alert = slot.querySelector<HTMLElement>(':scope > [role=alert]');
  if (!status || !alert) throw new Error(`The sidebar page's #${slot.id} has no status and alert regions.`);
  return [status, alert];
}
