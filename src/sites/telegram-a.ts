import type { SiteAdapter } from './types';
import { isElement, readElementText, selfAndDescendants } from './read-text';
import { oncePerRead } from './read-cache';

// Telegram Web A is Ajaxy/telegram-tt. Structure read in src/components/middle/message/Message.tsx:
// div#message-<id>.Message.message-list-item[data-message-id] > .message-content-wrapper > .message-content >
// .content-inner > .text-content (with MessageMeta inside when the meta sits in the text);
// src/global/helpers/messages.ts getMessageHtmlId (`message-<id>`, older builds `message<id>`);
// src/components/middle/MessageListContent.tsx (.messages-container > .message-date-group; ActionMessage for service).

/** A message. Message.tsx: className 'Message message-list-item', id getMessageHtmlId(id), data-message-id. */
const MESSAGE = '.Message[data-message-id], .Message[id^="message"]';
/** Service messages (ActionMessage.tsx) share .message-list-item but not .Message; listed for safety. */
const NOT_A_POST = '.ActionMessage';
/** Message.tsx renderContent: `div.text-content.clearfix` inside `.content-inner`. */
const TEXT_SELECTORS = ['.content-inner > .text-content', '.text-content'];
/**
 * Chrome inside or around the text: MessageMeta.tsx (.MessageMeta: views, signature, time), Reactions.tsx
 * (.Reactions), the pending-translation duplicate (.translation-animation), sender title (.message-title),
 * reply quote (EmbeddedMessage.tsx).
 */
const CHROME = '.MessageMeta, .Reactions, .translation-animation, .message-title, .EmbeddedMessage';
const ID_FROM_HTML_ID = /^message-?(\d+(?:-\d+)?)/;

function findTextElement(post: Element): Element | null {
  for (const selector of TEXT_SELECTORS) {
    for (const found of Array.from(post.querySelectorAll(selector))) {
      // Quoted replies and web-page previews do not use .text-content, but a nested message might: keep our own.
      if (found.closest(MESSAGE) === post && !found.closest('.EmbeddedMessage, .WebPage')) return found;
    }
  }
  return null;
}
/** Looked up once per post while the watcher reads or writes (see read-cache.ts). */
const textElement = oncePerRead(findTextElement);

function messageId(post: Element): string | null {
  const fromData = post.getAttribute('data-message-id');
  if (fromData) return fromData;
  const fromId = ID_FROM_HTML_ID.exec(post.id);
  return fromId ? fromId[1]!.replace('-', '.') : null;
}

/** The open chat: telegram-tt keeps it in the hash (`#-1001234567890`, `#@username`, `#123_456` for threads). */
function chatFromLocation(post: Element): string | null {
  const hash = post.ownerDocument?.defaultView?.location.hash ?? '';
  const chat = decodeURIComponent(hash.replace(/^#/, '')).trim();
  return chat || null;
}

export const telegramAAdapter: SiteAdapter = {
  id: 'telegram-a',
  name: 'Telegram Web A',
  matches: ['https://web.telegram.org/a/*'],

  isActive(url) {
    return url.protocol === 'https:' && url.hostname === 'web.telegram.org' && /^\/a(\/|$)/.test(url.pathname);
  },

  findPosts(root) {
    return selfAndDescendants(root, MESSAGE).filter((post) => !post.matches(NOT_A_POST) && textElement(post) !== null);
  },

  textElement,

  readText(post) {
    return readElementText(textElement(post), { skip: CHROME });
  },

  // Both carry the message id and are rewritten on the same .Message.
  idAttributes: ['data-message-id', 'id'],

  postId(post) {
    // Read fresh each time: a local message becomes a server message with a new id on the same element.
    const id = messageId(post);
    if (!id) return null;
    const chat = chatFromLocation(post);
    return chat ? `${chat}_${id}` : id;
  },

  author(post) {
    // Message.tsx renderSenderName: `.message-title > .message-title-name`.
    const name = readElementText(post.querySelector('.message-title-name'));
    return name ? { name } : null;
  },

  bannerSlot(post) {
    // Under the bubble, inside `.message-content-wrapper`, whose children rarely change (inline buttons, reactions).
    const content = post.querySelector('.message-content');
    if (content?.parentElement) return { parent: content.parentElement, before: content.nextSibling };
    return { parent: post, before: null };
  },

  postContaining(node) {
    const element = isElement(node) ? node : node.parentElement;
    const post = element?.closest(MESSAGE);
    return post && !post.matches(NOT_A_POST) ? post : null;
  },
};
