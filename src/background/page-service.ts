import type { Browser } from 'wxt/browser';
import { assessPost, type AssessOptions } from '../detect';
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
import { buildNgoDetector } from '../ngo/detector-options';
import { settingsUnderProfile } from '../ngo/organisation';
import type { NgoProfile } from '../ngo/profile';
import { getActivePack, packInForce } from '../ngo/rule-updates';
import { DEFAULT_PROFILE_STATE, getProfileState } from '../ngo/store';
import { bannerKit } from '../overlay/kit';
import { DEFAULT_SETTINGS, dismissPost, getDismissedPosts, getRealJobFeedback, getSettings, markRealJob } from '../settings';

/**
 * What the background does for content scripts: hands out the page state, assesses posts, stores feedback. The
 * detector, the rule packs, the NGO profile, zod, the locales and the channel data live here, loaded once, instead
 * of in every page.
 */
export interface PageService {
  pageState(): Promise<PageState>;
  assess(texts: string[]): Promise<AssessReply>;
  feedback(message: FeedbackMessage): Promise<void>;
}

/** A 'none' assessment without its signals: the content script shows nothing for it, so it need not travel. */
export function forContentScript(assessment: Assessment): Assessment {
  return assessment.level === 'none' ? { ...assessment, signals: [] } : assessment;
}

/** The detector in force: the NGO's rules and recruiter list (if a profile applies), compiled once per change. */
interface DetectorInForce {
  /** Names this configuration; it changes whenever the profile, the rule pack or the user's country does. */
  key: string;
  profile: NgoProfile | null;
  options: AssessOptions;
}

async function loadDetector(): Promise<DetectorInForce> {
  // Storage trouble must not cost the user their warnings: fall back to Waspada as shipped.
  const [settings, state, active] = await Promise.all([
    getSettings().catch(() => DEFAULT_SETTINGS),
    getProfileState().catch(() => DEFAULT_PROFILE_STATE),
    getActivePack().catch(() => null),
  ]);
  const profile = state.profile;
  const built = buildNgoDetector(profile, packInForce(active, profile?.ruleUpdates), [settings.country]);
  if (built.problems.length) console.warn('Waspada: parts of the organisation profile were not used:', built.problems.join('; '));
  return {
    key: [state.source, state.updatedAt, active?.version ?? '', active?.installedAt ?? '', settings.country].join('|'),
    profile,
    options: built.options,
  };
}

export interface PageServiceOptions {
  assess?: (text: string, options: AssessOptions) => Assessment;
  /** Calls back on every change of storage.local (browser.storage.onChanged); the detector is rebuilt after one. */
  onStorageChanged?: (listener: () => void) => void;
}

export function createPageService({ assess = assessPost, onStorageChanged }: PageServiceOptions = {}): PageService {
  let detector: Promise<DetectorInForce> | undefined;
  const inForce = () => (detector ??= loadDetector());
  onStorageChanged?.(() => {
    detector = undefined;
  });

  return {
    async pageState() {
      const [settings, dismissed, realJobs, { key, profile }] = await Promise.all([getSettings(), getDismissedPosts(), getRealJobFeedback(), inForce()]);
      return {
        settings: settingsUnderProfile(settings, profile),
        hiddenKeys: [...dismissed, ...realJobs].map((entry) => entry.key),
        banner: bannerKit(settings.country, settings.uiLanguage, profile),
        detector: key,
      };
    },
    async assess(texts) {
      const { options } = await inForce();
      return { assessments: texts.map((text) => forContentScript(assess(text, options))) };
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
  if (assess.success) return service.assess(assess.data.texts);
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
    const { id, texts } = parsed.data;
    void service.assess(texts).then(
      (reply) => port.postMessage({ ...reply, id } satisfies AssessReply),
      // no answer: the content script leaves those posts unmarked until they change
      (error: unknown) => console.warn('Waspada: assessing failed', error),
    );
  });
}
