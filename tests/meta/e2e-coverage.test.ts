import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SiteAdapter } from '../../src/sites/types';
import { ADAPTER_SOURCE, ROOT } from '../e2e/harness';
import { E2E_SITES } from '../e2e/sites';
import { PRODUCTION_MATCHES } from '../../src/sites/production-matches';

// The content script's adapters, from the same module the E2E probe bundles.
const adapters = (await import(resolve(ROOT, ADAPTER_SOURCE.module)))[ADAPTER_SOURCE.exportName] as readonly SiteAdapter[];

describe('every site adapter is proven end to end', () => {
  it.each(adapters.map((adapter) => [adapter.id, adapter] as const))('%s has a row in tests/e2e/sites.ts', (id) => {
    expect(E2E_SITES.map((site) => site.adapterId)).toContain(id);
  });

  it.each(adapters.map((adapter) => [adapter.id, adapter] as const))('%s runs wherever the content script is injected for it', (_id, adapter) => {
    for (const pattern of adapter.matches) expect(PRODUCTION_MATCHES as readonly string[]).toContain(pattern);
  });

  it.each(E2E_SITES.map((site) => [site.adapterId, site] as const))('%s: its URL is one the adapter handles, its fixture has expectations', (_id, site) => {
    const adapter = adapters.find((candidate) => candidate.id === site.adapterId);
    expect(adapter, `no adapter ${site.adapterId}`).toBeDefined();
    expect(adapter!.isActive(new URL(site.url))).toBe(true);
    expect(existsSync(resolve(ROOT, site.fixture))).toBe(true);
    const expectations = JSON.parse(readFileSync(resolve(ROOT, dirname(site.fixture), 'expectations.json'), 'utf8'));
    const outcomes = Object.values(expectations[basename(site.fixture)] ?? {});
    expect(outcomes).toContain('flag');
    expect(outcomes).toContain('none');
  });
});
