/**
 * Chromium only: the DevTools protocol returns closed shadow roots (DOM.getDocument with pierce), and the
 * accessibility tree spans them, so tests can read what the banner really contains and what a screen reader hears.
 * Firefox over BiDi has no such view; its tests check behaviour from the page side.
 */
import type { Page } from 'puppeteer-core';

interface CdpNode {
  nodeType: number;
  localName?: string;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  contentDocument?: CdpNode;
}

export interface BannerDom {
  level: string | null;
  /** The text of the post's marked text element, as the page holds it, and without its aria-hidden parts. */
  postText: string;
  visiblePostText: string;
  /** Every element inside the banner's shadow root. */
  elementNames: string[];
  /** Text of each quote of the post's words. */
  quotes: string[];
  /** Elements inside the quotes (only the highlight of the evidence belongs there). */
  elementsInQuotes: string[];
}

const attribute = (node: CdpNode, name: string): string | null => {
  const list = node.attributes ?? [];
  for (let i = 0; i < list.length; i += 2) if (list[i] === name) return list[i + 1] ?? '';
  return null;
};

/** Light-DOM text of a subtree, with image alt text as a reader sees it; `visibleOnly` drops aria-hidden duplicates. */
function lightText(node: CdpNode, visibleOnly = false): string {
  if (node.nodeType === 3) return node.nodeValue ?? '';
  if (node.localName === 'img') return attribute(node, 'alt') ?? '';
  if (node.localName === 'script' || node.localName === 'style') return '';
  if (visibleOnly && attribute(node, 'aria-hidden') === 'true') return '';
  return (node.children ?? []).map((child) => lightText(child, visibleOnly)).join('');
}

function walk(node: CdpNode, visit: (node: CdpNode, ancestors: CdpNode[]) => void, ancestors: CdpNode[] = []) {
  visit(node, ancestors);
  const next = [...ancestors, node];
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) walk(child, visit, next);
  if (node.contentDocument) walk(node.contentDocument, visit, next);
}

function find(node: CdpNode, predicate: (node: CdpNode) => boolean): CdpNode | null {
  let found: CdpNode | null = null;
  walk(node, (candidate) => {
    if (!found && predicate(candidate)) found = candidate;
  });
  return found;
}

export async function bannersInChromium(page: Page): Promise<BannerDom[]> {
  const session = await page.createCDPSession();
  try {
    const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const banners: BannerDom[] = [];
    walk(root, (node, ancestors) => {
      if (node.localName !== 'waspada-alert') return;
      // The post's marked text: in the element right after the banner (banner before its post), else in the
      // nearest ancestor that holds one (banner inside its post).
      const isMarked = (n: CdpNode) => attribute(n, 'data-waspada-level') !== null;
      const parent = ancestors[ancestors.length - 1];
      const siblings = parent?.children ?? [];
      const next = siblings.slice(siblings.indexOf(node) + 1).find((s) => s.nodeType === 1);
      let marked = next ? find(next, isMarked) : null;
      for (let i = ancestors.length - 1; !marked && i >= 0; i--) marked = find(ancestors[i]!, isMarked);
      const shadow = node.shadowRoots?.[0];
      const elementNames: string[] = [];
      const quotes: string[] = [];
      const elementsInQuotes: string[] = [];
      if (shadow) {
        walk(shadow, (inner, innerAncestors) => {
          if (inner.nodeType !== 1 || !inner.localName) return;
          elementNames.push(inner.localName);
          if (inner.localName === 'q') quotes.push(lightText(inner));
          if (innerAncestors.some((a) => a.localName === 'q')) elementsInQuotes.push(inner.localName);
        });
      }
      banners.push({
        level: attribute(node, 'level'),
        postText: marked ? lightText(marked) : '',
        visiblePostText: marked ? lightText(marked, true) : '',
        elementNames: [...new Set(elementNames)],
        quotes,
        elementsInQuotes: [...new Set(elementsInQuotes)],
      });
    });
    return banners;
  } finally {
    await session.detach();
  }
}

interface AxNode {
  name?: string;
  focused?: boolean;
  children?: AxNode[];
}

/** Accessible name of the focused element, through shadow roots. */
export async function focusedNameInChromium(page: Page): Promise<string> {
  const tree = (await page.accessibility.snapshot()) as AxNode | null;
  const stack = tree ? [tree] : [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.focused) return node.name ?? '';
    stack.push(...(node.children ?? []));
  }
  return '';
}

/**
 * Text a banner shows in the UI language: its shadow tree's text without the quotes of the post (page text) and
 * without its <style>. One string per banner, in document order.
 */
export async function bannerUiTextsInChromium(page: Page): Promise<string[]> {
  const session = await page.createCDPSession();
  try {
    const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const texts: string[] = [];
    const uiText = (node: CdpNode): string => {
      if (node.nodeType === 3) return node.nodeValue ?? '';
      if (node.localName === 'q' || node.localName === 'style') return ' ';
      const inner = (node.children ?? []).map(uiText).join('');
      return /^(p|li|div|section|ul|button|a)$/.test(node.localName ?? '') ? ` ${inner} ` : inner;
    };
    walk(root, (node) => {
      if (node.localName === 'waspada-alert' && node.shadowRoots?.[0]) texts.push(uiText(node.shadowRoots[0]).replace(/\s+/g, ' ').trim());
    });
    return texts;
  } finally {
    await session.detach();
  }
}

/**
 * Puts a copy of each banner's closed shadow tree, exactly as the extension rendered it (same elements, attributes,
 * styles, place in the page), into an open shadow root on a sibling host, and hides the original. axe-core can only
 * walk open shadow roots; the production banner stays closed. Returns the copies' selector. Chromium only: the
 * DevTools protocol resolves closed shadow roots.
 */
export async function openCopiesOfBannersInChromium(page: Page): Promise<string> {
  const session = await page.createCDPSession();
  try {
    const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode & { backendNodeId?: number } };
    const shadows: number[] = [];
    walk(root, (node) => {
      const shadow = node.localName === 'waspada-alert' ? (node.shadowRoots?.[0] as (CdpNode & { backendNodeId?: number }) | undefined) : undefined;
      if (shadow?.backendNodeId) shadows.push(shadow.backendNodeId);
    });
    for (const backendNodeId of shadows) {
      const { object } = (await session.send('DOM.resolveNode', { backendNodeId })) as { object: { objectId: string } };
      await session.send('Runtime.callFunctionOn', {
        objectId: object.objectId,
        functionDeclaration: `function () {
          const copy = document.createElement('waspada-alert-open-copy');
          copy.setAttribute('level', this.host.getAttribute('level'));
          const open = copy.attachShadow({ mode: 'open' });
          for (const child of this.childNodes) open.append(child.cloneNode(true));
          this.host.after(copy);
          this.host.style.setProperty('display', 'none', 'important');
        }`,
      });
      await session.send('Runtime.releaseObject', { objectId: object.objectId });
    }
    return 'waspada-alert-open-copy';
  } finally {
    await session.detach();
  }
}
