import type { Assessment } from '../detect/types';
import type { AssessMessage, FeedbackMessage, PageState, PageStateMessage } from '../messages';
import { ASSESS_PORT, MAX_ASSESS_BATCH, MAX_ASSESSED_CHARS } from '../message-constants';
import type { PostFeedback } from '../settings/schema';

/**
 * The content script's side of the messages in src/messages.ts. It imports types only from there: zod, the detector,
 * the locales and the channel data stay in the background. Replies come from the extension's own background, which
 * validated what it read; here they get a shape check, so a broken reply fails the request instead of the page.
 */
export type SendMessage = (message: unknown) => Promise<unknown>;

const LEVELS = new Set(['high', 'caution', 'none']);

function isAssessment(value: unknown): value is Assessment {
  const candidate = value as Assessment | null;
  return !!candidate && LEVELS.has(candidate.level) && Array.isArray(candidate.signals);
}

function isPageState(value: unknown): value is PageState {
  const state = value as PageState | null;
  return (
    !!state &&
    typeof state.settings === 'object' &&
    state.settings !== null &&
    Array.isArray(state.settings.disabledSites) &&
    Array.isArray(state.hiddenKeys) &&
    typeof state.banner?.text === 'object' &&
    Array.isArray(state.banner?.channels)
  );
}

/** The settings, hidden posts and banner strings for this page, from the background. */
export async function requestPageState(send: SendMessage): Promise<PageState> {
  const request: PageStateMessage = { type: 'waspada:page-state' };
  const reply = await send(request);
  if (!isPageState(reply)) throw new Error('the background sent no page state');
  return reply;
}

/** Asks the background to store the user's feedback on a post. */
export async function sendFeedback(send: SendMessage, kind: FeedbackMessage['kind'], entry: PostFeedback): Promise<void> {
  const message: FeedbackMessage = { type: 'waspada:feedback', kind, entry };
  await send(message);
}

interface Waiting {
  text: string;
  resolve(assessment: Assessment): void;
  reject(error: unknown): void;
}

/** Sends one batch of texts to the background; resolves with its reply, whatever it is (checked by the caller). */
export type AssessTransport = (texts: string[]) => Promise<unknown>;

/** A long-lived connection to the background (browser.runtime.connect). */
export interface PortLike {
  postMessage(message: unknown): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

/**
 * Batches over one port, opened when first needed and again after the background went away (an MV3 service worker
 * stops when idle). A port costs the page less per message than runtime.sendMessage, which opens and closes a
 * channel each time, and its answers come back sooner: often before the frame that draws the posts, so their
 * banners are drawn in it. A batch in flight when the port closes is sent once more on a new port.
 */
export function portTransport(connect: (name: string) => PortLike): AssessTransport {
  let port: PortLike | undefined;
  let nextId = 1;
  const inFlight = new Map<number, { texts: string[]; retried: boolean; resolve(reply: unknown): void; reject(error: unknown): void }>();

  function open(): PortLike {
    if (port) return port;
    const opened = connect(ASSESS_PORT);
    port = opened;
    opened.onMessage.addListener((reply) => {
      const id = (reply as { id?: unknown } | null)?.id;
      const request = typeof id === 'number' ? inFlight.get(id) : undefined;
      if (!request) return;
      inFlight.delete(id as number);
      request.resolve(reply);
    });
    opened.onDisconnect.addListener(() => {
      if (port === opened) port = undefined;
      const lost = [...inFlight.entries()];
      inFlight.clear();
      for (const [, request] of lost) {
        if (request.retried) request.reject(new Error('the background went away'));
        else post({ ...request, retried: true });
      }
    });
    return opened;
  }

  function post(request: { texts: string[]; retried: boolean; resolve(reply: unknown): void; reject(error: unknown): void }) {
    const id = nextId++;
    inFlight.set(id, request);
    try {
      const message: AssessMessage = { type: 'waspada:assess', id, texts: request.texts };
      open().postMessage(message);
    } catch (error) {
      // the extension is gone (updated or removed): no port can be opened
      inFlight.delete(id);
      port = undefined;
      request.reject(error);
    }
  }

  return (texts) => new Promise((resolve, reject) => post({ texts, retried: false, resolve, reject }));
}

/** Batches as one runtime message each. */
export function messageTransport(send: SendMessage): AssessTransport {
  return (texts) => {
    const message: AssessMessage = { type: 'waspada:assess', texts };
    return send(message);
  };
}

/**
 * The detector, in the background: texts asked for in the same turn (one slice of the watcher) travel together, so
 * the page's main thread pays for a message per slice, not a detector per post.
 */
export function remoteAssessor(transport: AssessTransport, maxBatch = MAX_ASSESS_BATCH): (text: string) => Promise<Assessment> {
  let queue: Waiting[] = [];

  async function ask(batch: Waiting[]) {
    try {
      const reply = (await transport(batch.map((item) => item.text))) as { assessments?: unknown[] } | null;
      const assessments = reply?.assessments;
      if (!Array.isArray(assessments) || assessments.length !== batch.length || !assessments.every(isAssessment)) {
        throw new Error('the background sent no assessments');
      }
      batch.forEach((item, index) => item.resolve(assessments[index] as Assessment));
    } catch (error) {
      for (const item of batch) item.reject(error);
    }
  }

  function flush() {
    const waiting = queue;
    queue = [];
    for (let from = 0; from < waiting.length; from += maxBatch) void ask(waiting.slice(from, from + maxBatch));
  }

  return (text) =>
    new Promise<Assessment>((resolve, reject) => {
      if (queue.length === 0) queueMicrotask(flush);
      queue.push({ text: text.length > MAX_ASSESSED_CHARS ? text.slice(0, MAX_ASSESSED_CHARS) : text, resolve, reject });
    });
}
