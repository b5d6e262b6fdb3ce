import { useEffect, useState } from 'preact/hooks';
import { browser, type Browser } from 'wxt/browser';
import { formatTime, t, type UiLanguage } from '../i18n';
import { TabStatsSchema, type GetTabStatsMessage, type TabStats } from '../messages';
import { pause, resume, setSiteEnabled } from '../settings';
import { usePageLanguage } from '../ui/page';
import { useSettings } from '../ui/use-settings';
import { popupStateFor, type PopupState } from './state';

type ExtensionApi = typeof browser;

const STATUS_ICONS: Record<PopupState['kind'], string> = {
  active: '✅',
  paused: '⏸️',
  'site-off': '⛔',
  'not-loaded': '🔄',
  unsupported: 'ℹ️',
};

function statusText(lang: UiLanguage, state: PopupState): string {
  switch (state.kind) {
    case 'active':
      return t(lang, 'popup.status.active', { site: state.site.name });
    case 'paused':
      return t(lang, 'popup.status.paused', { time: formatTime(lang, state.until) });
    case 'site-off':
      return t(lang, 'popup.status.site-off', { site: state.site.name });
    case 'not-loaded':
      return t(lang, 'popup.status.not-loaded');
    case 'unsupported':
      return t(lang, 'popup.status.unsupported');
  }
}

export interface PopupViewProps {
  lang: UiLanguage;
  state: PopupState;
  onPause(): void;
  onResume(): void;
  onEnableSite(siteId: string): void;
  onOpenSettings(): void;
}

/** The popup for one state; pure rendering, so every state is tested without a browser. */
export function PopupView({ lang, state, onPause, onResume, onEnableSite, onOpenSettings }: PopupViewProps) {
  const stats = 'stats' in state ? state.stats : null;
  return (
    <main class="popup" data-state={state.kind}>
      <h1>
        <span class="icon" aria-hidden="true">
          🛡️
        </span>
        Waspada
      </h1>
      <p class="row" id="popup-status">
        <span class="icon" aria-hidden="true">
          {STATUS_ICONS[state.kind]}
        </span>
        <span>{statusText(lang, state)}</span>
      </p>
      {stats && (
        <dl class="counts">
          <dt>{t(lang, 'popup.count.checked')}</dt>
          <dd data-count="checked">{stats.checked}</dd>
          <dt>{t(lang, 'popup.count.flagged')}</dt>
          <dd data-count="flagged">{stats.flagged}</dd>
        </dl>
      )}
      <div class="actions">
        {state.kind === 'paused' ? (
          <button type="button" class="primary" onClick={onResume}>
            <span aria-hidden="true">▶️ </span>
            {t(lang, 'common.resume')}
          </button>
        ) : (
          <button type="button" onClick={onPause}>
            <span aria-hidden="true">⏸️ </span>
            {t(lang, 'common.pause-hour')}
          </button>
        )}
        {state.kind === 'site-off' && (
          <button type="button" class="primary" onClick={() => onEnableSite(state.site.id)}>
            <span aria-hidden="true">✅ </span>
            {t(lang, 'popup.enable-site', { site: state.site.name })}
          </button>
        )}
        <button type="button" onClick={onOpenSettings}>
          <span aria-hidden="true">⚙️ </span>
          {t(lang, 'popup.settings')}
        </button>
      </div>
    </main>
  );
}

interface PopupAppProps {
  api?: ExtensionApi;
  /** The tab to describe; by default `?tabId=` of the page, else the active tab (lets tests open popup.html in a tab). */
  tabId?: number;
  /** How often to refresh the counts while the popup is open; 0 turns it off. */
  refreshMs?: number;
  now?: () => number;
  closeWindow?: () => void;
}

async function targetTab(api: ExtensionApi, tabId: number | undefined): Promise<Browser.tabs.Tab | undefined> {
  const fromQuery = Number(new URLSearchParams(globalThis.location?.search ?? '').get('tabId'));
  const id = tabId ?? (Number.isInteger(fromQuery) && fromQuery > 0 ? fromQuery : undefined);
  if (id !== undefined) return api.tabs.get(id).catch(() => undefined);
  const [active] = await api.tabs.query({ active: true, currentWindow: true });
  return active;
}

async function fetchStats(api: ExtensionApi, tabId: number): Promise<TabStats | null> {
  const query: GetTabStatsMessage = { type: 'waspada:get-tab-stats', tabId };
  const reply: unknown = await api.runtime.sendMessage(query).catch(() => null);
  const parsed = TabStatsSchema.safeParse(reply);
  return parsed.success ? parsed.data : null;
}

export function PopupApp({ api = browser, tabId, refreshMs = 2000, now = Date.now, closeWindow = () => window.close() }: PopupAppProps) {
  const [settings] = useSettings();
  const [tab, setTab] = useState<Browser.tabs.Tab | null | undefined>(undefined);
  const [stats, setStats] = useState<TabStats | null>(null);
  usePageLanguage(settings?.uiLanguage ?? null, 'popup.title');

  useEffect(() => {
    void targetTab(api, tabId).then((found) => setTab(found ?? null));
  }, [api, tabId]);

  useEffect(() => {
    const id = tab?.id;
    if (id === undefined) return;
    let alive = true;
    const refresh = () => void fetchStats(api, id).then((fresh) => alive && setStats(fresh));
    refresh();
    const timer = refreshMs > 0 ? setInterval(refresh, refreshMs) : undefined;
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [api, tab, refreshMs]);

  if (!settings || tab === undefined) return <main class="popup" aria-busy="true" />;
  const state = popupStateFor({ url: tab?.url, stats, settings, now: now() });
  return (
    <PopupView
      lang={settings.uiLanguage}
      state={state}
      onPause={() => void pause(undefined, now())}
      onResume={() => void resume()}
      onEnableSite={(siteId) => void setSiteEnabled(siteId, true)}
      onOpenSettings={() => {
        void api.runtime.openOptionsPage().then(closeWindow);
      }}
    />
  );
}
