import type { SiteAdapter } from './types';
import { facebookAdapter } from './facebook';
import { facebookMobileAdapter } from './facebook-mobile';
import { telegramAAdapter } from './telegram-a';
import { telegramKAdapter } from './telegram-k';
import { whatsappAdapter } from './whatsapp';
import { xAdapter } from './x';

export type { SiteAdapter } from './types';

/** Every supported site. The content script's `matches` are the union of theirs. */
export const siteAdapters: readonly SiteAdapter[] = [
  facebookAdapter,
  facebookMobileAdapter,
  telegramKAdapter,
  telegramAAdapter,
  whatsappAdapter,
  xAdapter,
];

/** The adapter for a page, or null when Waspada has nothing to read there. */
export function adapterFor(url: URL, adapters: readonly SiteAdapter[] = siteAdapters): SiteAdapter | null {
  return adapters.find((adapter) => adapter.isActive(url)) ?? null;
}

/** Manifest match patterns for the content script. */
export function allMatchPatterns(adapters: readonly SiteAdapter[] = siteAdapters): string[] {
  return Array.from(new Set(adapters.flatMap((adapter) => adapter.matches)));
}
