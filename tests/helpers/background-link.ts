import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createPageService, handlePageMessage, serveAssessPort, type PageService } from '../../src/background/page-service';
import type { PortLike } from '../../src/content/background';
import type { BackgroundLink } from '../../src/content/main';

const EXTENSION_ID = 'waspada';

/**
 * A content script's line to the real background handlers, in one test realm: messages are answered by the page
 * service, the assess port is served by it, and both ends deliver later and copy, as browsers do. `sent` records
 * every message and port message the content script sent, in order.
 */
export function backgroundLink(service: PageService = linkedService()): BackgroundLink & { sent: unknown[] } {
  const sent: unknown[] = [];
  const deliver = (listeners: Array<(message: unknown) => void>, message: unknown) =>
    setTimeout(() => listeners.forEach((listener) => listener(structuredClone(message))), 0);
  return {
    sent,
    async send(message) {
      sent.push(message);
      return (await handlePageMessage(service, message, { id: EXTENSION_ID }, EXTENSION_ID)) ?? undefined;
    },
    connect(name): PortLike {
      const toContent: Array<(message: unknown) => void> = [];
      const toBackground: Array<(message: unknown) => void> = [];
      serveAssessPort(
        service,
        { name, sender: { id: EXTENSION_ID }, postMessage: (message) => deliver(toContent, message), onMessage: { addListener: (l) => toBackground.push(l) } },
        EXTENSION_ID,
      );
      return {
        postMessage(message) {
          sent.push(message);
          deliver(toBackground, message);
        },
        onMessage: { addListener: (listener) => toContent.push(listener) },
        onDisconnect: { addListener() {} },
      };
    },
  };
}

/** The page service as the background makes it, rebuilding its detector when the fake browser's storage changes. */
export function linkedService(): PageService {
  return createPageService({ onStorageChanged: (listener) => fakeBrowser.storage.onChanged.addListener(listener) });
}
