/**
 * Signed rule packs. An NGO hosts a JSON envelope:
 *
 *   { "format": "waspada-signed-rule-pack/1", "pack": { ...a rule pack... }, "signature": "<base64>" }
 *
 * where `signature` is Ed25519 (RFC 8032) over the UTF-8 bytes of the canonical JSON (RFC 8785, ./canonical-json.ts)
 * of `pack`, made with the private key whose public half is in the profile. A pack is data only (patterns, weights,
 * thresholds), never code. Checks, in order: JSON, envelope, signature, rule-pack schema, newer version.
 */
import { describeZodError, z } from '../zod';
import { compileRulePack } from '../detect/rules';
import type { RulePack } from '../detect/rules/schema';
import { canonicalJsonBytes } from './canonical-json';
import { comparePackVersions, isPackVersion } from './version';

export const SIGNED_PACK_FORMAT = 'waspada-signed-rule-pack/1';

export const SignedRulePackSchema = z
  .object({
    format: z.literal(SIGNED_PACK_FORMAT),
    /** Validated as a rule pack only once its signature holds. */
    pack: z.record(z.string(), z.unknown()),
    signature: z.string().regex(/^[A-Za-z0-9+/]{86}==$/, 'must be a base64 Ed25519 signature (88 characters ending in "==")'),
  })
  .strict();
export type SignedRulePack = z.infer<typeof SignedRulePackSchema>;

/** Why a pack was turned down; the options page says each in the user's language, with the detail below it. */
export const REJECTION_CODES = ['download', 'not-json', 'unsigned', 'bad-signature', 'invalid-pack', 'not-newer'] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

export type PackCheck =
  | { ok: true; pack: RulePack; version: string }
  | { ok: false; code: RejectionCode; detail: string };

export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Ed25519 through WebCrypto (Chromium 137+, Firefox 129+; checked in the E2E run on this machine's browsers). */
export async function verifyEd25519(publicKeyBase64: string, message: Uint8Array, signatureBase64: string, subtle: SubtleCrypto = crypto.subtle): Promise<boolean> {
  try {
    const key = await subtle.importKey('raw', base64ToBytes(publicKeyBase64) as BufferSource, { name: 'Ed25519' }, false, ['verify']);
    return await subtle.verify({ name: 'Ed25519' }, key, base64ToBytes(signatureBase64) as BufferSource, message as BufferSource);
  } catch {
    // a malformed key or signature verifies nothing
    return false;
  }
}

export interface CheckOptions {
  publicKey: string;
  /** The pack must be newer than each of these (the shipped pack, the highest accepted so far). */
  newerThan: ReadonlyArray<string | null | undefined>;
  subtle?: SubtleCrypto;
}

/** Verifies and validates a downloaded envelope. Nothing is trusted before its signature holds. */
export async function checkSignedPack(text: string, options: CheckOptions): Promise<PackCheck> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, code: 'not-json', detail: `not valid JSON (${(error as Error).message})` };
  }
  const envelope = SignedRulePackSchema.safeParse(raw);
  if (!envelope.success) return { ok: false, code: 'unsigned', detail: describeZodError(envelope.error) };
  const { pack, signature } = envelope.data;

  let signed: Uint8Array;
  try {
    signed = canonicalJsonBytes(pack);
  } catch (error) {
    return { ok: false, code: 'invalid-pack', detail: (error as Error).message };
  }
  if (!(await verifyEd25519(options.publicKey, signed, signature, options.subtle))) {
    return { ok: false, code: 'bad-signature', detail: "the signature does not match the pack and the profile's public key (changed after signing, or signed with another key)" };
  }

  const compiled = compileRulePack(pack);
  if (!compiled.ok) return { ok: false, code: 'invalid-pack', detail: compiled.error };
  const version = compiled.pack.version;
  if (!isPackVersion(version)) {
    return { ok: false, code: 'invalid-pack', detail: `version: "${version}" is not numbers separated by dots or dashes (2026.11.22-1)` };
  }
  for (const floor of options.newerThan) {
    if (floor && comparePackVersions(version, floor) <= 0) {
      return { ok: false, code: 'not-newer', detail: `version ${version} is not newer than ${floor}` };
    }
  }
  return { ok: true, pack: compiled.pack.source, version };
}
