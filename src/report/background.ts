import { browser, type Browser } from 'wxt/browser';
import { assessPost } from '../detect';
import type { Assessment } from '../detect/types';
import { t } from '../i18n';
import { getSettings, watchSettings } from '../settings';
import { uiLanguage } from './ui-language';
import { capturePost, type CaptureInput } from './capture';
import { getReportDestination, setReportDestination } from './destination';
import { OpenReportMessageSchema } from '../messages';
import { ReportActionMessageSchema, type ReportActionMessage, type ReportActionReply } from './messages';
import { REPORT_ALARM, ReportQueue } from './queue';
import { ReportStore } from './store';
import { isReportingEnabled, watchProfileState } from '../ngo/store';
import { loadNgoForPage, type NgoForPage } from '../ngo/page';

/**
 * The report flow in the background: creates drafts (from the banner or the context menu), opens the form, applies
 * the form's and the options page's changes (the background is the only writer), and runs the delivery queue.
 */

export const CONTEXT_MENU_ID = 'waspada-report';
export const REPORT_PAGE = '/report.html' as const;

type Sender = Browser.runtime.MessageSender;

export interface ReportingDeps {
  store: ReportStore;
  queue: ReportQueue;
  /** The detector as pages run it (with the NGO profile's rules), so a report's reasons match the banner's. */
  assess: (text: string) => Assessment | Promise<Assessment>;
  userCountry: () => Promise<string>;
  now: () => number;
  openForm: (id: string, openerTab?: Browser.tabs.Tab) => Promise<void>;
  extensionOrigin: string;
  extensionId: string;
}

export function defaultReportingDeps(): ReportingDeps {
  // Compiled on the first report of a worker's life, then kept up to date with the profile and the rule pack.
  let ngo: Promise<NgoForPage> | undefined;
  const ngoDetector = (): Promise<NgoForPage> =>
    (ngo ??= getSettings().then((settings) => loadNgoForPage(() => [settings.country])));
  const store = new ReportStore();
  const queue = new ReportQueue({
    store,
    getDestination: async () => (await getReportDestination()).destination,
    alarms: browser.alarms,
  });
  return {
    store,
    queue,
    assess: async (text) => assessPost(text, (await ngoDetector()).assessOptions()),
    userCountry: async () => (await getSettings()).country,
    now: Date.now,
    openForm: async (id, opener) => {
      const url = `${browser.runtime.getURL(REPORT_PAGE)}?id=${encodeURIComponent(id)}`;
      await browser.tabs.create({
        url,
        ...(opener?.id !== undefined ? { openerTabId: opener.id } : {}),
        ...(opener?.index !== undefined ? { index: opener.index + 1 } : {}),
      });
    },
    extensionOrigin: browser.runtime.getURL('/'),
    extensionId: browser.runtime.id,
  };
}

/** Saves a draft of what the user asked to report (merging with an earlier report of the same post) and opens the form. */
export async function createDraft(
  deps: ReportingDeps,
  source: 'banner' | 'context-menu',
  input: CaptureInput,
  openerTab?: Browser.tabs.Tab,
): Promise<string> {
  const post = capturePost(input, await deps.assess(input.text), await deps.userCountry());
  const { report } = await deps.store.saveCapture(source, post);
  await deps.openForm(report.id, openerTab);
  return report.id;
}

/** Handles a runtime message if it belongs to the report flow; returns undefined otherwise (other listeners may answer). */
export function handleReportMessage(deps: ReportingDeps, message: unknown, sender: Sender): Promise<ReportActionReply> | undefined {
  if (sender.id !== deps.extensionId) return undefined;

  const open = OpenReportMessageSchema.safeParse(message);
  if (open.success) {
    // Only our content script, in a tab, on a web page: the page URL is the tab's, not something the message claims.
    const tab = sender.tab;
    if (!tab?.url || !/^https?:/.test(tab.url)) return Promise.resolve({ ok: false, error: 'not from a web page' });
    const { site, postId, text, excerpt, url, permalink, author } = open.data;
    const input: CaptureInput = {
      site,
      sitePostId: postId ?? null,
      text: text ?? excerpt,
      // `url` is the permalink when the page shows one, else the page's address.
      permalink: permalink !== undefined ? permalink : url !== tab.url ? url : null,
      author,
      pageUrl: tab.url,
      seenAt: deps.now(),
    };
    return createDraft(deps, 'banner', input, tab).then(
      () => ({ ok: true as const }),
      (error: unknown) => ({ ok: false as const, error: String(error) }),
    );
  }

  const action = ReportActionMessageSchema.safeParse(message);
  if (!action.success) return undefined;
  // Changes to stored reports come only from our own pages (report form, options), never from a content script.
  if (!sender.url?.startsWith(deps.extensionOrigin)) return Promise.resolve({ ok: false, error: 'not from an extension page' });
  return applyAction(deps, action.data).then(
    () => ({ ok: true as const }),
    (error: unknown) => ({ ok: false as const, error: error instanceof Error ? error.message : String(error) }),
  );
}

async function applyAction(deps: ReportingDeps, action: ReportActionMessage): Promise<void> {
  switch (action.type) {
    case 'waspada:report-edit':
      await deps.store.edit(action.id, { note: action.note, included: action.included });
      return;
    case 'waspada:report-send':
      await deps.queue.send(action.id);
      return;
    case 'waspada:report-delete':
      await deps.store.remove(action.id);
      await deps.queue.schedule();
      return;
    case 'waspada:report-shared':
      await deps.store.addShare(action.id, action.channel);
      return;
    case 'waspada:report-destination':
      await setReportDestination(action.destination);
      return;
  }
}

export async function handleContextMenuClick(deps: ReportingDeps, info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab): Promise<string | null> {
  if (info.menuItemId !== CONTEXT_MENU_ID || !(await isReportingEnabled())) return null;
  const pageUrl = tab?.url ?? info.pageUrl;
  if (!pageUrl || !/^https?:/.test(pageUrl)) return null;
  const text = info.selectionText?.trim() || info.linkUrl || '';
  if (!text) return null;
  return createDraft(
    deps,
    'context-menu',
    { text, pageUrl, permalink: info.linkUrl ?? null, seenAt: deps.now() },
    tab,
  );
}

/** Wires the report flow into the background. Listeners are registered synchronously so a waking worker gets its event. */
export function startReporting(deps: ReportingDeps = defaultReportingDeps()): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Sender) => handleReportMessage(deps, message, sender));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REPORT_ALARM) void deps.queue.processDue();
  });
  browser.contextMenus.onClicked.addListener((info, tab) => void handleContextMenuClick(deps, info, tab));
  void registerContextMenu();
  // The first worker start of a browser session tries waiting reports at once (a restart often means a new
  // connection); later worker wake-ups attempt only what is due. Either way the alarm is re-armed, as alarms may not
  // survive a browser restart.
  void firstStartInBrowserSession().then((first) => (first ? deps.queue.retryWaitingNow() : deps.queue.processDue()));
}

async function registerContextMenu(): Promise<void> {
  const title = async () => t(uiLanguage((await getSettings()).uiLanguage), 'report.menu');
  let shown = false;
  const sync = async () => {
    await browser.contextMenus.removeAll();
    // An organisation can turn reporting off (its NGO profile): then there is no menu entry at all.
    shown = await isReportingEnabled();
    if (!shown) return;
    browser.contextMenus.create({
      id: CONTEXT_MENU_ID,
      title: await title(),
      contexts: ['selection', 'link'],
      documentUrlPatterns: ['https://*/*', 'http://*/*'],
    });
  };
  await sync();
  watchSettings(() =>
    void title().then((text) => {
      if (shown) void browser.contextMenus.update(CONTEXT_MENU_ID, { title: text });
    }),
  );
  watchProfileState(() => void sync());
}

/**
 * True once per browser session. `runtime.onStartup` would say the same, but does not fire for an extension loaded
 * unpacked from the command line; session storage is cleared whenever the browser closes.
 */
async function firstStartInBrowserSession(): Promise<boolean> {
  const key = 'reportQueueStarted';
  try {
    const seen = await browser.storage.session.get(key);
    if (seen[key]) return false;
    await browser.storage.session.set({ [key]: true });
    return true;
  } catch {
    return false; // No session storage (old browser): the alarm still delivers.
  }
}
