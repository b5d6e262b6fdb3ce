/**
 * Turns an NGO's list of known recruiter contacts into the profile's `knownRecruiters` (salted SHA-256 hashes).
 *
 *   npm run --silent hash-contacts -- [--salt <hex>] [--country ID] contacts.txt > known-recruiters.json
 *
 * One contact per line: phone numbers (+62 812-3456-7890, or 0812… with --country), @handles, t.me/ and wa.me links,
 * web addresses, e-mail addresses; "#" starts a comment. Kind prefixes force a reading: "phone:", "handle:", "link:",
 * "email:". Without --salt a new random salt is made; to add contacts to an existing list, pass its salt (every hash of
 * a list uses the same salt). Exit code 1 when a line cannot be read (nothing is written), 2 on a usage error.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { canonicalContactForms, guessContactKind, hashContactForm, type ContactKind } from '../src/ngo/recruiters';
import { KnownRecruitersSchema } from '../src/ngo/profile';
import { describeZodError } from '../src/zod';

const KINDS: ContactKind[] = ['phone', 'handle', 'link', 'email'];

export function hashContactList(lines: string[], salt: string, countries: string[]): { hashes: string[]; errors: string[] } {
  const hashes = new Set<string>();
  const errors: string[] = [];
  lines.forEach((line, index) => {
    const entry = line.replace(/#.*$/, '').trim();
    if (!entry) return;
    const prefixed = /^(phone|handle|link|email):\s*(.+)$/i.exec(entry);
    const kind = prefixed ? (prefixed[1]!.toLowerCase() as ContactKind) : guessContactKind(entry);
    const value = prefixed ? prefixed[2]! : entry;
    if (!KINDS.includes(kind)) return;
    const forms = canonicalContactForms(value, kind, countries);
    if (forms.length === 0) {
      const hint = kind === 'phone' && /^\s*0/.test(value) ? ' (a national number: give --country)' : '';
      errors.push(`line ${index + 1}: cannot read "${entry}" as ${kind}${hint}`);
      return;
    }
    for (const form of forms) hashes.add(hashContactForm(salt, form));
  });
  return { hashes: [...hashes].sort(), errors };
}

function main() {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { salt: { type: 'string' }, country: { type: 'string' } } });
  const file = positionals[0];
  if (!file) {
    process.stderr.write('usage: npm run --silent hash-contacts -- [--salt <hex>] [--country ID] contacts.txt\n');
    process.exit(2);
  }
  const salt = values.salt ?? randomBytes(16).toString('hex');
  const { hashes, errors } = hashContactList(readFileSync(file, 'utf8').split(/\r?\n/), salt, values.country ? [values.country.toUpperCase()] : []);
  if (errors.length) {
    process.stderr.write(`${errors.join('\n')}\n`);
    process.exit(1);
  }
  const checked = KnownRecruitersSchema.safeParse({ salt, hashes });
  if (!checked.success) {
    process.stderr.write(`${describeZodError(checked.error)}\n`);
    process.exit(2);
  }
  process.stdout.write(`${JSON.stringify(checked.data, null, 2)}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
