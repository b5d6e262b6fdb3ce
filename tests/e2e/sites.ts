import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { E2ESite } from './harness';

/** `"<adapter-id>/<page>.html": "<production URL>"`: where each fixture page is served (tests/fixtures/sites/README.md). */
const PAGE_URLS = JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/sites/pages.json'), 'utf8')) as Record<string, string>;

/** A row for a fixture page of tests/fixtures/sites/, at its production URL from pages.json. */
function page(adapterId: E2ESite['adapterId'], file: string, flags: Omit<E2ESite, 'adapterId' | 'url' | 'fixture'> = {}): E2ESite {
  const url = PAGE_URLS[`${adapterId}/${file}`];
  if (!url) throw new Error(`${adapterId}/${file} has no URL in pages.json`);
  return { adapterId, url, fixture: `tests/fixtures/sites/${adapterId}/${file}`, ...flags };
}

/**
 * The pages the E2E suite runs on, in both browsers: every fixture page under tests/fixtures/sites/ (the meta-test
 * checks none is left out). A row names the routes its `window.__fixture.navigate` offers, whether it carries a hostile
 * post whose markup must show up quoted as text, and whether it lays itself out for phones (360 px).
 */
export const E2E_SITES: E2ESite[] = [
  page('facebook', 'feed.html', { navigate: ['group'], hostile: true }),
  page('facebook', 'group.html'),
  page('facebook', 'post.html'),
  page('facebook-mobile', 'm-feed.html', { navigate: ['group'], hostile: true, phoneLayout: true }),
  page('facebook-mobile', 'm-story.html', { phoneLayout: true }),
  page('facebook-mobile', 'mbasic-group.html', { phoneLayout: true }),
  page('telegram-k', 'channel.html', { navigate: ['group'], hostile: true }),
  page('telegram-a', 'channel.html', { navigate: ['group'], hostile: true }),
  page('whatsapp', 'chat.html', { navigate: ['chat'], hostile: true }),
  page('x', 'home.html', { navigate: ['status'], hostile: true, phoneLayout: true }),
];
