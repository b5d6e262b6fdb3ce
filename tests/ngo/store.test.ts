import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import {
  getEffectiveProfile,
  getProfileState,
  importProfileFromUrl,
  importProfileText,
  refreshProfile,
  removeImportedProfile,
  resolveProfile,
} from '../../src/ngo/store';
import { parseProfile, type NgoProfile } from '../../src/ngo/profile';
import { getSettings, updateSettings } from '../../src/settings';

const raw = (name: string, extra: Record<string, unknown> = {}) => ({ format: 1, organisation: { name }, ...extra });
const profile = (name: string, extra: Record<string, unknown> = {}): NgoProfile => {
  const parsed = parseProfile(raw(name, extra));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.profile;
};
const setPolicy = (value: Record<string, unknown>) => fakeBrowser.storage.managed.set(value);
const clearPolicy = () => fakeBrowser.storage.managed.clear();

describe('resolveProfile (precedence and last good)', () => {
  const imported = { profile: profile('Imported NGO'), from: 'file' as const, origin: 'ngo.json', at: 1 };

  it.each([
    ['policy over import', { managed: { present: true as const, raw: raw('Policy NGO') }, lastGoodPolicy: null, imported }, 'policy', 'Policy NGO', null],
    ['import when there is no policy', { managed: { present: false as const }, lastGoodPolicy: profile('Old policy'), imported }, 'imported', 'Imported NGO', null],
    ['default when there is neither', { managed: { present: false as const }, lastGoodPolicy: null, imported: null }, 'default', null, null],
    ['the last good policy when the policy turns invalid', { managed: { present: true as const, raw: { format: 1, organisation: {} } }, lastGoodPolicy: profile('Good policy'), imported }, 'policy', 'Good policy', /organisation\.name/],
    ['the import when an invalid policy never was good', { managed: { present: true as const, raw: { format: 1 } }, lastGoodPolicy: null, imported }, 'imported', 'Imported NGO', /organisation/],
  ])('%s', (_name, sources, source, name, problem) => {
    const { state } = resolveProfile(sources);
    expect(state.source).toBe(source);
    expect(state.profile?.organisation.name ?? null).toBe(name);
    if (problem) expect(state.policyProblem).toMatch(problem);
    else expect(state.policyProblem).toBeNull();
  });
});

describe('profile store', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('is the default until something is configured', async () => {
    expect(await getEffectiveProfile()).toEqual({ source: 'default', profile: null });
    await refreshProfile(browser);
    expect(await getEffectiveProfile()).toEqual({ source: 'default', profile: null });
  });

  it('reads a policy, and keeps it when the policy later turns invalid, naming the problem', async () => {
    await setPolicy(raw('Policy NGO', { reportEndpoint: 'https://example.org/r' }));
    await refreshProfile(browser);
    expect((await getEffectiveProfile()).profile?.reportEndpoint).toBe('https://example.org/r');

    await setPolicy({ reportEndpoint: 'http://example.org/r' });
    const state = await refreshProfile(browser);
    expect(state).toMatchObject({ source: 'policy', policyIsLastGood: true });
    expect(state.profile?.organisation.name).toBe('Policy NGO');
    expect(state.policyProblem).toMatch(/^reportEndpoint: must be an https:\/\/ address$/m);
  });

  it('drops the policy profile when the policy is withdrawn, and falls back to the import', async () => {
    await importProfileText(JSON.stringify(raw('Imported NGO')), 'file', 'ngo.json', browser);
    await setPolicy(raw('Policy NGO'));
    expect((await refreshProfile(browser)).profile?.organisation.name).toBe('Policy NGO');
    await clearPolicy();
    const state = await refreshProfile(browser);
    expect(state.source).toBe('imported');
    expect(state.profile?.organisation.name).toBe('Imported NGO');
    // and a later invalid policy does not bring the withdrawn one back
    await setPolicy({ format: 1 });
    expect((await refreshProfile(browser)).source).toBe('imported');
  });

  it('treats a managed storage that throws (Firefox without policies) as no policy', async () => {
    const api = { ...browser, storage: { ...browser.storage, managed: { get: () => Promise.reject(new Error('Managed storage manifest not found')) } } } as unknown as typeof browser;
    await importProfileText(JSON.stringify(raw('Imported NGO')), 'file', 'ngo.json', api);
    expect((await getEffectiveProfile()).source).toBe('imported');
  });

  it('refuses an invalid import with the field named, and keeps the profile that was active', async () => {
    await importProfileText(JSON.stringify(raw('First NGO')), 'file', 'first.json', browser);
    const result = await importProfileText(JSON.stringify(raw('Second', { defaults: { language: 'fr' } })), 'file', 'second.json', browser);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/^defaults\.language: /);
    expect((await getEffectiveProfile()).profile?.organisation.name).toBe('First NGO');
    expect((await getProfileState()).imported).toMatchObject({ from: 'file', origin: 'first.json' });
  });

  it('removes an imported profile', async () => {
    await importProfileText(JSON.stringify(raw('Imported NGO')), 'file', 'ngo.json', browser);
    await removeImportedProfile(browser);
    expect(await getEffectiveProfile()).toEqual({ source: 'default', profile: null });
  });

  it("uses the profile's country and language until the user confirms their own", async () => {
    await updateSettings({ country: 'PH', uiLanguage: 'en', countryConfirmed: false });
    await setPolicy(raw('Policy NGO', { defaults: { country: 'ID', language: 'id' } }));
    await refreshProfile(browser);
    expect(await getSettings()).toMatchObject({ country: 'ID', uiLanguage: 'id' });

    await updateSettings({ country: 'VN', uiLanguage: 'vi', countryConfirmed: true });
    await refreshProfile(browser);
    expect(await getSettings()).toMatchObject({ country: 'VN', uiLanguage: 'vi' });
  });

  describe('import from an address', () => {
    const serving = (body: string, init: ResponseInit & { url?: string } = {}) =>
      (async () => {
        const response = new Response(body, init);
        if (init.url) Object.defineProperty(response, 'url', { value: init.url });
        return response;
      }) as unknown as typeof fetch;

    it('imports what an https:// address serves', async () => {
      const result = await importProfileFromUrl('https://example.org/ngo.json', browser, serving(JSON.stringify(raw('Remote NGO'))));
      expect(result.ok).toBe(true);
      expect(await getProfileState()).toMatchObject({ source: 'imported', imported: { from: 'url', origin: 'https://example.org/ngo.json' } });
    });

    it.each([
      ['an http:// address', 'http://example.org/ngo.json', serving('{}'), /^address: must be an https/],
      ['a redirect to http://', 'https://example.org/ngo.json', serving('{}', { url: 'http://example.org/ngo.json' }), /not https/],
      ['a server error', 'https://example.org/ngo.json', serving('nope', { status: 404 }), /answered 404/],
      ['a network failure', 'https://example.org/ngo.json', (async () => { throw new TypeError('Failed to fetch'); }) as unknown as typeof fetch, /could not download \(Failed to fetch\)/],
      ['something that is not a profile', 'https://example.org/ngo.json', serving('<html>'), /not valid JSON/],
    ])('refuses %s', async (_name, url, fetchImpl, message) => {
      const result = await importProfileFromUrl(url, browser, fetchImpl);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(message);
      expect((await getEffectiveProfile()).source).toBe('default');
    });
  });
});
