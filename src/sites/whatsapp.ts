import type { SiteAdapter } from './types';
import { isElement, readElementText, selfAndDescendants } from './read-text';
import { oncePerRead } from './read-cache';

// WhatsApp Web is closed source; its class names (_amjv, x1n2onr6 ...) are generated and change with every build.
// What stays: the open chat lives in `#main`; each message row carries `data-id` = "<fromMe>_<chat>@<server>_<msgId>"
// (e.g. "false_6281234567890@c.us_3EB0C0FFEE"); the bubble has .message-in / .message-out; the text sits in
// `div.copyable-text[data-pre-plain-text="[10:54, 12/9/2025] Name: "]` > `span.selectable-text.copyable-text`.
// Sources: the "WhatsApp Web DOM Reference Guide" (December 2024) and selectors of public userscripts/extensions
// found through the code search (gustavomoura628/WhatsApp-Drone-Group-Sales-Notifier violentmonkey.js reads
// span.selectable-text and data-pre-plain-text; eladw917/whatsapp_snapshot content.js walks #main ... div.copyable-text
// > span.selectable-text.copyable-text).

/** A message row (DOM guide: `div._amjv[data-id]`; Airminal bridge: messageRow `[data-id]`), keyed on the fromMe flag. */
const MESSAGE = '[data-id^="false_"], [data-id^="true_"]';
/**
 * The text span (DOM guide and the violentmonkey notifier: `span.selectable-text`; `.copyable-text
 * [data-pre-plain-text]` marks the message's own block, which quoted replies do not have).
 */
const TEXT_SELECTORS = [
  '[data-pre-plain-text] span.selectable-text',
  'span.selectable-text.copyable-text',
  '[data-pre-plain-text]',
];
/** Chrome near the text: time and ticks (aria-hidden spans in the DOM guide) and the "Read more" button. */
const CHROME = '[aria-hidden="true"], .read-more-button, [data-icon]';
const AUTHOR_FROM_PRE_PLAIN_TEXT = /^\[[^\]]*\]\s*(.+?):\s*$/;

function findTextElement(post: Element): Element | null {
  for (const selector of TEXT_SELECTORS) {
    for (const found of Array.from(post.querySelectorAll(selector))) {
      // A quoted message inside a reply is a clickable block (role=button) with its own text span: not ours.
      if (found.closest(MESSAGE) === post && !found.closest('[role="button"]')) return found;
    }
  }
  return null;
}
/** Looked up once per post while the watcher reads or writes (see read-cache.ts). */
const textElement = oncePerRead(findTextElement);

export const whatsappAdapter: SiteAdapter = {
  id: 'whatsapp',
  name: 'WhatsApp Web',
  matches: ['https://web.whatsapp.com/*'],

  isActive(url) {
    return url.protocol === 'https:' && url.hostname === 'web.whatsapp.com';
  },

  findPosts(root) {
    return selfAndDescendants(root, MESSAGE).filter((row) => textElement(row) !== null);
  },

  textElement,

  readText(post) {
    return readElementText(textElement(post), { skip: CHROME, whiteSpace: 'pre-line' });
  },

  // WhatsApp reuses rows, rewriting data-id.
  idAttributes: ['data-id'],

  postId(post) {
    // WhatsApp's list virtualises: a row element can be reused, so data-id is read fresh every time.
    return post.getAttribute('data-id');
  },

  author(post) {
    const pre = post.querySelector('[data-pre-plain-text]')?.getAttribute('data-pre-plain-text') ?? '';
    const name = AUTHOR_FROM_PRE_PLAIN_TEXT.exec(pre)?.[1]?.trim();
    return name ? { name } : null;
  },

  bannerSlot(post) {
    // Right under the bubble, inside the row's .message-in/.message-out column.
    const column = post.querySelector('.message-in, .message-out');
    return { parent: column ?? post, before: null };
  },

  postContaining(node) {
    const element = isElement(node) ? node : node.parentElement;
    return element?.closest(MESSAGE) ?? null;
  },
};
