/**
 * Signing rule packs for NGO updates (Node only; the extension only verifies). See src/ngo/signed-pack.ts for the
 * envelope and DEPLOY.md for the workflow. Keys: Ed25519; the private key as PKCS#8 PEM, the public key as the raw 32
 * bytes in base64 (what the profile's ruleUpdates.publicKey holds).
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJsonBytes } from '../src/ngo/canonical-json';
import { SIGNED_PACK_FORMAT, type SignedRulePack } from '../src/ngo/signed-pack';

// DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410): the raw key follows.
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export function publicKeyBase64(key: KeyObject): string {
  const der = createPublicKey(key).export({ format: 'der', type: 'spki' });
  if (der.length !== 44 || !der.subarray(0, 12).equals(SPKI_PREFIX)) throw new Error('not an Ed25519 key');
  return der.subarray(12).toString('base64');
}

export function publicKeyFromBase64(base64: string): KeyObject {
  const raw = Buffer.from(base64, 'base64');
  if (raw.length !== 32) throw new Error('an Ed25519 public key is 32 bytes');
  return createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

export function generateSigningKey(): { privateKeyPem: string; publicKey: string } {
  const { privateKey } = generateKeyPairSync('ed25519');
  return { privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), publicKey: publicKeyBase64(privateKey) };
}

export function loadPrivateKey(pem: string): KeyObject {
  const key = createPrivateKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`the key is ${key.asymmetricKeyType}, not ed25519`);
  return key;
}

/** The envelope for a pack: Ed25519 over the canonical JSON of `pack`. */
export function signPack(pack: Record<string, unknown>, privateKey: KeyObject): SignedRulePack {
  const signature = sign(null, canonicalJsonBytes(pack), privateKey).toString('base64');
  return { format: SIGNED_PACK_FORMAT, pack, signature };
}

export function verifyEnvelope(envelope: SignedRulePack, publicKey: string): boolean {
  return verify(null, canonicalJsonBytes(envelope.pack), publicKeyFromBase64(publicKey), Buffer.from(envelope.signature, 'base64'));
}
