import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseProfile, parseProfileText, MAX_LOGO_CHARS } from '../../src/ngo/profile';
import { NGO_SCHEMA_FILES, serialiseJsonSchema } from '../../src/ngo/json-schemas';

const ROOT = resolve(import.meta.dirname, '../..');
const example = JSON.parse(readFileSync(resolve(ROOT, 'examples/ngo-profile.example.json'), 'utf8')) as Record<string, unknown>;
const minimal = { format: 1, organisation: { name: 'Yayasan Contoh' } };
const PNG_1PX = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

describe('NGO profile', () => {
  it('accepts the example file', () => {
    const parsed = parseProfile(example);
    expect(parsed.ok ? 'valid' : parsed.error).toBe('valid');
  });

  it('fills defaults in a minimal profile', () => {
    const parsed = parseProfile(minimal);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.profile).toMatchObject({ channels: [], extraRules: [], defaults: {}, features: { reporting: true, disabledSites: [] } });
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['a missing name', { format: 1, organisation: {} }, /^organisation\.name: /m],
    ['a report endpoint over http', { ...minimal, reportEndpoint: 'http://example.org/reports' }, /^reportEndpoint: must be an https:\/\/ address/m],
    ['a logo fetched from a server', { ...minimal, organisation: { name: 'X', logo: 'https://example.org/logo.png' } }, /^organisation\.logo: must be a data:image\/png/m],
    ['a logo that says PNG but is not', { ...minimal, organisation: { name: 'X', logo: `data:image/png;base64,${btoa('<svg></svg>')}` } }, /^organisation\.logo: the data does not hold/m],
    ['an HTML logo', { ...minimal, organisation: { name: 'X', logo: `data:text/html;base64,${btoa('<script>')}` } }, /^organisation\.logo: /m],
    ['an oversized logo', { ...minimal, organisation: { name: 'X', logo: `data:image/png;base64,iVBORw0KGgo${'A'.repeat(MAX_LOGO_CHARS)}` } }, /^organisation\.logo: must be at most/m],
    ['an unknown country', { ...minimal, defaults: { country: 'XX' } }, /^defaults\.country: /m],
    ['an unknown signal family', { ...minimal, extraRules: [{ family: 'lottery', phrases: ['x y'] }] }, /^extraRules\.0\.family: /m],
    ['a phrase weight above 1', { ...minimal, extraRules: [{ family: 'role', weight: 2, phrases: ['admin game'] }] }, /^extraRules\.0\.weight: /m],
    ['a contact in clear text', { ...minimal, knownRecruiters: { salt: '00112233445566778899aabbccddeeff', hashes: ['+6281234567890'] } }, /^knownRecruiters\.hashes\.0: must be a SHA-256/m],
    ['a short salt', { ...minimal, knownRecruiters: { salt: 'abc', hashes: [] } }, /^knownRecruiters\.salt: must be 32 to 128/m],
    ['a public key that is not Ed25519', { ...minimal, ruleUpdates: { url: 'https://example.org/p.json', publicKey: 'abc' } }, /^ruleUpdates\.publicKey: must be a base64 Ed25519/m],
    ['an update address over http', { ...minimal, ruleUpdates: { url: 'http://example.org/p.json', publicKey: `${'A'.repeat(43)}=` } }, /^ruleUpdates\.url: must be an https/m],
    ['an unknown site', { ...minimal, features: { disabledSites: ['myspace'] } }, /^features\.disabledSites\.0: /m],
    ['an unverified helpline made tap-to-call', { ...minimal, channels: [{ id: 'h', name: 'H', kind: 'hotline', value: '1', url: 'tel:1', purpose: 'ask-or-report-job', source: 's', verifiedOn: '2026-11-22', verified: false }] }, /^channels\.0\.url: an unverified number/m],
    ['a field the format does not have', { ...minimal, colour: 'red' }, /^\(root\): Unrecognized key: "colour"/m],
    ['a future format', { ...minimal, format: 2 }, /^format: /m],
  ])('names the field and the problem for %s', (_name, raw, message) => {
    const parsed = parseProfile(raw);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });

  it('accepts a small PNG logo', () => {
    expect(parseProfile({ ...minimal, organisation: { name: 'X', logo: PNG_1PX } }).ok).toBe(true);
  });

  it('says so when the text is not JSON', () => {
    const parsed = parseProfileText('{ "format": 1, ');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(/^\(root\): not valid JSON/);
  });
});

describe('committed JSON Schemas', () => {
  it.each(Object.keys(NGO_SCHEMA_FILES))('%s is up to date (npm run schemas)', (path) => {
    expect(readFileSync(resolve(ROOT, path), 'utf8')).toBe(serialiseJsonSchema(NGO_SCHEMA_FILES[path]!()));
  });

  it("Chromium's managed schema has one type per node and no boolean additionalProperties", () => {
    const managed = NGO_SCHEMA_FILES['public/managed-schema.json']!();
    const problems: string[] = [];
    const walk = (node: Record<string, unknown>, path: string) => {
      if (typeof node.type !== 'string') problems.push(`${path}: no single type`);
      if ('additionalProperties' in node && typeof node.additionalProperties !== 'object') problems.push(`${path}: additionalProperties`);
      for (const [key, child] of Object.entries((node.properties ?? {}) as Record<string, Record<string, unknown>>)) walk(child, `${path}.${key}`);
      if (node.items) walk(node.items as Record<string, unknown>, `${path}[]`);
    };
    walk(managed, '(root)');
    expect(problems).toEqual([]);
    expect(managed).not.toHaveProperty('additionalProperties');
    expect(Object.keys(managed.properties as object)).toEqual(expect.arrayContaining(['organisation', 'channels', 'ruleUpdates', 'knownRecruiters']));
  });
});
