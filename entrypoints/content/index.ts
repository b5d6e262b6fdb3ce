import { allMatchPatterns } from '../../src/sites/registry';
import { runOnPage } from '../../src/content/main';

// WXT imports this file in Node at build time: everything page-touching happens inside main().
export default defineContentScript({
  // The union of the site adapters' production patterns; never localhost (E2E serves fixtures at the real origins).
  matches: allMatchPatterns(),
  runAt: 'document_idle',
  // WXT's announcement to the page by postMessage only tells pages we are here and stirs sites' message handlers.
  noScriptStartedPostMessage: true,
  main(ctx) {
    void runOnPage(ctx);
  },
});
