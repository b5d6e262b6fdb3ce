/**
 * Pure DOM helpers shared by the site adapters. They only walk nodes and read attributes: no innerText, no computed
 * style, no layout, so reading a post never forces the page to lay itself out.
 */

/** Tags never read as post text: our own banner, code, media and form controls (local names, as the DOM gives them). */
const SKIPPED_TAGS = new Set([
  'waspada-alert',
  'script',
  'style',
  'template',
  'noscript',
  'svg',
  'canvas',
  'video',
  'audio',
  'input',
  'textarea',
  'select',
  'button',
]);

/** Tags that start and end a line, as a browser would lay them out. */
const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tr',
  'ul',
]);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
/** A block boundary: several in a row (nested blocks, whitespace between them) make a single line break. */
const BLOCK_EDGE = '\u0001';

export interface ReadTextOptions {
  /** Selector of descendants to leave out: timestamps, reaction counts, "See more" buttons, quoted posts. */
  skip?: string;
  /**
   * How the site styles its text: 'normal' (line breaks come from `<br>` and blocks; a newline inside a text node is
   * just a space) or 'pre-line' (X and WhatsApp write line breaks as newline characters in the text).
   */
  whiteSpace?: 'normal' | 'pre-line';
  /** The text is one inline flow whatever its tags (X wraps mentions in inline-flex divs): no line break per div. */
  inline?: boolean;
}

/**
 * The text of `root` as a reader sees it: text nodes, emoji images as their alt text, link and hashtag text, text
 * split across spans joined, `<br>` and block boundaries as newlines. Whitespace is collapsed the way a browser would
 * (runs of spaces become one, blank lines at most one). Returns '' for null.
 */
export function readElementText(root: Element | null | undefined, options: ReadTextOptions = {}): string {
  if (!root) return '';
  const keepNewlines = options.whiteSpace === 'pre-line';
  const blocks = options.inline ? null : BLOCK_TAGS;
  // One selector pass over the root instead of a match per element: most posts have few or none of these.
  const skipped = options.skip ? root.querySelectorAll(options.skip) : null;
  const skip = skipped && skipped.length > 0 ? new Set(Array.from(skipped)) : null;
  let text = '';
  // Depth first through sibling and parent pointers: no child lists to copy, no stack a deep page could overflow.
  let node: Node = root;
  for (;;) {
    let enter = false;
    const type = node.nodeType;
    if (type === TEXT_NODE) {
      // most text nodes hold neither: skip the copies a replace makes
      let data = (node as Text).data;
      if (data.includes(BLOCK_EDGE)) data = data.replace(/\u0001/g, '');
      if (!keepNewlines && data.includes('\n')) data = data.replace(/\n/g, ' ');
      text += data;
    } else if (type === ELEMENT_NODE) {
      const element = node as Element;
      const tag = element.localName;
      if (node !== root && (SKIPPED_TAGS.has(tag) || element.hasAttribute('hidden') || skip?.has(element))) {
        // left out, with everything inside
      } else if (tag === 'br') {
        text += '\n';
      } else if (tag === 'img') {
        // Sites draw emoji as images whose alt is the emoji itself.
        const alt = element.getAttribute('alt');
        if (alt) text += alt;
      } else {
        if (blocks?.has(tag)) text += BLOCK_EDGE;
        enter = true;
      }
    }
    const child = enter ? node.firstChild : null;
    if (child) {
      node = child;
      continue;
    }
    // An element entered and left at once (empty) closes here; the others close on the way up.
    if (enter && blocks?.has((node as Element).localName)) text += BLOCK_EDGE;
    let next: Node | null = null;
    while (node !== root && !(next = node.nextSibling)) {
      node = node.parentNode!;
      if (blocks?.has((node as Element).localName)) text += BLOCK_EDGE;
    }
    if (!next) break;
    node = next;
  }
  return normaliseWhitespace(text);
}

/**
 * Collapses whitespace the way a browser lays text out: runs of spaces become one, consecutive block edges one line
 * break, spaces around line breaks go, at most one blank line in a row.
 */
export function normaliseWhitespace(text: string): string {
  // each pass only where it can change something: on a feed this runs for every post
  let result = /[\t\f\r\u00a0]| {2}/.test(text) ? text.replace(/[ \t\f\r\u00a0]+/g, ' ') : text;
  if (result.includes(BLOCK_EDGE)) result = result.replace(/[ \u0001]*\u0001[ \u0001]*/g, '\n');
  if (result.includes(' \n') || result.includes('\n ')) result = result.replace(/ ?\n ?/g, '\n');
  if (result.includes('\n\n\n')) result = result.replace(/\n{3,}/g, '\n\n');
  return result.trim();
}

/** `root` itself (when it matches) followed by its matching descendants, in document order. */
export function selfAndDescendants(root: ParentNode, selector: string): Element[] {
  const found = Array.from(root.querySelectorAll(selector));
  if (isElement(root) && root.matches(selector)) found.unshift(root);
  return found;
}

/** The first element matched by the first selector that matches anything inside `root` (fallback chains). */
export function firstMatch(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const found = root.querySelector(selector);
    if (found) return found;
  }
  return null;
}

/** Drops elements that sit inside another element of the list, so a post is never found twice through a wrapper. */
export function outermost(elements: readonly Element[]): Element[] {
  const set = new Set(elements);
  return elements.filter((element) => {
    for (let parent = element.parentElement; parent; parent = parent.parentElement) {
      if (set.has(parent)) return false;
    }
    return true;
  });
}

/** Drops elements that contain another element of the list (keeps the innermost candidates). */
export function innermost(elements: readonly Element[]): Element[] {
  return elements.filter((element) => !elements.some((other) => other !== element && element.contains(other)));
}

/** Unique elements, first occurrence kept. */
export function unique(elements: readonly Element[]): Element[] {
  return Array.from(new Set(elements));
}

/** Closest ancestor-or-self of `element` matching `selector` that is still inside `boundary` (inclusive). */
export function closestWithin(element: Element, selector: string, boundary: Element): Element | null {
  const found = element.closest(selector);
  return found && boundary.contains(found) ? found : null;
}

export function isElement(node: unknown): node is Element {
  return typeof node === 'object' && node !== null && (node as Node).nodeType === ELEMENT_NODE;
}

/** An absolute URL for `href` resolved against the element's document, or null when it is not http(s). */
export function absoluteHref(anchor: Element | null | undefined): string | null {
  const href = anchor?.getAttribute('href');
  if (!href || href === '#') return null;
  try {
    const url = new URL(href, anchor!.ownerDocument?.baseURI ?? undefined);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** A post's author from the link that names them: its text, and its address where it has one. */
export function authorFromLink(link: Element | null | undefined): { name: string; url?: string } | null {
  const name = readElementText(link);
  if (!name) return null;
  const url = absoluteHref(link);
  return url ? { name, url } : { name };
}

/** Parses a JSON attribute (Facebook's `data-ft`, `data-store`); null when absent or malformed. */
export function jsonAttribute(element: Element, name: string): Record<string, unknown> | null {
  const raw = element.getAttribute(name);
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
