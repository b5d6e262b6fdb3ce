import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import contentScript from '../../entrypoints/content/index';
import { allMatchPatterns, siteAdapters } from '../../src/sites/registry';
import { ADAPTER_SOURCE, ROOT } from '../e2e/harness';
import { E2E_SITES } from '../e2e/sites';
import { loadFixture } from '../sites/fixtures';

const SITE_FIXTURES = resolve(ROOT, 'tests/fixtures/sites');
/** `"<adapter-id>/<page>.html": "<production URL>"` for every fixture page. */
const PAGE_URLS = JSON.parse(readFileSync(resolve(SITE_FIXTURES, 'pages.json'), 'utf8')) as Record<string, string>;
const fixtureKey = (fixture: string) => relative(SITE_FIXTURES, resolve(ROOT, fixture));

describe('every site adapter is proven end to end', () => {
  it('the E2E probe reads pages with the adapters the content script uses', () => {
    expect(ADAPTER_SOURCE).toEqual({ module: 'src/sites/registry.ts', exportName: 'siteAdapters' });
  });

  it('the content script is injected wherever an adapter runs, and nowhere else', () => {
    // One list for every browser (a per-browser object here would let the manifests drift apart).
    const matches = contentScript.matches as string[];
    expect(Array.isArray(matches)).toBe(true);
    expect([...matches].sort()).toEqual([...allMatchPatterns()].sort());
    for (const adapter of siteAdapters) for (const pattern of adapter.matches) expect(matches).toContain(pattern);
  });

  it.each(siteAdapters.map((adapter) => [adapter.id, adapter] as const))('%s has a row in tests/e2e/sites.ts', (id) => {
    expect(E2E_SITES.map((site) => site.adapterId)).toContain(id);
  });

  it.each(Object.keys(PAGE_URLS))('fixture page %s is exercised by an E2E row', (page) => {
    expect(E2E_SITES.map((site) => fixtureKey(site.fixture))).toContain(page);
  });

  it.each(E2E_SITES.map((site) => [fixtureKey(site.fixture), site] as const))(
    '%s: its URL is one the adapter handles, its fixture has expectations and offers its routes',
    (_page, site) => {
      const adapter = siteAdapters.find((candidate) => candidate.id === site.adapterId);
      expect(adapter, `no adapter ${site.adapterId}`).toBeDefined();
      expect(adapter!.isActive(new URL(site.url))).toBe(true);
      expect(site.url).toBe(PAGE_URLS[fixtureKey(site.fixture)]);
      expect(existsSync(resolve(ROOT, site.fixture))).toBe(true);
      const expectations = JSON.parse(readFileSync(resolve(ROOT, dirname(site.fixture), 'expectations.json'), 'utf8'));
      const outcomes = Object.values(expectations[basename(site.fixture)] ?? {});
      expect(outcomes).toContain('flag');
      expect(outcomes).toContain('none');
      const page = fixtureKey(site.fixture);
      const fixture = loadFixture(dirname(page), basename(page), site.url);
      expect(fixture.routes ?? []).toEqual(expect.arrayContaining(site.navigate ?? []));
    },
  );
});
