import type { SiteAdapter } from './types';

/**
 * STAND-IN until the `sites` branch lands `src/sites/registry.ts` with the real adapters (issue 3): a minimal
 * Facebook adapter so the watcher, overlay and E2E harness run end to end. It reads the same attributes as the
 * E2E fixture (feed articles and their story message); it is not the production Facebook adapter.
 */
const MESSAGE_SELECTOR = '[data-ad-rendering-role="story_message"], [data-ad-comet-preview="message"], [data-ad-preview="message"]';
const POST_SELECTOR = '[role="article"]';

function readVisibleText(element: Element): string {
  // Emoji are <img alt="🇰🇭"> on Facebook: a reader sees them, so they count as text.
  const walker = element.ownerDocument.createTreeWalker(element, 0x1 | 0x4 /* elements and text */);
  let text = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === 3) text += node.nodeValue ?? '';
    else if ((node as Element).tagName === 'IMG') text += (node as Element).getAttribute('alt') ?? '';
    // Each line of a post is its own block: keep lines apart so "Kamboja" and "Gaji" do not run together.
    else if (/^(DIV|P|BR|LI)$/.test((node as Element).tagName) && text && !/\s$/.test(text)) text += '\n';
  }
  return text;
}

const facebookStandIn: SiteAdapter = {
  id: 'facebook',
  name: 'Facebook',
  matches: ['https://www.facebook.com/*', 'https://web.facebook.com/*'],
  isActive: (url) => url.hostname === 'www.facebook.com' || url.hostname === 'web.facebook.com',
  findPosts(root) {
    const found: Element[] = [];
    if (root instanceof Element && root.matches(POST_SELECTOR)) found.push(root);
    found.push(...root.querySelectorAll(POST_SELECTOR));
    // Comments are nested articles; the stand-in only reads top-level posts.
    return found.filter((post) => !post.parentElement?.closest(POST_SELECTOR));
  },
  textElement: (post) => post.querySelector(MESSAGE_SELECTOR),
  readText(post) {
    const message = post.querySelector(MESSAGE_SELECTOR);
    return message ? readVisibleText(message) : '';
  },
  postId(post) {
    const link = post.querySelector<HTMLAnchorElement>('a[href*="/posts/"], a[href*="story_fbid="]');
    const href = link?.getAttribute('href') ?? '';
    return /\/posts\/(\w+)/.exec(href)?.[1] ?? /story_fbid=(\w+)/.exec(href)?.[1] ?? null;
  },
  bannerSlot: (post) => ({ parent: post, before: post.firstChild }),
};

export const interimAdapters: SiteAdapter[] = [facebookStandIn];
