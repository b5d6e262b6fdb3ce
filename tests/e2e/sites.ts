import type { E2ESite } from './harness';

/**
 * The sites the E2E suite runs on: adding a site is one row (its adapter id, a production URL the adapter matches,
 * and a fixture page that follows the fixture protocol in harness.ts).
 */
export const E2E_SITES: E2ESite[] = [
  { adapterId: 'facebook', url: 'https://www.facebook.com/groups/4455/', fixture: 'tests/e2e/fixtures/facebook-feed.html' },
];
