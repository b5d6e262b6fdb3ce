/**
 * Signs rule packs for NGO updates.
 *
 *   npm run sign-rules -- --generate-key keys/my-ngo       writes keys/my-ngo.private.pem (keep it secret, offline)
 *                                                        and keys/my-ngo.public.txt; prints the public key for the profile
 *   npm run sign-rules -- --key keys/my-ngo.private.pem pack.json [--out signed-pack.json]
 *                                                        validates the pack, checks its new patterns for ReDoS, signs
 *   npm run sign-rules -- --verify --public-key <base64> signed-pack.json
 *                                                        checks a hosted file as Waspada will
 *
 * Exit code 0 on success, 1 when the pack or signature is refused, 2 on a usage error.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { check } from 'recheck';
import { compileRulePack } from '../src/detect/rules';
import shippedPack from '../src/detect/rules/default-pack.json';
import { checkSignedPack } from '../src/ngo/signed-pack';
import { isPackVersion } from '../src/ngo/version';
import { generateSigningKey, loadPrivateKey, publicKeyBase64, signPack, verifyEnvelope } from './rule-signing';

function fail(message: string, code = 1): never {
  process.stderr.write(`sign-rules: ${message}\n`);
  process.exit(code);
}

/** Patterns of `pack` not in the shipped pack (those are ReDoS-checked by the project's tests). */
function newPatterns(pack: { families?: Record<string, { patterns?: { re: string }[] }>; markers?: Record<string, { re: string }[]> }): [string, string][] {
  const shipped = new Set<string>();
  for (const family of Object.values(shippedPack.families)) for (const p of family.patterns) shipped.add(p.re);
  for (const list of Object.values(shippedPack.markers)) for (const p of list) shipped.add(p.re);
  const found: [string, string][] = [];
  for (const [name, family] of Object.entries(pack.families ?? {})) {
    (family.patterns ?? []).forEach((p, i) => !shipped.has(p.re) && found.push([`families.${name}.patterns[${i}].re`, p.re]));
  }
  for (const [kind, list] of Object.entries(pack.markers ?? {})) {
    (list ?? []).forEach((p, i) => !shipped.has(p.re) && found.push([`markers.${kind}[${i}].re`, p.re]));
  }
  return found;
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'generate-key': { type: 'string' },
      key: { type: 'string' },
      out: { type: 'string' },
      verify: { type: 'boolean' },
      'public-key': { type: 'string' },
      force: { type: 'boolean' },
    },
  });

  if (values['generate-key']) {
    const prefix = values['generate-key'];
    const privatePath = `${prefix}.private.pem`;
    const publicPath = `${prefix}.public.txt`;
    if (!values.force && (existsSync(privatePath) || existsSync(publicPath))) fail(`${privatePath} or ${publicPath} exists; not overwriting (--force to replace)`, 2);
    const { privateKeyPem, publicKey } = generateSigningKey();
    writeFileSync(privatePath, privateKeyPem, { mode: 0o600 });
    writeFileSync(publicPath, `${publicKey}\n`);
    process.stdout.write(`private key: ${privatePath} (keep it secret and offline)\npublic key for the profile's ruleUpdates.publicKey:\n${publicKey}\n`);
    return;
  }

  const file = positionals[0];
  if (!file) fail('give a pack file (see the usage at the top of scripts/sign-rules.ts)', 2);
  const text = readFileSync(file, 'utf8');

  if (values.verify) {
    const publicKey = values['public-key'];
    if (!publicKey) fail('--verify needs --public-key <base64>', 2);
    const result = await checkSignedPack(text, { publicKey, newerThan: [] });
    if (!result.ok) fail(`refused (${result.code}): ${result.detail}`);
    process.stdout.write(`ok: version ${result.version}, signature valid for ${publicKey}\n`);
    return;
  }

  if (!values.key) fail('give --key <private key file>', 2);
  const privateKey = loadPrivateKey(readFileSync(values.key, 'utf8'));
  let pack: Record<string, unknown>;
  try {
    pack = JSON.parse(text) as Record<string, unknown>;
  } catch (error) {
    fail(`${file} is not JSON: ${(error as Error).message}`);
  }
  if (pack && typeof pack === 'object' && 'signature' in pack && 'pack' in pack) fail(`${file} is already a signed envelope; give the bare pack`);
  const compiled = compileRulePack(pack);
  if (!compiled.ok) fail(`${file} is not a valid rule pack:\n${compiled.error}`);
  if (!isPackVersion(compiled.pack.version)) fail(`version: "${compiled.pack.version}" must be numbers separated by dots or dashes (2026.11.22-1)`);

  const fresh = newPatterns(pack as Parameters<typeof newPatterns>[0]);
  const problems: string[] = [];
  for (const [name, source] of fresh) {
    const result = await check(source, 'u', { timeout: 30_000, randomSeed: 7 });
    if (result.status === 'vulnerable') problems.push(`${name}: catastrophic backtracking (${result.complexity.summary})`);
    else if (result.status === 'unknown') problems.push(`${name}: could not be checked for catastrophic backtracking (${result.error.kind})`);
  }
  if (problems.length) fail(`refusing to sign patterns that could freeze the browser:\n${problems.join('\n')}`);

  const envelope = signPack(pack, privateKey);
  if (!verifyEnvelope(envelope, publicKeyBase64(privateKey))) fail('the signature did not verify (this is a bug)');
  const output = `${JSON.stringify(envelope, null, 1)}\n`;
  if (values.out) {
    writeFileSync(values.out, output);
    process.stderr.write(`signed version ${compiled.pack.version} (${fresh.length} new pattern(s) checked) -> ${values.out}\npublic key: ${publicKeyBase64(privateKey)}\n`);
  } else {
    process.stdout.write(output);
  }
}

main().catch((error: unknown) => fail((error as Error).message));
