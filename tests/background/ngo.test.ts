import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { startNgo } from '../../src/background/ngo';
import { getEffectiveProfile, importProfileText } from '../../src/ngo/store';
import { getActivePack, RULE_UPDATE_ALARM } from '../../src/ngo/rule-updates';
import { generateSigningKey, loadPrivateKey, signPack } from '../../scripts/rule-signing';
import { packWith } from '../ngo/helpers';

const { privateKeyPem, publicKey } = generateSigningKey();
const signed = (version: string) => JSON.stringify(signPack(packWith(version), loadPrivateKey(privateKeyPem)));
const profile = (extra: Record<string, unknown> = {}) => ({ format: 1, organisation: { name: 'Yayasan Contoh' }, ...extra });
const withUpdates = (url = 'https://rules.example.org/pack.json') => profile({ ruleUpdates: { url, publicKey, checkEveryHours: 12 } });
const settle = async (done: () => Promise<void>) => {
  for (let i = 0; i < 5; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await done();
  }
};

describe('background: NGO profile and rule updates', () => {
  let fetchSpy: ReturnType<typeof vi.fn>;
  beforeEach(() => {
    fakeBrowser.reset();
    fetchSpy = vi.fn(async () => new Response(signed('2099.1.1-1')));
  });

  it('fetches nothing and sets no alarm when no update address is configured', async () => {
    await fakeBrowser.storage.managed.set(profile());
    const done = startNgo(browser, { fetch: fetchSpy as unknown as typeof fetch });
    await settle(done);
    expect((await getEffectiveProfile()).source).toBe('policy');
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(await fakeBrowser.alarms.get(RULE_UPDATE_ALARM)).toBeUndefined();
  });

  it('applies a policy at start, schedules checks and fetches the pack once', async () => {
    await fakeBrowser.storage.managed.set(withUpdates());
    const done = startNgo(browser, { fetch: fetchSpy as unknown as typeof fetch });
    await settle(done);
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    expect(fetchSpy.mock.calls[0]![0]).toBe('https://rules.example.org/pack.json');
    expect((await getActivePack())?.version).toBe('2099.1.1-1');
    expect(await fakeBrowser.alarms.get(RULE_UPDATE_ALARM)).toMatchObject({ periodInMinutes: 720 });

    // a later worker start within the period does not fetch again
    await settle(startNgo(browser, { fetch: fetchSpy as unknown as typeof fetch }));
    expect(fetchSpy).toHaveBeenCalledTimes(1);
  });

  it('checks again when the alarm fires', async () => {
    await fakeBrowser.storage.managed.set(withUpdates());
    const done = startNgo(browser, { fetch: fetchSpy as unknown as typeof fetch });
    await settle(done);
    fetchSpy.mockImplementation(async () => new Response(signed('2099.1.1-2')));
    await fakeBrowser.alarms.onAlarm.trigger({ name: RULE_UPDATE_ALARM, scheduledTime: Date.now() });
    await settle(done);
    expect((await getActivePack())?.version).toBe('2099.1.1-2');
  });

  it('follows policy changes and imports, and drops the schedule and the pack when updates are no longer configured', async () => {
    const done = startNgo(browser, { fetch: fetchSpy as unknown as typeof fetch });
    await settle(done);
    await importProfileText(JSON.stringify(withUpdates('https://imported.example.org/p.json')), 'file', 'ngo.json', browser);
    await settle(done);
    expect(fetchSpy.mock.calls.map((call) => call[0])).toEqual(['https://imported.example.org/p.json']);

    await fakeBrowser.storage.managed.set(profile());
    await settle(done);
    expect((await getEffectiveProfile()).source).toBe('policy');
    expect(await getActivePack()).toBeNull();
    expect(await fakeBrowser.alarms.get(RULE_UPDATE_ALARM)).toBeUndefined();
  });
});
