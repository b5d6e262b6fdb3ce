import type { Assessment } from '../detect/types';
import type { AssessMessage, FeedbackMessage, PageState, PageStateMessage } from '../messages';
import { MAX_ASSESS_BATCH, MAX_ASSESSED_CHARS } from '../message-limits';
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

/**
 * The detector, in the background: texts asked for in the same turn (one slice of the watcher) travel in one
 * message, so the page's main thread pays for a message per slice, not a detector per post.
 */
export function remoteAssessor(send: SendMessage, maxBatch = MAX_ASSESS_BATCH): (text: string) => Promise<Assessment> {
  let queue: Waiting[] = [];

  async function ask(batch: Waiting[]) {
    try {
      const message: AssessMessage = { type: 'waspada:assess', texts: batch.map((item) => item.text) };
      const reply = (await send(message)) as { assessments?: unknown[] } | null;
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
