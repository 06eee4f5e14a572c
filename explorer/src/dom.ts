import { ApiError } from './api';

type Child = Node | string | null | undefined | false;

/** Builds an element; text children are text nodes, never HTML, so record text cannot inject markup. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  element.append(...children.filter((child): child is Node | string => child !== null && child !== undefined && child !== false));
  return element;
}

/** An in-app link: the router handles it without reloading the page. */
export function link(href: string, ...children: Child[]): HTMLAnchorElement {
  return el('a', { href, 'data-link': true }, ...children);
}

export function loading(what: string): HTMLElement {
  return el('p', { class: 'state state-loading', role: 'status', 'aria-busy': 'true' }, `Loading ${what}…`);
}

export function empty(message: string): HTMLElement {
  return el('p', { class: 'state state-empty', role: 'status' }, message);
}

/** An error as the reader should see it: a database outage named as such, with a way to retry. */
export function failure(error: unknown, retry?: () => void): HTMLElement {
  const apiError = error instanceof ApiError ? error : undefined;
  const title =
    apiError?.failure === 'outage'
      ? 'Database unavailable'
      : apiError?.failure === 'unreachable'
        ? 'API unreachable'
        : apiError?.failure === 'not-found'
          ? 'Not found'
          : 'Something went wrong';
  const message = error instanceof Error ? error.message : String(error);
  const box = el(
    'div',
    { class: `state state-error${apiError?.failure === 'outage' ? ' state-outage' : ''}`, role: 'alert' },
    el('strong', {}, title),
    el('p', {}, message),
  );
  if (retry) {
    const button = el('button', { type: 'button' }, 'Retry');
    button.addEventListener('click', retry);
    box.append(button);
  }
  return box;
}

/** Search snippets mark matches with <em>; everything else in them is text. */
export function highlighted(snippet: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  snippet.split(/(<em>.*?<\/em>)/g).forEach((part) => {
    const match = /^<em>(.*)<\/em>$/.exec(part);
    fragment.append(match ? el('mark', {}, match[1]) : part);
  });
  return fragment;
}
