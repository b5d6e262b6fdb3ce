import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const FIXTURES_DIR = resolve(__dirname, '../fixtures/sites');

export type Expectation = 'flag' | 'none';
export type Expectations = Record<string, Record<string, Expectation>>;

export interface FixtureApi {
  site: string;
  appendPosts?(n?: number): string[];
  recycle?(): { from: string; to: string } | null;
  navigate?(route: string): string[];
  expandSeeMore?(postId?: string): string[];
  receiveMessage?(): string | null;
  /** Route names navigate() accepts. */
  routes?: string[];
  appendComments?(n?: number): string[];
}

/**
 * Loads a fixture page into the happy-dom document at its production URL and runs its inline fixture script
 * (happy-dom does not evaluate scripts itself). Page text stays inert: it is parsed, never evaluated.
 */
export function loadFixture(adapterId: string, page: string, url: string): FixtureApi {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
  delete (window as unknown as Record<string, unknown>).__fixture;
  delete (window as unknown as Record<string, unknown>).__pwned;
  document.documentElement.innerHTML = readFileSync(join(FIXTURES_DIR, adapterId, page), 'utf8');
  for (const script of Array.from(document.querySelectorAll('script:not([src])'))) {
    // Our own fixture code, written in this repository; never page text.
    new Function(script.textContent ?? '')();
  }
  return (window as unknown as { __fixture: FixtureApi }).__fixture;
}

export function readExpectations(adapterId: string): Expectations {
  return JSON.parse(readFileSync(join(FIXTURES_DIR, adapterId, 'expectations.json'), 'utf8')) as Expectations;
}

export function fixturePages(adapterId: string): string[] {
  return readdirSync(join(FIXTURES_DIR, adapterId)).filter((name) => name.endsWith('.html'));
}

/** Post ids currently on the page, in document order, as the adapter reads them. */
export function idsOf(posts: readonly Element[], postId: (post: Element) => string | null): (string | null)[] {
  return posts.map(postId);
}
