import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapterFor, allMatchPatterns, siteAdapters } from '../../src/sites/registry';
import type { SiteAdapter } from '../../src/sites/types';
import { FIXTURES_DIR, fixturePages, loadFixture, readExpectations, type Expectations, type FixtureApi } from './fixtures';

/** The production URL each fixture page is served at (request interception in the end-to-end tests). */
const PAGE_URLS = JSON.parse(readFileSync(join(FIXTURES_DIR, 'pages.json'), 'utf8')) as Record<string, string>;

const VOID_TAGS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** Tags closed out of order. The HTML parser silently re-nests such pages, so a slip would change the fixture's DOM. */
function nestingErrors(html: string): string[] {
  const markup = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/gi, '');
  const stack: string[] = [];
  for (const match of markup.matchAll(/<(\/?)([a-zA-Z][\w-]*)\b[^>]*?(\/?)>/g)) {
    const [, closing, rawName, selfClosing] = match;
    const name = rawName!.toLowerCase();
    if (name === '!doctype' || VOID_TAGS.has(name) || selfClosing) continue;
    if (!closing) {
      stack.push(name);
    } else if (stack.pop() !== name) {
      return [`</${name}> at offset ${match.index} closes the wrong element`];
    }
  }
  return stack.length > 0 ? [`unclosed: ${stack.join(' > ')}`] : [];
}

/** Runs every dynamic behaviour a page offers, as an end-to-end test might, collecting the post ids seen. */
function exerciseFixture(adapter: SiteAdapter, fixture: FixtureApi): Set<string | null> {
  const seen = new Set<string | null>();
  const look = () => adapter.findPosts(document).forEach((post) => seen.add(adapter.postId(post)));
  look();
  fixture.expandSeeMore?.();
  fixture.appendPosts?.(50);
  fixture.appendComments?.(50);
  while (fixture.receiveMessage?.()) look();
  look();
  while (fixture.recycle?.()) look();
  for (const route of fixture.routes ?? []) {
    fixture.navigate!(route);
    look();
  }
  return seen;
}

describe('site registry', () => {
  it('has unique adapter ids', () => {
    const ids = siteAdapters.map((adapter) => adapter.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(['facebook', 'facebook-mobile', 'telegram-a', 'telegram-k', 'whatsapp', 'x']);
  });

  it.each(siteAdapters.map((adapter) => [adapter.id, adapter] as const))(
    '%s declares valid https match patterns on production hosts only',
    (_id, adapter) => {
      expect(adapter.matches.length).toBeGreaterThan(0);
      for (const pattern of adapter.matches) {
        const match = /^https:\/\/([a-z0-9.-]+)(\/.*)$/.exec(pattern);
        expect(match, pattern).not.toBeNull();
        const host = match![1]!;
        const path = match![2]!;
        expect(host).toMatch(/^([a-z0-9-]+\.)+[a-z]{2,}$/);
        expect(host).not.toMatch(/localhost|127\.0\.0\.1|\.test$|\.local$|example/);
        expect(path).toMatch(/^\/[^*]*\*?$/);
        // The adapter claims the pages its own patterns cover.
        expect(adapter.isActive(new URL(`https://${host}${path.replace('*', '')}`))).toBe(true);
      }
    },
  );

  it('exposes the union of patterns for the content script manifest, without duplicates', () => {
    const patterns = allMatchPatterns();
    expect(new Set(patterns).size).toBe(patterns.length);
    expect(patterns).toContain('https://web.telegram.org/k/*');
    expect(patterns.every((pattern) => pattern.startsWith('https://'))).toBe(true);
  });

  it.each([
    ['https://www.facebook.com/groups/infolokerjatim/', 'facebook'],
    ['https://web.facebook.com/', 'facebook'],
    ['https://m.facebook.com/story.php?story_fbid=1', 'facebook-mobile'],
    ['https://mbasic.facebook.com/', 'facebook-mobile'],
    ['https://web.telegram.org/k/#@channel', 'telegram-k'],
    ['https://web.telegram.org/a/#-100123', 'telegram-a'],
    ['https://web.whatsapp.com/', 'whatsapp'],
    ['https://x.com/home', 'x'],
    ['https://twitter.com/someone/status/1', 'x'],
    ['https://web.telegram.org/', null],
    ['https://www.facebook.com/messages/t/1', null],
    ['https://example.com/', null],
    ['http://localhost:3000/', null],
  ])('adapterFor(%s) → %s', (url, id) => {
    expect(adapterFor(new URL(url))?.id ?? null).toBe(id);
  });
});

describe.each(siteAdapters.map((adapter) => [adapter.id, adapter] as const))('%s fixtures', (id, adapter) => {
  const pages = fixturePages(id);
  const expectations: Expectations = readExpectations(id);

  it('has a unit test file, an expectations.json and pages for every entry', () => {
    expect(existsSync(resolve(__dirname, `${id}.test.ts`))).toBe(true);
    expect(pages.length).toBeGreaterThan(0);
    expect(Object.keys(expectations).sort()).toEqual([...pages].sort());
    for (const page of pages) {
      const url = PAGE_URLS[`${id}/${page}`];
      expect(url, `${id}/${page} needs its production URL in pages.json`).toBeDefined();
      expect(adapterFor(new URL(url!))?.id).toBe(id);
    }
  });

  it('expects several scam posts and several posts that must stay unflagged', () => {
    const values = Object.values(expectations).flatMap((page) => Object.values(page));
    expect(values.filter((value) => value === 'flag').length).toBeGreaterThanOrEqual(4);
    expect(values.filter((value) => value === 'none').length).toBeGreaterThanOrEqual(5);
    expect(values.every((value) => value === 'flag' || value === 'none')).toBe(true);
  });

  it('only lists known posts in before-expand.json, each "none" before and "flag" after', () => {
    const path = join(FIXTURES_DIR, id, 'before-expand.json');
    if (!existsSync(path)) return;
    const before = JSON.parse(readFileSync(path, 'utf8')) as Expectations;
    for (const [page, posts] of Object.entries(before)) {
      for (const [postId, value] of Object.entries(posts)) {
        expect(value).toBe('none');
        expect(expectations[page]?.[postId]).toBe('flag');
      }
    }
  });

  it('carries a hostile post whose markup is text', () => {
    const html = pages.map((page) => readFileSync(join(FIXTURES_DIR, id, page), 'utf8')).join('\n');
    expect(html).toContain('&lt;script&gt;window.__pwned = true&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=');
  });

  it.each(pages)('%s is well nested, self-contained and has one inline fixture script', (page) => {
    const html = readFileSync(join(FIXTURES_DIR, id, page), 'utf8');
    expect(nestingErrors(html)).toEqual([]);
    expect(html.match(/<script\b/g)).toHaveLength(1);
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+rel="?stylesheet|<iframe/i);
  });

  it.each(pages)('on %s every post the page can show is found once, read, anchored and expected', (page) => {
    const fixture = loadFixture(id, page, PAGE_URLS[`${id}/${page}`]!);
    expect(fixture.site).toBe(id);
    const initial = adapter.findPosts(document);
    const initialIds = initial.map((post) => adapter.postId(post));
    expect(new Set(initialIds).size).toBe(initialIds.length);
    for (const post of initial) {
      const text = adapter.textElement(post);
      expect(text && post.contains(text)).toBe(true);
      expect(adapter.readText(post).length).toBeGreaterThan(0);
      expect(adapter.postContaining?.(text!)).toBe(post);
      const slot = adapter.bannerSlot(post);
      expect(post.contains(slot.parent) || slot.parent === post.parentElement).toBe(true);
      if (slot.before) expect(slot.before.parentNode).toBe(slot.parent);
    }
    const seen = exerciseFixture(adapter, fixture);
    expect([...seen].filter((postId) => !(postId !== null && postId in expectations[page]!))).toEqual([]);
    expect([...seen].sort()).toEqual(Object.keys(expectations[page]!).sort());
    expect((window as unknown as { __pwned?: boolean }).__pwned).toBeUndefined();
  });
});
