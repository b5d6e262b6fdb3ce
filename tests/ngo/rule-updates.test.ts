import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import shipped from '../../src/detect/rules/default-pack.json';
import {
  getActivePack,
  getUpdateStatus,
  isCheckDue,
  packInForce,
  reconcileWithProfile,
  rollBackToShippedPack,
  runRuleUpdate,
} from '../../src/ngo/rule-updates';
import type { RuleUpdates } from '../../src/ngo/profile';
import { generateSigningKey, loadPrivateKey, signPack } from '../../scripts/rule-signing';
import { packWith } from './helpers';

const { privateKeyPem, publicKey } = generateSigningKey();
const key = loadPrivateKey(privateKeyPem);
const updates: RuleUpdates = { url: 'https://rules.example.org/pack.json', publicKey, checkEveryHours: 24 };

/** A server that answers with whatever `body` holds at the time of the request, and counts requests. */
function server() {
  const state = { body: '', status: 200, requests: 0 };
  const fetchImpl = (async () => {
    state.requests++;
    return new Response(state.body, { status: state.status });
  }) as unknown as typeof fetch;
  return { state, fetchImpl, serve: (version: string) => (state.body = JSON.stringify(signPack(packWith(version), key))) };
}

describe('rule-pack updates', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('installs a newer signed pack in one write, and the detector input follows', async () => {
    const { fetchImpl, serve } = server();
    serve('2099.1.1-1');
    expect(await runRuleUpdate(updates, { fetch: fetchImpl, now: () => 1000 })).toEqual({ outcome: 'installed', version: '2099.1.1-1' });
    const active = await getActivePack();
    expect(active).toMatchObject({ version: '2099.1.1-1', publicKey, url: updates.url, installedAt: 1000 });
    expect(packInForce(active, updates)?.version).toBe('2099.1.1-1');
    expect(await getUpdateStatus()).toMatchObject({ highestVersion: '2099.1.1-1', lastCheckAt: 1000, last: { outcome: 'installed' } });
  });

  it('keeps versions monotonic: the same pack is up to date, an older one is refused, the installed one stays', async () => {
    const { fetchImpl, serve } = server();
    serve('2099.1.2-1');
    await runRuleUpdate(updates, { fetch: fetchImpl });
    expect(await runRuleUpdate(updates, { fetch: fetchImpl })).toEqual({ outcome: 'up-to-date', version: '2099.1.2-1' });
    serve('2099.1.1-9');
    expect(await runRuleUpdate(updates, { fetch: fetchImpl })).toMatchObject({ outcome: 'rejected', code: 'not-newer' });
    expect((await getActivePack())?.version).toBe('2099.1.2-1');
    expect((await getUpdateStatus())?.last).toMatchObject({ outcome: 'rejected', code: 'not-newer', detail: 'version 2099.1.1-9 is not newer than 2099.1.2-1' });
  });

  it('refuses a pack no newer than the shipped one', async () => {
    const { fetchImpl, serve } = server();
    serve(shipped.version);
    expect(await runRuleUpdate(updates, { fetch: fetchImpl })).toMatchObject({ outcome: 'rejected', code: 'not-newer' });
    expect(await getActivePack()).toBeNull();
  });

  it.each([
    ['tampered', (s: ReturnType<typeof server>) => {
      const envelope = signPack(packWith('2099.2.1-1'), key);
      (envelope.pack as { version: string }).version = '2099.3.1-1';
      s.state.body = JSON.stringify(envelope);
    }, 'bad-signature'],
    ['signed with another key', (s: ReturnType<typeof server>) => {
      s.state.body = JSON.stringify(signPack(packWith('2099.2.1-1'), loadPrivateKey(generateSigningKey().privateKeyPem)));
    }, 'bad-signature'],
    ['unsigned', (s: ReturnType<typeof server>) => (s.state.body = JSON.stringify(packWith('2099.2.1-1'))), 'unsigned'],
    ['unreachable', (s: ReturnType<typeof server>) => (s.state.status = 503), 'download'],
  ])('keeps the installed pack when the next one is %s, and says why', async (_name, spoil, code) => {
    const s = server();
    s.serve('2099.1.1-1');
    await runRuleUpdate(updates, { fetch: s.fetchImpl });
    spoil(s);
    expect(await runRuleUpdate(updates, { fetch: s.fetchImpl })).toMatchObject({ outcome: 'rejected', code });
    expect((await getActivePack())?.version).toBe('2099.1.1-1');
    expect((await getUpdateStatus())?.last?.code).toBe(code);
  });

  it('rolls back to the shipped pack and does not reinstall the same pack; a newer one is welcome', async () => {
    const { fetchImpl, serve } = server();
    serve('2099.1.1-1');
    await runRuleUpdate(updates, { fetch: fetchImpl });
    await rollBackToShippedPack(() => 5);
    expect(await getActivePack()).toBeNull();
    expect((await getUpdateStatus())?.last).toEqual({ outcome: 'rolled-back', version: '2099.1.1-1', at: 5 });
    expect(await runRuleUpdate(updates, { fetch: fetchImpl })).toMatchObject({ outcome: 'up-to-date' });
    expect(await getActivePack()).toBeNull();
    serve('2099.1.1-2');
    expect(await runRuleUpdate(updates, { fetch: fetchImpl })).toMatchObject({ outcome: 'installed', version: '2099.1.1-2' });
  });

  it('drops a pack verified by a key the profile no longer names', async () => {
    const { fetchImpl, serve } = server();
    serve('2099.1.1-1');
    await runRuleUpdate(updates, { fetch: fetchImpl });
    const rotated = { ...updates, publicKey: generateSigningKey().publicKey };
    expect(packInForce(await getActivePack(), rotated)).toBeNull();
    await reconcileWithProfile(rotated);
    expect(await getActivePack()).toBeNull();
    expect(await getUpdateStatus()).toMatchObject({ publicKey: rotated.publicKey, highestVersion: null });
    await reconcileWithProfile(undefined);
    expect(await getUpdateStatus()).toBeNull();
  });

  it('uses the shipped pack when an extension update ships newer rules than the download', () => {
    const active = { version: '2099.1.1-1', pack: packWith('2099.1.1-1') as never, publicKey, url: updates.url, installedAt: 0 };
    expect(packInForce(active, updates, '2099.1.1-1')).toBeNull();
    expect(packInForce(active, updates, '2099.1.0-9')).not.toBeNull();
  });

  it.each([
    ['never checked', null, 0, true],
    ['checked an hour ago', { lastCheckAt: 0 }, 3_600_000, false],
    ['checked a day ago', { lastCheckAt: 0 }, 24 * 3_600_000, true],
    ['checked another address', { lastCheckAt: 0, url: 'https://other.example.org/p.json' }, 1, true],
  ])('a check is due when %s: %s', (_name, status, now, due) => {
    const full = status ? { publicKey, url: updates.url, highestVersion: null, last: null, ...status } : null;
    expect(isCheckDue(updates, full, now)).toBe(due);
  });
});
