import { describe, expect, it } from 'vitest';
import shipped from '../../src/detect/rules/default-pack.json';
import { checkSignedPack, verifyEd25519 } from '../../src/ngo/signed-pack';
import { generateSigningKey, loadPrivateKey, signPack } from '../../scripts/rule-signing';
import { packWith } from './helpers';

const hex = (h: string) => Uint8Array.from((h.match(/../g) ?? []).map((b) => parseInt(b, 16)));
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');


describe('verifyEd25519 (WebCrypto)', () => {
  // RFC 8032 section 7.1, tests 1 and 2
  it.each([
    ['d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a', '', 'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b'],
    ['3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c', '72', '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00'],
  ])('accepts the RFC 8032 vector for public key %s', async (publicKey, message, signature) => {
    expect(await verifyEd25519(b64(hex(publicKey)), hex(message), b64(hex(signature)))).toBe(true);
    const flipped = hex(signature);
    flipped[5]! ^= 1;
    expect(await verifyEd25519(b64(hex(publicKey)), hex(message), b64(flipped))).toBe(false);
  });

  it('answers false for a malformed key instead of throwing', async () => {
    expect(await verifyEd25519(b64(new Uint8Array(7)), new Uint8Array(0), b64(new Uint8Array(64)))).toBe(false);
  });
});

describe('checkSignedPack', () => {
  const { privateKeyPem, publicKey } = generateSigningKey();
  const key = loadPrivateKey(privateKeyPem);
  const other = generateSigningKey();
  const signed = (pack: Record<string, unknown>) => JSON.stringify(signPack(pack, key));

  it('accepts a pack signed with the profile key, however the file is laid out', async () => {
    const envelope = signPack(packWith('2099.1.1-1'), key);
    for (const text of [JSON.stringify(envelope), JSON.stringify(envelope, null, 2)]) {
      const result = await checkSignedPack(text, { publicKey, newerThan: [shipped.version] });
      expect(result).toMatchObject({ ok: true, version: '2099.1.1-1' });
    }
  });

  it.each<[string, () => string, string, RegExp]>([
    ['a pack changed after signing', () => {
      const envelope = signPack(packWith('2099.1.1-1'), key);
      (envelope.pack as { scoring: { high: number } }).scoring.high = 0.99;
      return JSON.stringify(envelope);
    }, 'bad-signature', /does not match/],
    ['a pack signed with another key', () => JSON.stringify(signPack(packWith('2099.1.1-1'), loadPrivateKey(other.privateKeyPem))), 'bad-signature', /another key/],
    ['a bare, unsigned pack', () => JSON.stringify(packWith('2099.1.1-1')), 'unsigned', /^format: /m],
    ['an envelope without a signature', () => JSON.stringify({ format: 'waspada-signed-rule-pack/1', pack: packWith('2099.1.1-1') }), 'unsigned', /^signature: /m],
    ['something that is not JSON', () => '<html>', 'not-json', /not valid JSON/],
    ['a signed pack that is not a valid rule pack', () => signed(packWith('2099.1.1-1', (p) => { p.scoring.high = 7; })), 'invalid-pack', /^scoring\.high: /m],
    ['a signed pack with a pattern it cannot run safely', () => signed(packWith('2099.1.1-1', (p) => { p.families.role.patterns[0]!.re = '(x)\\1'; })), 'invalid-pack', /^families\.role\.patterns\[0\]\.re: /m],
    ['a signed pack with an unordered version', () => signed(packWith('next')), 'invalid-pack', /^version: /],
    ['a signed pack older than the shipped one', () => signed(packWith('2020.1.1-1')), 'not-newer', /2020\.1\.1-1 is not newer than/],
  ])('rejects %s', async (_name, text, code, detail) => {
    const result = await checkSignedPack(text(), { publicKey, newerThan: [shipped.version] });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.code).toBe(code);
      expect(result.detail).toMatch(detail);
    }
  });
});
