import type { SiteAdapter } from './types';

// The sites as settings and the popup know them. INTEGRATION: when src/sites/registry.ts lands, derive SITES from the
// registry's adapters ({ id, name } and `isActive(url)`) and delete the host table below; nothing else needs to change.

export type SiteId = SiteAdapter['id'];

export interface SiteInfo {
  id: SiteId;
  /** Name shown in settings and the popup; a product name, the same in every language. */
  name: string;
  /** Whether this site handles the page at `url`. */
  isActive(url: URL): boolean;
}

const onHost = (...hosts: string[]) => (url: URL) => url.protocol === 'https:' && hosts.includes(url.hostname);
const telegramClient = (prefix: string) => (url: URL) =>
  url.protocol === 'https:' && url.hostname === 'web.telegram.org' && url.pathname.startsWith(prefix);

export const SITES: readonly SiteInfo[] = [
  { id: 'facebook', name: 'Facebook', isActive: onHost('www.facebook.com', 'web.facebook.com') },
  { id: 'facebook-mobile', name: 'Facebook (mobile)', isActive: onHost('m.facebook.com', 'mbasic.facebook.com') },
  { id: 'telegram-k', name: 'Telegram Web K', isActive: telegramClient('/k') },
  { id: 'telegram-a', name: 'Telegram Web A', isActive: telegramClient('/a') },
  { id: 'whatsapp', name: 'WhatsApp Web', isActive: onHost('web.whatsapp.com') },
  { id: 'x', name: 'X (Twitter)', isActive: onHost('x.com', 'twitter.com', 'mobile.x.com', 'mobile.twitter.com') },
];

/** The site that handles a page, or null when Waspada does not run there (or the URL is hidden from us). */
export function siteForUrl(url: string | undefined): SiteInfo | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  return SITES.find((site) => site.isActive(parsed)) ?? null;
}

export function siteById(id: string | null | undefined): SiteInfo | null {
  return SITES.find((site) => site.id === id) ?? null;
}
