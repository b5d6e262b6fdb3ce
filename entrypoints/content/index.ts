import { PRODUCTION_MATCHES } from '../../src/sites/production-matches';
import { runOnPage } from '../../src/content/main';

// WXT imports this file in Node at build time: everything page-touching happens inside main().
export default defineContentScript({
  matches: [...PRODUCTION_MATCHES],
  runAt: 'document_idle',
  main(ctx) {
    void runOnPage(ctx);
  },
});
