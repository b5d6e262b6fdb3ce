import { TabStatsSchema, type TabStats, type TabStatsMessage } from '../messages';

/** The part of a storage area we use; `browser.storage.session` in real browsers. */
export interface SessionArea {
  get(keys?: null | string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/** The part of `browser.action` (MV3) / `browser.browserAction` (Firefox MV2) we use. */
export interface BadgeApi {
  setBadgeText(details: { tabId: number; text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { color: string }): Promise<void>;
}

/** Red of the palette's `danger`; white badge text on it meets WCAG AA (tests/ui/palette.test.ts). */
export const BADGE_COLOR = '#b42318';
const KEY_PREFIX = 'tabStats:';

/** Badge text for a flagged count: empty when nothing was flagged, "99+" beyond two digits. */
export function badgeText(flagged: number): string {
  if (flagged <= 0) return '';
  return flagged > 99 ? '99+' : String(flagged);
}

function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * Per-tab counts reported by content scripts. Kept in memory and mirrored to session storage, because an MV3 service
 * worker is stopped when idle and would otherwise forget them (and the popup would show zeros next to a badge of 3).
 */
export class TabStatsStore {
  private readonly stats = new Map<number, TabStats>();
  private readonly restored: Promise<void>;

  constructor(
    private readonly session: SessionArea | undefined,
    private readonly badge: BadgeApi | undefined,
    private readonly now: () => number = Date.now,
  ) {
    this.restored = this.restore();
  }

  private async restore(): Promise<void> {
    if (!this.session) return;
    try {
      const saved = await this.session.get(null);
      for (const [key, value] of Object.entries(saved)) {
        if (!key.startsWith(KEY_PREFIX)) continue;
        const tabId = Number(key.slice(KEY_PREFIX.length));
        const parsed = TabStatsSchema.safeParse(value);
        // Something newer may have arrived while we were reading: keep it.
        if (Number.isInteger(tabId) && parsed.success && !this.stats.has(tabId)) this.stats.set(tabId, parsed.data);
      }
    } catch {
      // Session storage unavailable or unreadable: counts start again from the next report.
    }
  }

  async get(tabId: number): Promise<TabStats | null> {
    await this.restored;
    return this.stats.get(tabId) ?? null;
  }

  /** A content script's report for `tabId`, sent from a page at `pageUrl`. */
  async record(tabId: number, report: TabStatsMessage, pageUrl?: string): Promise<TabStats> {
    await this.restored;
    const next: TabStats = {
      checked: report.checked,
      flagged: report.flagged,
      active: report.active,
      site: report.site,
      origin: originOf(pageUrl),
      updatedAt: this.now(),
    };
    const previous = this.stats.get(tabId);
    this.stats.set(tabId, next);
    if (previous?.flagged !== next.flagged || !previous) await this.setBadge(tabId, next.flagged);
    await this.session?.set({ [KEY_PREFIX + tabId]: next }).catch(() => undefined);
    return next;
  }

  async clear(tabId: number, { tabClosed = false } = {}): Promise<void> {
    await this.restored;
    const had = this.stats.delete(tabId);
    if (had && !tabClosed) await this.setBadge(tabId, 0);
    await this.session?.remove(KEY_PREFIX + tabId).catch(() => undefined);
  }

  /**
   * A tab started loading. A reload (no new URL) or a load of another origin starts a new page, whose content script
   * reports from zero; a same-origin URL change is a single-page-app navigation, where the script keeps counting.
   */
  async onTabLoading(tabId: number, newUrl: string | undefined): Promise<void> {
    const current = await this.get(tabId);
    if (!current) return;
    if (newUrl !== undefined && originOf(newUrl) === current.origin) return;
    await this.clear(tabId);
  }

  private async setBadge(tabId: number, flagged: number): Promise<void> {
    // The tab may be gone by now; the badge then does not matter.
    await this.badge?.setBadgeText({ tabId, text: badgeText(flagged) }).catch(() => undefined);
  }
}
