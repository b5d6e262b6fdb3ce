import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANIFEST_LOCALE_FOLDERS, UI_LANGUAGES } from '../../src/i18n';
import { CHANNEL_NOTES, CHANNEL_KINDS, CHANNEL_PURPOSES, COUNTRIES } from '../../src/channels';
import { CHECKLIST_ITEMS } from '../../src/checklist';
import { SIGNAL_FAMILIES } from '../../src/detect/types';

// The missing-key test: every key of en.json must exist, non-empty, in every UI language; every literal key passed to
// t() in src/ and entrypoints/ must exist in en.json. Keys built at run time come from data enums, checked below.

const root = process.cwd();
const readJson = (path: string): Record<string, unknown> => JSON.parse(readFileSync(join(root, path), 'utf8'));
const locale = (lang: string) => readJson(`src/i18n/locales/${lang}.json`) as Record<string, string>;
const en = locale('en');
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** Literal keys of `t(lang, 'key'...)` calls, with the file they are in. */
function literalKeysUsed(): Array<{ file: string; key: string }> {
  const call = /\bt\(\s*[^,()]+,\s*(['"`])([^'"`]*)\1/g;
  return ['src', 'entrypoints'].flatMap(sourceFiles).flatMap((file) => {
    const text = readFileSync(join(root, file), 'utf8');
    return [...text.matchAll(call)].filter((m) => !m[2]!.includes('${')).map((m) => ({ file: relative(root, join(root, file)), key: m[2]! }));
  });
}

describe('UI strings', () => {
  it('English is the reference and is not empty', () => {
    expect(Object.keys(en).length).toBeGreaterThan(50);
  });

  it.each(UI_LANGUAGES.map((lang) => [lang]))('%s has every key of en.json, none empty', (lang) => {
    const messages = locale(lang);
    const missing = Object.keys(en).filter((key) => typeof messages[key] !== 'string' || !messages[key]!.trim());
    expect(missing, `missing or empty in ${lang}.json`).toEqual([]);
  });

  it.each(UI_LANGUAGES.map((lang) => [lang]))('%s has no key that en.json lacks (a typo or a stale key)', (lang) => {
    expect(Object.keys(locale(lang)).filter((key) => !(key in en))).toEqual([]);
  });

  it.each(UI_LANGUAGES.map((lang) => [lang]))('%s keeps every {placeholder} of the English text', (lang) => {
    const messages = locale(lang);
    const wrong = Object.keys(en).filter((key) => messages[key] && placeholders(messages[key]!).join() !== placeholders(en[key]!).join());
    expect(wrong).toEqual([]);
  });

  it('every literal t(...) key in src/ and entrypoints/ exists in en.json', () => {
    const used = literalKeysUsed();
    expect(used.length).toBeGreaterThan(30);
    expect(used.filter(({ key }) => !(key in en))).toEqual([]);
  });

  it('every key built from data exists in en.json', () => {
    const built = [
      ...CHANNEL_PURPOSES.map((id) => `channel.purpose.${id}`),
      ...CHANNEL_NOTES.map((id) => `channel.note.${id}`),
      ...CHANNEL_KINDS.map((id) => `channel.kind.${id}`),
      ...CHECKLIST_ITEMS.map((id) => `checklist.item.${id}`),
      ...COUNTRIES.map((id) => `country.${id}`),
      'options.sensitivity.all',
      'options.sensitivity.high',
      // The banner: its level, and one reason per red-flag family (warning and legitimacy only lower a score).
      ...['high', 'caution'].flatMap((level) => [`banner.level.${level}`, `banner.summary.${level}`]),
      ...SIGNAL_FAMILIES.filter((family) => family !== 'warning' && family !== 'legitimacy').map((family) => `reason.${family}`),
    ];
    expect(built.filter((key) => !(key in en))).toEqual([]);
  });

  it('the scan would catch a key missing from en.json', () => {
    const call = /\bt\(\s*[^,()]+,\s*(['"`])([^'"`]*)\1/g;
    const sample = "t(lang, 'popup.settings'); t(settings.uiLanguage, \"no.such.key\", { x: 1 })";
    expect([...sample.matchAll(call)].map((m) => m[2]).filter((key) => !(key! in en))).toEqual(['no.such.key']);
  });
});

describe('manifest name and description (_locales)', () => {
  const folders = Object.values(MANIFEST_LOCALE_FOLDERS);
  const messages = (folder: string) => readJson(`public/_locales/${folder}/messages.json`) as Record<string, { message: string }>;
  const reference = messages('en');

  it('has a folder for every UI language (Tagalog as fil)', () => {
    expect(readdirSync(join(root, 'public/_locales')).sort()).toEqual([...folders].sort());
  });

  it.each(folders.map((f) => [f]))('%s has every message, none empty, within Chrome’s limits', (folder) => {
    const data = messages(folder);
    expect(Object.keys(data).sort()).toEqual(Object.keys(reference).sort());
    for (const { message } of Object.values(data)) expect(message.trim()).not.toBe('');
    expect(data.extName!.message.length).toBeLessThanOrEqual(75);
    expect(data.extDescription!.message.length).toBeLessThanOrEqual(132);
  });

  it('the manifest uses the messages and names English as the fallback locale', () => {
    const config = readFileSync(join(root, 'wxt.config.ts'), 'utf8');
    expect(config).toContain("name: '__MSG_extName__'");
    expect(config).toContain("description: '__MSG_extDescription__'");
    expect(config).toContain("default_locale: 'en'");
  });
});
