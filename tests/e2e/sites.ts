import type { E2ESite } from './harness';

/**
 * The sites the E2E suite runs on, in both browsers: every fixture page under tests/fixtures/sites/, served at its
 * production URL (pages.json). Adding a page is one row: its adapter id, a production URL the adapter matches, the
 * fixture page (following the protocol in harness.ts) and the routes its `window.__fixture.navigate` offers.
 */
export const E2E_SITES: E2ESite[] = [
  { adapterId: 'facebook', url: 'https://www.facebook.com/', fixture: 'tests/fixtures/sites/facebook/feed.html', navigate: ['group'], hostile: true },
  { adapterId: 'facebook', url: 'https://www.facebook.com/groups/infolokerjatim/', fixture: 'tests/fixtures/sites/facebook/group.html' },
  { adapterId: 'facebook', url: 'https://www.facebook.com/rina.hrd.778/posts/pfbid02SinglePostRina', fixture: 'tests/fixtures/sites/facebook/post.html' },
  { adapterId: 'facebook-mobile', url: 'https://m.facebook.com/', fixture: 'tests/fixtures/sites/facebook-mobile/m-feed.html', navigate: ['group'], hostile: true, phoneLayout: true },
  {
    adapterId: 'facebook-mobile',
    url: 'https://m.facebook.com/story.php?story_fbid=1029384756&id=100012345678',
    fixture: 'tests/fixtures/sites/facebook-mobile/m-story.html',
    phoneLayout: true,
  },
  { adapterId: 'facebook-mobile', url: 'https://mbasic.facebook.com/groups/infolokerjatim/', fixture: 'tests/fixtures/sites/facebook-mobile/mbasic-group.html', phoneLayout: true },
  { adapterId: 'telegram-k', url: 'https://web.telegram.org/k/', fixture: 'tests/fixtures/sites/telegram-k/channel.html', navigate: ['group'], hostile: true },
  { adapterId: 'telegram-a', url: 'https://web.telegram.org/a/#-1001700000002', fixture: 'tests/fixtures/sites/telegram-a/channel.html', navigate: ['group'], hostile: true },
  { adapterId: 'whatsapp', url: 'https://web.whatsapp.com/', fixture: 'tests/fixtures/sites/whatsapp/chat.html', navigate: ['chat'], hostile: true },
  { adapterId: 'x', url: 'https://x.com/home', fixture: 'tests/fixtures/sites/x/home.html', navigate: ['status'], hostile: true, phoneLayout: true },
];
