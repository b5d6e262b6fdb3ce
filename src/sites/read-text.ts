/**
 * Pure DOM helpers shared by the site adapters. They only walk nodes and read attributes: no innerText, no computed
 * style, no layout, so reading a post never forces the page to lay itself out.
 */

/** Tags never read as post text: our own banner, code, media and form controls. */
const SKIPPED_TAGS = new Set([
  'WASPADA-ALERT',
  'SCRIPT',
  'STYLE',
  'TEMPLATE',
  'NOSCRIPT',
  'SVG',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'INPUT',
  'TEXTAREA',
  'SELECT',
  'BUTTON',
]);

/** Tags that start and end a line, as a browser would lay them out. */
const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TR',
  'UL',
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
  const parts: string[] = [];
  const keepNewlines = options.whiteSpace === 'pre-line';
  // Iterative walk: pages nest text deeply and a recursion limit is no place to fail.
  const stack: (Node | typeof BLOCK_EDGE)[] = [root];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (item === BLOCK_EDGE) {
      parts.push(BLOCK_EDGE);
      continue;
    }
    if (item.nodeType === TEXT_NODE) {
      // most text nodes hold neither: skip the copies a replace makes
      let data = (item as Text).data;
      if (data.includes(BLOCK_EDGE)) data = data.replace(/\u0001/g, '');
      if (!keepNewlines && data.includes('\n')) data = data.replace(/\n/g, ' ');
      parts.push(data);
      continue;
    }
    if (item.nodeType !== ELEMENT_NODE) continue;
    const element = item as Element;
    const tag = element.tagName.toUpperCase();
    if (element !== root && isSkipped(element, tag, options.skip)) continue;
    if (tag === 'BR') {
      parts.push('\n');
      continue;
    }
    if (tag === 'IMG') {
      // Sites draw emoji as images whose alt is the emoji itself.
      const alt = element.getAttribute('alt');
      if (alt) parts.push(alt);
      continue;
    }
    const block = !options.inline && BLOCK_TAGS.has(tag);
    if (block) {
      parts.push(BLOCK_EDGE);
      stack.push(BLOCK_EDGE);
    }
    const children = element.childNodes;
    for (let index = children.length - 1; index >= 0; index -= 1) stack.push(children[index]!);
  }
  return normaliseWhitespace(parts.join(''));
}

function isSkipped(element: Element, tag: string, skip: string | undefined): boolean {
  if (SKIPPED_TAGS.has(tag)) return true;
  if (element.hasAttribute('hidden')) return true;
  return skip !== undefined && element.matches(skip);
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
