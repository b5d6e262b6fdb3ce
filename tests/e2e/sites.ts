import type { E2ESite } from './harness';

/**
 * The sites the E2E suite runs on, in both browsers. Adding a site is one row: its adapter id, a production URL the
 * adapter matches (the fixture is served there), and a fixture page following the protocol in harness.ts, e.g.
 * { adapterId: 'telegram-a', url: 'https://web.telegram.org/a/#-1001700000002', fixture: 'tests/fixtures/sites/telegram-a/channel.html',
 *   navigate: ['group'] } (the URL carries what the page needs, here the chat in the hash).
 */
export const E2E_SITES: E2ESite[] = [
  { adapterId: 'facebook', url: 'https://www.facebook.com/groups/4455/', fixture: 'tests/e2e/fixtures/facebook/feed.html', hostile: true, phoneLayout: true },
];
