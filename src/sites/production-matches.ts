/**
 * Production origins of the site adapters, in one place until `src/sites/registry.ts` owns them (then this becomes
 * `adapters.flatMap((adapter) => adapter.matches)`). Never add localhost here: E2E tests serve fixtures at these origins.
 */
export const PRODUCTION_MATCHES = [
  'https://www.facebook.com/*',
  'https://web.facebook.com/*',
  'https://m.facebook.com/*',
  'https://mbasic.facebook.com/*',
  'https://web.telegram.org/*',
  'https://web.whatsapp.com/*',
  'https://x.com/*',
  'https://twitter.com/*',
] as const;
