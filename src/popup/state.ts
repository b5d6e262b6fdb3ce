import type { TabStats } from '../messages';
import { isPaused, type Settings } from '../settings';
import { siteById, siteForUrl, type SiteInfo } from '../sites/site-list';

/** What the popup says about the current tab. */
export type PopupState =
  | { kind: 'paused'; until: number; site: SiteInfo | null; stats: TabStats | null }
  | { kind: 'site-off'; site: SiteInfo; stats: TabStats | null }
  | { kind: 'active'; site: SiteInfo; stats: TabStats }
  /** A supported site where no content script has reported yet: opened before install, or still loading. */
  | { kind: 'not-loaded'; site: SiteInfo }
  | { kind: 'unsupported' };

export interface PopupInputs {
  /** The tab's URL; undefined when the browser hides it from us (a site we have no access to). */
  url: string | undefined;
  stats: TabStats | null;
  settings: Settings;
  now: number;
}

export function popupStateFor({ url, stats, settings, now }: PopupInputs): PopupState {
  const site = siteForUrl(url) ?? siteById(stats?.site);
  // Pausing is global, so it is said first wherever the popup is opened.
  if (isPaused(settings, now)) return { kind: 'paused', until: settings.pausedUntil, site, stats };
  if (!site) return { kind: 'unsupported' };
  if (settings.disabledSites.includes(site.id)) return { kind: 'site-off', site, stats };
  if (!stats) return { kind: 'not-loaded', site };
  return { kind: 'active', site, stats };
}
