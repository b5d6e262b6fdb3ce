import type { SiteAdapter } from './types';
import {
  absoluteHref,
  authorFromLink,
  isElement,
  jsonAttribute,
  outermost,
  readElementText,
  selfAndDescendants,
} from './read-text';
import { oncePerRead } from './read-cache';

// Facebook's mobile web comes in two generations, both served on m.facebook.com (mbasic.facebook.com now redirects
// there, but old links and some regions still get the basic pages):
//  - Server-rendered "MTouch" pages: every feed post is `div[data-tracking-duration-id]` inside
//    `div[data-type="vscroller"]`, built from `div[data-mcomponent="MContainer"]` blocks; text sits in
//    `[data-mcomponent="ServerTextArea"]` / `[data-mcomponent="TextArea"]` > `.native-text`. Source: public filter
//    lists and userscripts found through the code search (uBlock-style rules on `div[data-tracking-duration-id]`
//    and `div[data-mcomponent="TextArea"] .native-text > span`; the MaterialBook text-selection userscript).
//  - Classic m./mbasic pages: posts are `article[data-ft]` / `div[role="article"][data-ft]` with
//    data-sigil="story-div", the body in `div.story_body_container`, the message in `div[data-ft='{"tn":"*s"}']`
//    (`._5rgt`), "See more" as `.text_exposed_hide` + `.text_exposed_show`, the permalink page in
//    `#m_story_permalink_view`. Source: scrapers found through the code search (div[data-ft], .story_body_container,
//    story_fbid / permalink links; Facebook's data-ft JSON with top_level_post_id and mf_story_key), and a mobile
//    scraper's SELECTORS table (postComment [data-sigil="comment"], postCommentBody [data-sigil="comment-body"]
//    with data-commentid, postMoreLink [data-sigil="more"], postTime [data-sigil="m-feed-voice-subtitle"] abbr).

const MODERN_POST = 'div[data-tracking-duration-id]';
const CLASSIC_POST = 'article[data-ft], [role="article"][data-ft], [data-sigil~="story-div"]';
const PERMALINK_VIEW = '#m_story_permalink_view';
const POST = `${MODERN_POST}, ${CLASSIC_POST}`;
/** Classic story pages list comments as data-sigil="comment" blocks with a data-sigil="comment-body" text. */
const COMMENT = '[data-sigil~="comment"]';
const COMMENT_BODY = '[data-sigil~="comment-body"]';

/** Classic message block: data-ft {"tn":"*s"} marks the story text; ._5rgt is its long-lived class. */
const CLASSIC_TEXT = ['[data-ft*=\'"tn":"*s"\']', '.story_body_container ._5rgt', '.story_body_container > div'];
const MODERN_TEXT = '[data-mcomponent="ServerTextArea"]';
const MODERN_TEXT_AREA = '[data-mcomponent="TextArea"]';
const MIN_FALLBACK_MESSAGE_LENGTH = 40;
/** "See more" pieces and buttons: `.text_exposed_hide` holds the ellipsis and the link; buttons are not text. */
const CHROME =
  '.text_exposed_hide, .text_exposed_link, .see_more_link, [data-sigil~="more"], [role="button"], [aria-hidden="true"]';

const POST_ID_IN_HREF = [/[?&]story_fbid=([\w-]+)/, /\/permalink\/(\d+)/, /\/posts\/([\w-]+)/, /[?&]fbid=(\d+)/];

function isModern(post: Element): boolean {
  return post.matches(MODERN_POST);
}

function ownedBy(element: Element, post: Element): boolean {
  if (post.matches(COMMENT)) return element.closest(COMMENT) === post;
  if (element.closest(COMMENT)) return false;
  return element.closest(POST) === post || (post.matches(PERMALINK_VIEW) && element.closest(POST) === null);
}

function findTextElement(post: Element): Element | null {
  if (post.matches(COMMENT)) return post.querySelector(COMMENT_BODY);
  if (isModern(post)) {
    const server = Array.from(post.querySelectorAll(MODERN_TEXT)).find((found) => ownedBy(found, post));
    if (server) return server;
    // Without a ServerTextArea the message is the text area with the most text, if it is longer than any name,
    // time or label ("Reels", "Suggested for you") is.
    let best: Element | null = null;
    let bestLength = MIN_FALLBACK_MESSAGE_LENGTH - 1;
    for (const area of Array.from(post.querySelectorAll(MODERN_TEXT_AREA))) {
      const length = (area.textContent ?? '').length;
      if (ownedBy(area, post) && length > bestLength) [best, bestLength] = [area, length];
    }
    return best;
  }
  for (const selector of CLASSIC_TEXT) {
    const found = Array.from(post.querySelectorAll(selector)).find((candidate) => ownedBy(candidate, post));
    if (found) return found;
  }
  return null;
}
/** Looked up once per post while the watcher reads or writes (see read-cache.ts). */
const textElement = oncePerRead(findTextElement);

function permalinkAnchor(post: Element): Element | null {
  const selector = 'a[href*="story_fbid="], a[href*="/permalink/"], a[href*="/posts/"], a[href*="story.php"]';
  return Array.from(post.querySelectorAll(selector)).find((anchor) => ownedBy(anchor, post)) ?? null;
}

export const facebookMobileAdapter: SiteAdapter = {
  id: 'facebook-mobile',
  name: 'Facebook (mobile web)',
  matches: ['https://m.facebook.com/*', 'https://mbasic.facebook.com/*'],

  isActive(url) {
    if (url.protocol !== 'https:' || !['m.facebook.com', 'mbasic.facebook.com'].includes(url.hostname)) return false;
    return !/^\/(messages|login|settings|checkpoint)(\/|\.php|$)/.test(url.pathname);
  },

  findPosts(root) {
    const posts = selfAndDescendants(root, POST);
    // The permalink page wraps the single story in #m_story_permalink_view, sometimes with no article around it.
    for (const view of selfAndDescendants(root, PERMALINK_VIEW)) {
      if (!view.querySelector(POST)) posts.push(view);
    }
    // Comments sit inside their story: they are units of their own, next to it.
    const comments = selfAndDescendants(root, COMMENT);
    return outermost(posts).concat(comments).filter((post) => textElement(post) !== null);
  },

  textElement,

  readText(post) {
    return readElementText(textElement(post), { skip: CHROME });
  },

  postId(post) {
    if (post.matches(COMMENT)) {
      const id = post.querySelector(COMMENT_BODY)?.getAttribute('data-commentid') || post.id;
      return id ? `comment:${id}` : null;
    }
    // Classic pages: data-ft is Facebook's own tracking JSON with the post id.
    const ft = jsonAttribute(post, 'data-ft');
    for (const key of ['top_level_post_id', 'mf_story_key']) {
      const value = ft?.[key];
      if (typeof value === 'string' || typeof value === 'number') return String(value);
    }
    const href = permalinkAnchor(post)?.getAttribute('href') ?? '';
    for (const pattern of POST_ID_IN_HREF) {
      const id = pattern.exec(href)?.[1];
      if (id) return id;
    }
    // MTouch pages: the tracking id names the unit for as long as it is on the page.
    const tracking = post.getAttribute('data-tracking-duration-id');
    return tracking ? `tracking:${tracking}` : null;
  },

  permalink(post) {
    return absoluteHref(permalinkAnchor(post));
  },

  author(post) {
    // Classic: header h3 (or strong) link, a comment's first link; MTouch has no stable author marker.
    const selector = post.matches(COMMENT) ? 'a[href]' : 'header h3 a, h3 a, h3 strong a, strong > a';
    const link = Array.from(post.querySelectorAll(selector)).find((found) => ownedBy(found, post)) ?? null;
    return authorFromLink(link);
  },

  bannerSlot(post) {
    const text = textElement(post);
    if (text?.parentElement) return { parent: text.parentElement, before: text };
    return { parent: post, before: post.firstChild };
  },

  postContaining(node) {
    const element = isElement(node) ? node : node.parentElement;
    return element?.closest(COMMENT) ?? element?.closest(POST) ?? element?.closest(PERMALINK_VIEW) ?? null;
  },
};
