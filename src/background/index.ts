import { browser, type Browser } from 'wxt/browser';
import { GetTabStatsMessageSchema, TabStatsMessageSchema, type TabStats } from '../messages';
import { browserLanguages, getSettings, seedSettingsFromBrowser } from '../settings';
import { BADGE_COLOR, TabStatsStore, type BadgeApi, type SessionArea } from './tab-stats';
import { createPageService, handlePageMessage, serveAssessPort } from './page-service';
import { startNgo } from './ngo';

type ExtensionApi = typeof browser;

export { TabStatsStore, badgeText, BADGE_COLOR } from './tab-stats';

export const WELCOME_PAGE = '/welcome.html';

interface BackgroundOptions {
  /** The browser's preferred languages, for the first guess of country and UI language. */
  languages?: () => readonly string[];
  now?: () => number;
}

/** Replies to a runtime message, or undefined when the message is not ours to answer (so other listeners can). */
export function handleMessage(
  store: TabStatsStore,
  message: unknown,
  sender: Browser.runtime.MessageSender,
  extensionId: string,
): Promise<TabStats | null> | undefined {
  if (sender.id !== extensionId) return undefined;
  const report = TabStatsMessageSchema.safeParse(message);
  if (report.success) {
    const tabId = sender.tab?.id;
    // Only top frames count: the badge is about the page the user sees.
    if (tabId !== undefined && tabId >= 0 && (sender.frameId ?? 0) === 0) {
      void store.record(tabId, report.data, sender.url ?? sender.tab?.url);
    }
    return undefined;
  }
  const query = GetTabStatsMessageSchema.safeParse(message);
  if (query.success) return store.get(query.data.tabId);
  return undefined;
}

/** First install: store the guessed country and language, then open the welcome page once to confirm them. */
export async function onFirstInstall(api: ExtensionApi, languages: readonly string[]): Promise<void> {
  await seedSettingsFromBrowser(languages);
  if ((await getSettings()).countryConfirmed) return;
  await api.tabs.create({ url: api.runtime.getURL(WELCOME_PAGE) });
}

/** Wires the background's listeners. Called synchronously from the background entrypoint so no event is missed. */
export function startBackground(api: ExtensionApi = browser, options: BackgroundOptions = {}): TabStatsStore {
  const badge = (api.action ?? api.browserAction) as BadgeApi | undefined;
  const session = api.storage.session as SessionArea | undefined;
  const store = new TabStatsStore(session, badge, options.now);
  void badge?.setBadgeBackgroundColor({ color: BADGE_COLOR }).catch(() => undefined);

  const pages = createPageService({ onStorageChanged: (listener) => api.storage.onChanged.addListener(listener) });
  api.runtime.onMessage.addListener(
    (message: unknown, sender: Browser.runtime.MessageSender) =>
      handleMessage(store, message, sender, api.runtime.id) ?? handlePageMessage(pages, message, sender, api.runtime.id),
  );
  api.runtime.onConnect.addListener((port: Browser.runtime.Port) => serveAssessPort(pages, port, api.runtime.id));
  api.tabs.onRemoved.addListener((tabId: number) => {
    void store.clear(tabId, { tabClosed: true });
  });
  api.tabs.onUpdated.addListener((tabId: number, changeInfo: Browser.tabs.OnUpdatedInfo) => {
    if (changeInfo.status === 'loading') void store.onTabLoading(tabId, changeInfo.url);
  });
  api.runtime.onInstalled.addListener((details: Browser.runtime.InstalledDetails) => {
    if (details.reason === 'install') void onFirstInstall(api, (options.languages ?? (() => browserLanguages()))());
  });
  // The NGO profile (policy or import) and its signed rule-pack updates.
  startNgo(api);
  return store;
}
