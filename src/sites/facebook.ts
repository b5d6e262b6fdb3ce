import type { SiteAdapter } from './types';
import { absoluteHref, authorFromLink, isElement, outermost, readElementText, selfAndDescendants, unique } from './read-text';
import { oncePerRead } from './read-cache';

// Facebook desktop ("Comet", React) generates its class names; what stays is ARIA and a few data attributes. Each
// selector below names where it was read (public repositories found through the code search); none is a UI string.

/**
 * Elements that are a post (or a comment) on their own: `[role="article"]` (longphamdev/facebook-group-monitor
 * content.js; comments as nested articles in a "Comet 2025" facebook-post-selectors.ts), `[aria-posinset]` feed
 * posts (same pack: `[role="feed"] [role="article"][aria-posinset]`), `[data-pagelet^="FeedUnit_"]` (older feed:
 * gregorymachon/no-ads facebook.js, stephlaurrain/nofacebookads script.js).
 */
const POST_ROOT = '[role="article"], [aria-posinset], [data-pagelet^="FeedUnit_"]';
/**
 * The message block, newest attribute first: `story_message` (chriswch/rental-hunter
 * src/entrypoints/content/providers/facebook/selectors.ts), `[data-ad-comet-preview]` / `[data-ad-preview="message"]`
 * (the Comet 2025 pack's TEXT list; DimensionDev Maskbook's getPostContentFacebook).
 */
const STORY_MESSAGE =
  '[data-ad-rendering-role="story_message"], [data-ad-comet-preview="message"], [data-ad-preview="message"]';
const ROOT_OR_MESSAGE = `${POST_ROOT}, ${STORY_MESSAGE}`;
/** A comment's body: `div[dir="auto"]` paragraphs inside a `[lang]` span (the Comet 2025 pack's `div[lang]` text). */
const COMMENT_BODY = '[dir="auto"][lang], [lang] > [dir="auto"]';
/** Last resort inside a post: the paragraph block Comet writes for user text (`div[dir="auto"]`, group-monitor). */
const PARAGRAPH = 'div[dir="auto"][style*="text-align"]';
/** Buttons inside the message ("See more", "See translation") are not post text: matched by role, not wording. */
const CHROME = '[role="button"]';
/**
 * Permalinks: `/posts/` and `/permalink/` (Comet 2025 pack PERMALINK, group-monitor), story_fbid and photo links.
 * One `a:is(...)` rather than seven `a[...]`: each element is tested once for being a link, not seven times.
 */
const PERMALINK = `a:is(${[
  '[href*="/posts/"]',
  '[href*="/permalink/"]',
  '[href*="story_fbid="]',
  '[href*="/permalink.php"]',
  '[href*="multi_permalinks="]',
  '[href*="/photo/?fbid="]',
  '[href*="/photo.php?fbid="]',
].join(', ')})`;
const POST_ID_IN_HREF = [
  /\/posts\/([\w-]+)/,
  /\/permalink\/(\d+)/,
  /[?&]story_fbid=([\w-]+)/,
  /[?&]multi_permalinks=(\d+)/,
  /[?&]fbid=(\d+)/,
];
/** A comment's own link carries ?comment_id= (and &reply_comment_id= for a reply). */
const COMMENT_ID_IN_HREF = /[?&]comment_id=(\d+)/;
/** The author line: profile_name (rental-hunter) or the heading (Comet 2025 pack AUTHOR: `h3 a[role="link"]`). */
const HEADING = '[data-ad-rendering-role="profile_name"], h2, h3, h4';

/** The post root that owns `element`: the nearest POST_ROOT ancestor (not `element` itself). */
function ownerRoot(element: Element): Element | null {
  return element.parentElement?.closest(POST_ROOT) ?? null;
}

/** True when `element` belongs to `post` and not to a post or comment nested inside it. */
function ownedBy(element: Element, post: Element): boolean {
  const owner = ownerRoot(element);
  return owner === post || (owner === null && post.contains(element)) || (owner !== null && !post.contains(owner));
}

const anything = () => true;

/**
 * The first match inside `post` that belongs to it and passes `accept`. The first match usually does: querySelector
 * stops there, where a list would match the selector against the whole post (and wrap every match).
 */
function ownFirst(post: Element, selector: string, accept: (found: Element) => boolean = anything): Element | null {
  const first = post.querySelector(selector);
  if (!first || (ownedBy(first, post) && accept(first))) return first;
  const all = post.querySelectorAll(selector);
  for (let index = 1; index < all.length; index += 1) {
    const found = all[index]!;
    if (ownedBy(found, post) && accept(found)) return found;
  }
  return null;
}

function ownText(post: Element, selector: string): Element | null {
  return ownFirst(post, selector);
}

/**
 * A comment or reply: an article without a message block of its own that sits in a comment list (`ul > li`) or,
 * like Comet's comments, is named by its own aria-label instead of pointing at a heading with aria-labelledby.
 */
function isComment(post: Element): boolean {
  if (!post.matches('[role="article"]') || ownStory(post) !== null) return false;
  const labelledLikeComment = post.hasAttribute('aria-label') && !post.hasAttribute('aria-labelledby');
  return labelledLikeComment || post.parentElement?.closest('li') != null;
}

/** The post's own message block (not a nested post's); asked by textElement and isComment alike. */
const ownStory = oncePerRead((post: Element) => ownText(post, STORY_MESSAGE));

function findTextElement(post: Element): Element | null {
  const story = ownStory(post);
  if (story) return outermostStory(story);
  if (isComment(post)) return ownText(post, COMMENT_BODY);
  return ownText(post, COMMENT_BODY) ?? ownText(post, PARAGRAPH);
}
/** Looked up once per post while the watcher reads or writes (see read-cache.ts). */
const textElement = oncePerRead(findTextElement);

/** story_message wraps the comet-preview block: hand out the outer one so its whole subtree counts as the text. */
function outermostStory(story: Element): Element {
  let outer = story;
  for (let parent = story.parentElement?.closest(STORY_MESSAGE); parent; parent = parent.parentElement?.closest(STORY_MESSAGE)) {
    outer = parent;
  }
  return outer;
}

/** A single-post page can render the message with no article around it: climb to the block with the author line. */
function rootForLooseMessage(message: Element): Element {
  let candidate: Element = message;
  for (let depth = 0, parent = message.parentElement; parent && depth < 12; depth += 1, parent = parent.parentElement) {
    candidate = parent;
    if (parent.querySelector(HEADING)) return parent;
  }
  return candidate;
}

/** A comment's own link carries comment_id; the post's link does not. */
const isPostLink = (anchor: Element) => !COMMENT_ID_IN_HREF.test(anchor.getAttribute('href') ?? '');

function permalinkAnchor(post: Element): Element | null {
  // the post's link sits in its header, above the message and comments: the first match, found without a full pass
  return ownFirst(post, PERMALINK, isPostLink);
}

function commentId(post: Element): string | null {
  for (const anchor of Array.from(post.querySelectorAll('a[href*="comment_id="]'))) {
    if (!ownedBy(anchor, post)) continue;
    const href = anchor.getAttribute('href') ?? '';
    const comment = COMMENT_ID_IN_HREF.exec(href)?.[1];
    const reply = /[?&]reply_comment_id=(\d+)/.exec(href)?.[1];
    if (comment) return `comment:${reply ?? comment}`;
  }
  return null;
}

export const facebookAdapter: SiteAdapter = {
  id: 'facebook',
  name: 'Facebook',
  matches: ['https://www.facebook.com/*', 'https://web.facebook.com/*'],

  isActive(url) {
    if (url.protocol !== 'https:' || !['www.facebook.com', 'web.facebook.com'].includes(url.hostname)) return false;
    // Messenger, login and settings have no posts; Messenger's DOM is not handled here.
    return !/^\/(messages|login|settings|checkpoint)(\/|$)/.test(url.pathname);
  },

  findPosts(root) {
    // One selector pass finds both; each message found also tells which post (if any) it is the message of.
    const roots: Element[] = [];
    const loose: Element[] = [];
    /** Roots found here whose own message is not known yet. */
    const storyless = new Set<Element>();
    for (const element of selfAndDescendants(root, ROOT_OR_MESSAGE)) {
      const isRoot = element.matches(POST_ROOT);
      if (isRoot) {
        roots.push(element);
        storyless.add(element);
        if (!element.matches(STORY_MESSAGE)) continue;
      }
      const owner = ownerRoot(element);
      // Messages not inside any known root (single-post pages): find them, also when `root` is inside such a message.
      if (owner === null && !isRoot) loose.push(rootForLooseMessage(outermostStory(element)));
      // In document order, a root's own message is the first whose nearest root it is: what ownStory finds (ownedBy).
      else if (owner !== null && storyless.delete(owner)) ownStory.remember(owner, element);
    }
    // every message inside these roots was seen above: the rest have none of their own
    for (const post of storyless) ownStory.remember(post, null);
    // A feed-unit wrapper around an article owns no text of its own and drops out here.
    return unique(outermost(loose).concat(roots)).filter((post) => textElement(post) !== null);
  },

  textElement,

  readText(post) {
    return readElementText(textElement(post), { skip: CHROME });
  },

  postId(post) {
    if (isComment(post)) return commentId(post);
    const href = permalinkAnchor(post)?.getAttribute('href') ?? '';
    for (const pattern of POST_ID_IN_HREF) {
      const id = pattern.exec(href)?.[1];
      if (id) return id;
    }
    // Feed timestamps often get their real href only on hover; fall back to the unit's feed position.
    const positioned = post.closest('[aria-posinset]');
    if (positioned) return `posinset:${positioned.getAttribute('aria-posinset')}`;
    // Then the React id of its heading, stable for as long as the post stays rendered.
    const labelled = post.getAttribute('aria-labelledby') ?? post.getAttribute('aria-describedby');
    return labelled ? `aria:${labelled}` : null;
  },

  permalink(post) {
    return absoluteHref(permalinkAnchor(post));
  },

  author(post) {
    const heading = ownText(post, '[data-ad-rendering-role="profile_name"] a, h2 a, h3 a, h4 a');
    return authorFromLink(heading);
  },

  bannerSlot(post) {
    // Inside the post, right above the message: the reader meets the warning before the offer.
    const text = textElement(post);
    if (text?.parentElement) return { parent: text.parentElement, before: text };
    return { parent: post, before: post.firstChild };
  },

  postContaining(node) {
    const element = isElement(node) ? node : node.parentElement;
    // most nodes asked about (units added to a feed) are in neither: one walk up says so
    if (!element?.closest(ROOT_OR_MESSAGE)) return null;
    for (let root = element.closest(POST_ROOT); root; root = ownerRoot(root)) {
      if (textElement(root)) return root;
    }
    const message = element.closest(STORY_MESSAGE);
    return message ? rootForLooseMessage(outermostStory(message)) : null;
  },
};
