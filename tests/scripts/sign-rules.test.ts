import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkSignedPack } from '../../src/ngo/signed-pack';
import { packWith } from '../ngo/helpers';

const root = join(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'waspada-sign-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `npm run sign-rules -- ...args`, through tsx directly (same script, less start-up). */
function signRules(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'scripts', 'sign-rules.ts'), ...args], { cwd: root }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('npm run sign-rules', { timeout: 120_000 }, () => {
  const keyPrefix = join(dir, 'ngo');
  const packFile = join(dir, 'pack.json');
  const signedFile = join(dir, 'signed.json');
  let publicKey = '';

  it('makes a key pair, the private half readable by its owner only', async () => {
    const result = await signRules('--generate-key', keyPrefix);
    expect(result.code).toBe(0);
    publicKey = readFileSync(`${keyPrefix}.public.txt`, 'utf8').trim();
    expect(publicKey).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(result.stdout).toContain(publicKey);
    expect(statSync(`${keyPrefix}.private.pem`).mode & 0o077).toBe(0);
    expect((await signRules('--generate-key', keyPrefix)).code).toBe(2);
  });

  it('signs a pack that the extension then accepts, and verifies a hosted file', async () => {
    writeFileSync(packFile, JSON.stringify(packWith('2099.5.1-1', (p) => {
      p.families.destination.patterns.push({ id: 'ngo_town', lang: 'any', weight: 1, re: 'kota zorblax' } as never);
    }), null, 2));
    const result = await signRules('--key', `${keyPrefix}.private.pem`, packFile, '--out', signedFile);
    expect(result.stderr).toMatch(/signed version 2099\.5\.1-1 \(1 new pattern\(s\) checked\)/);
    expect(result.code).toBe(0);
    const check = await checkSignedPack(readFileSync(signedFile, 'utf8'), { publicKey, newerThan: [] });
    expect(check).toMatchObject({ ok: true, version: '2099.5.1-1' });
    const verified = await signRules('--verify', '--public-key', publicKey, signedFile);
    expect(verified.stdout).toMatch(/^ok: version 2099\.5\.1-1/);
  });

  it.each<[string, (p: ReturnType<typeof packWith>) => void, RegExp]>([
    ['a pattern that backtracks catastrophically', (p) => (p as never as { families: { role: { patterns: unknown[] } } }).families.role.patterns.push({ id: 'bad', weight: 1, re: '(?:a|a)+b' }), /catastrophic backtracking/],
    ['an invalid pack', (p) => ((p as { scoring: { high: number } }).scoring.high = 3), /scoring\.high/],
  ])('refuses to sign %s', async (_name, spoil, message) => {
    const pack = packWith('2099.5.2-1');
    spoil(pack);
    writeFileSync(packFile, JSON.stringify(pack));
    const result = await signRules('--key', `${keyPrefix}.private.pem`, packFile);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
  });

  it('says when a hosted file was changed after signing', async () => {
    const envelope = JSON.parse(readFileSync(signedFile, 'utf8'));
    envelope.pack.scoring.high = 0.5;
    writeFileSync(signedFile, JSON.stringify(envelope));
    const result = await signRules('--verify', '--public-key', publicKey, signedFile);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/refused \(bad-signature\)/);
  });
});
