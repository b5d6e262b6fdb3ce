import type { SiteAdapter } from './types';
import { isElement, readElementText, selfAndDescendants } from './read-text';
import { oncePerRead } from './read-cache';

// Telegram Web K is morethanwords/tweb. Class names below were read in its source:
// src/components/chat/bubbles/bubbleLayout.tsx (.bubble > .bubble-content-wrapper > .bubble-content > .message),
// src/components/chat/bubbles.ts (data-mid / data-peer-id / data-timestamp on .bubble; `message_sent` rewrites
// data-mid on the same element; .bubble.service and .is-date pills), src/components/chat/messageRender.ts
// (span.time with .time-inner appended inside .message; channel posts get .channel-post and .post-views).

/** A message bubble. tweb: `.bubble[data-mid]` inside `.bubbles-inner` > `section.bubbles-date-group` > `.bubbles-group`. */
const BUBBLE = '.bubble[data-mid]';
/** Service messages and date pills are bubbles too (bubbles.ts: 'bubble service is-date'); they are not posts. */
const NOT_A_POST = '.service, .is-date';
/** The text block. tweb bubbleText.tsx renders `div.message.spoilers-container` inside `.bubble-content`. */
const TEXT_SELECTORS = ['.bubble-content > .message', '.message.spoilers-container', '.message'];
/**
 * Chrome inside the text block: time, views and post author (messageRender.ts setTime), inline reactions
 * (reactions.ts `reactions-element`), the reply quote (messageRender.ts setReply `.reply`).
 */
const CHROME = '.time, .time-inner, .post-views, .reactions, reactions-element, .reply, .bubble-beside-button';

function isPostBubble(element: Element): boolean {
  return !element.matches(NOT_A_POST);
}

function findTextElement(post: Element): Element | null {
  for (const selector of TEXT_SELECTORS) {
    const found = post.querySelector(selector);
    // A reply quote or web-page preview never holds `.message`, but a nested bubble (albums) might: keep our own.
    if (found && found.closest(BUBBLE) === post) return found;
  }
  return null;
}
/** Looked up once per post while the watcher reads or writes (see read-cache.ts). */
const textElement = oncePerRead(findTextElement);

export const telegramKAdapter: SiteAdapter = {
  id: 'telegram-k',
  name: 'Telegram Web K',
  matches: ['https://web.telegram.org/k/*'],

  isActive(url) {
    return url.protocol === 'https:' && url.hostname === 'web.telegram.org' && /^\/k(\/|$)/.test(url.pathname);
  },

  findPosts(root) {
    return selfAndDescendants(root, BUBBLE).filter((bubble) => isPostBubble(bubble) && textElement(bubble) !== null);
  },

  textElement,

  readText(post) {
    return readElementText(textElement(post), { skip: CHROME });
  },

  // data-mid is rewritten on the same .bubble (temporary → server id, recycled bubbles).
  idAttributes: ['data-mid'],

  postId(post) {
    // data-mid is rewritten on the same element (temporary → server id), so it is read fresh every time.
    const mid = post.getAttribute('data-mid');
    if (!mid) return null;
    const peer = post.getAttribute('data-peer-id') ?? post.closest('[data-peer-id]')?.getAttribute('data-peer-id');
    return peer ? `${peer}_${mid}` : mid;
  },

  author(post) {
    // bubbleName.tsx: `.name` holds a `.peer-title`; forwarded posts wrap it in `.bubble-name-forwarded`.
    const title = post.querySelector('.name .peer-title');
    const name = readElementText(title);
    return name ? { name } : null;
  },

  bannerSlot(post) {
    // Inside the bubble, right under the message text, so the warning reads as part of the post.
    const text = textElement(post);
    if (text?.parentElement) return { parent: text.parentElement, before: text.nextSibling };
    return { parent: post, before: post.firstChild };
  },

  postContaining(node) {
    const element = isElement(node) ? node : node.parentElement;
    const bubble = element?.closest(BUBBLE);
    return bubble && isPostBubble(bubble) ? bubble : null;
  },
};
