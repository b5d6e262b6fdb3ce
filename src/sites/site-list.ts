import { siteAdapters } from './registry';
import type { SiteAdapter } from './types';

// The sites as settings and the popup know them: the registry's adapters, seen through their id, name and URL test only.

export type SiteId = SiteAdapter['id'];

export interface SiteInfo {
  id: SiteId;
  /** Name shown in settings and the popup; a product name, the same in every language. */
  name: string;
  /** Whether this site handles the page at `url`. */
  isActive(url: URL): boolean;
}

export const SITES: readonly SiteInfo[] = siteAdapters.map(({ id, name, isActive }) => ({ id, name, isActive }));

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
