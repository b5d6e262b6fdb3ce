import type { SiteAdapter } from './types';
import { absoluteHref, authorFromLink, isElement, outermost, readElementText, selfAndDescendants } from './read-text';
import { oncePerRead } from './read-cache';

// X (Twitter) renders with React Native for Web; class names are generated, but data-testid values are stable and
// used by nearly every public extension and userscript: article[data-testid="tweet"], [data-testid="tweetText"],
// [data-testid="User-Name"], [data-testid="cellInnerDiv"] (virtualised timeline cells), and the post's own
// `a[href*="/status/"] > time` permalink. Read in AndryMI/social_crawler Twitter/Scripts/Twitter/TweetInfo.js
// (time.closest('a').href as the post link, tweetText img alt as emoji) and the "X/Twitter DOM Selectors
// Reference" (January 2026) found through the code search.

/** A post: `article[data-testid="tweet"]` (TweetInfo.js, the DOM reference); fallback an article in a timeline cell. */
const POST = 'article[data-testid="tweet"], [data-testid="cellInnerDiv"] article[role="article"]';
/** A quoted post is a clickable card (`div[role="link"]`, its time a bare <time>) inside the article: not ours. */
const QUOTE = 'div[role="link"]';
const STATUS_ID = /\/status(?:es)?\/(\d+)/;

function ownedBy(element: Element, post: Element): boolean {
  if (element.closest('article') !== post) return false;
  const quote = element.closest(QUOTE);
  return !quote || !post.contains(quote);
}

function findTextElement(post: Element): Element | null {
  for (const found of Array.from(post.querySelectorAll('[data-testid="tweetText"]'))) {
    if (ownedBy(found, post)) return found;
  }
  return null;
}
/** Looked up once per post while the watcher reads or writes (see read-cache.ts). */
const textElement = oncePerRead(findTextElement);

function permalinkAnchor(post: Element): Element | null {
  for (const time of Array.from(post.querySelectorAll('a[href*="/status/"] time'))) {
    if (ownedBy(time, post)) return time.closest('a');
  }
  return null;
}

export const xAdapter: SiteAdapter = {
  id: 'x',
  name: 'X (Twitter)',
  matches: ['https://x.com/*', 'https://twitter.com/*', 'https://mobile.x.com/*', 'https://mobile.twitter.com/*'],

  isActive(url) {
    return url.protocol === 'https:' && ['x.com', 'twitter.com', 'mobile.x.com', 'mobile.twitter.com'].includes(url.hostname);
  },

  findPosts(root) {
    return outermost(selfAndDescendants(root, POST)).filter((post) => textElement(post) !== null);
  },

  textElement,

  readText(post) {
    // Links keep their aria-hidden "https://" and tail parts: the full URL is what a recruiter's contact really is.
    // tweetText is styled pre-wrap and wraps mentions in inline-flex divs.
    return readElementText(textElement(post), { whiteSpace: 'pre-line', inline: true });
  },

  postId(post) {
    const href = permalinkAnchor(post)?.getAttribute('href') ?? '';
    return STATUS_ID.exec(href)?.[1] ?? null;
  },

  permalink(post) {
    return absoluteHref(permalinkAnchor(post));
  },

  author(post) {
    // User-Name holds the display name link first, then the @handle link.
    const link = post.querySelector('[data-testid="User-Name"] a[href^="/"]');
    return authorFromLink(link);
  },

  bannerSlot(post) {
    // In the content column, right under the post text.
    const text = textElement(post);
    if (text?.parentElement) return { parent: text.parentElement, before: text.nextSibling };
    return { parent: post, before: null };
  },

  postContaining(node) {
    const element = isElement(node) ? node : node.parentElement;
    // The outermost article: a quoted post is not an article, but be safe.
    let post = element?.closest(POST) ?? null;
    for (let outer = post?.parentElement?.closest(POST); outer; outer = outer.parentElement?.closest(POST)) post = outer;
    return post;
  },
};
