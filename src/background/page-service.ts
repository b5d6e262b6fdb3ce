import type { Browser } from 'wxt/browser';
import { assessPost } from '../detect';
import type { Assessment } from '../detect/types';
import {
  ASSESS_PORT,
  AssessMessageSchema,
  FeedbackMessageSchema,
  PageStateMessageSchema,
  type AssessReply,
  type FeedbackMessage,
  type PageState,
} from '../messages';
import { bannerKit } from '../overlay/kit';
import { dismissPost, getDismissedPosts, getRealJobFeedback, getSettings, markRealJob } from '../settings';

/**
 * What the background does for content scripts: hands out the page state, assesses posts, stores feedback. The
 * detector, the rule pack, zod, the locales and the channel data live here, loaded once, instead of in every page.
 */
export interface PageService {
  pageState(): Promise<PageState>;
  assess(texts: string[]): AssessReply;
  feedback(message: FeedbackMessage): Promise<void>;
}

/** A 'none' assessment without its signals: the content script shows nothing for it, so it need not travel. */
export function forContentScript(assessment: Assessment): Assessment {
  return assessment.level === 'none' ? { ...assessment, signals: [] } : assessment;
}

export function createPageService(assess: (text: string) => Assessment = (text) => assessPost(text)): PageService {
  return {
    async pageState() {
      const [settings, dismissed, realJobs] = await Promise.all([getSettings(), getDismissedPosts(), getRealJobFeedback()]);
      return {
        settings,
        hiddenKeys: [...dismissed, ...realJobs].map((entry) => entry.key),
        banner: bannerKit(settings.country, settings.uiLanguage),
      };
    },
    assess(texts) {
      return { assessments: texts.map((text) => forContentScript(assess(text))) };
    },
    async feedback({ kind, entry }) {
      await (kind === 'dismissed' ? dismissPost(entry) : markRealJob(entry));
    },
  };
}

/**
 * Answers a content script's message, or returns undefined when it is not one of these (so other listeners can).
 * Only this extension's own scripts are answered; every message is parsed before use.
 */
export function handlePageMessage(
  service: PageService,
  message: unknown,
  sender: Browser.runtime.MessageSender,
  extensionId: string,
): Promise<PageState | AssessReply | null> | undefined {
  if (sender.id !== extensionId) return undefined;
  if (PageStateMessageSchema.safeParse(message).success) return service.pageState();
  const assess = AssessMessageSchema.safeParse(message);
  if (assess.success) return Promise.resolve(service.assess(assess.data.texts));
  const feedback = FeedbackMessageSchema.safeParse(message);
  if (feedback.success) return service.feedback(feedback.data).then(() => null);
  return undefined;
}

/** The background's end of a content script's assess port (see src/content/background.ts). */
export interface AssessPort {
  name: string;
  sender?: Browser.runtime.MessageSender;
  postMessage(message: unknown): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
}

/** Answers assess requests on a port from this extension's own content scripts; ignores any other port. */
export function serveAssessPort(service: PageService, port: AssessPort, extensionId: string): void {
  if (port.name !== ASSESS_PORT || port.sender?.id !== extensionId) return;
  port.onMessage.addListener((message) => {
    const parsed = AssessMessageSchema.safeParse(message);
    if (!parsed.success || parsed.data.id === undefined) return;
    const reply: AssessReply = { id: parsed.data.id, ...service.assess(parsed.data.texts) };
    port.postMessage(reply);
  });
}
