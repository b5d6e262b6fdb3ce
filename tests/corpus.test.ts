import { readFileSync } from 'node:fs';
import { fileURLToPath, URL as NodeURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { describeZodError, z } from '../src/zod';

// Guards the labelled corpus (tests/fixtures/corpus.jsonl) against careless edits; see tests/fixtures/README.md.

const LANGS = ['id', 'en', 'ms', 'vi', 'th', 'tl', 'zh', 'my'] as const;
const LABELS = ['scam', 'legit_job', 'warning_or_news', 'other'] as const;
const ID_LABEL_PART: Record<(typeof LABELS)[number], string> = {
  scam: 'scam',
  legit_job: 'legit',
  warning_or_news: 'warn',
  other: 'other',
};

const CorpusItem = z.strictObject({
  id: z.string().regex(/^[a-z]{2}-(scam|legit|warn|other)-\d{3}$/, 'id must look like "id-scam-001"'),
  label: z.enum(LABELS),
  lang: z.enum(LANGS),
  text: z.string().refine((text) => text.trim().length > 0, 'text must not be blank'),
  source: z.string().refine((source) => source.trim().length >= 4, 'source must name where the facts come from'),
  obfuscated: z.boolean(),
  hard_negative: z.boolean(),
});
type CorpusItem = z.infer<typeof CorpusItem>;

// Node's URL, not happy-dom's, which rejects file: URLs.
const corpusPath = fileURLToPath(new NodeURL('./fixtures/corpus.jsonl', import.meta.url));
const lines = readFileSync(corpusPath, 'utf8').split('\n').filter((line) => line.trim() !== '');

function parseLine(line: string, lineNumber: number): CorpusItem {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch (error) {
    throw new Error(`line ${lineNumber}: not JSON (${(error as Error).message})`);
  }
  const result = CorpusItem.safeParse(raw);
  if (!result.success) throw new Error(`line ${lineNumber}:\n${describeZodError(result.error)}`);
  return result.data;
}

const items = lines.flatMap((line, index) => {
  try {
    return [parseLine(line, index + 1)];
  } catch {
    return []; // reported by the first test, which names the line
  }
});

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((value) => (seen.has(value) ? true : (seen.add(value), false)));
}

// Hidden or look-alike characters that only belong in items marked obfuscated. A zero-width joiner also glues emoji
// sequences such as 👩‍💻, so it only counts next to a letter; fullwidth punctuation is ordinary in Chinese, so only
// fullwidth letters and digits count.
const OBFUSCATION_CHARACTERS =
  /[\u200b\u200c\u2060\ufeff]|(?<=\p{L})\u200d|\u200d(?=\p{L})|\u20e3|[\u{1d400}-\u{1d7ff}]|[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/u;

describe('labelled corpus', () => {
  it('has every line valid against the schema', () => {
    const problems = lines.flatMap((line, index) => {
      try {
        parseLine(line, index + 1);
        return [];
      } catch (error) {
        return [(error as Error).message];
      }
    });
    expect(problems).toEqual([]);
  });

  it('holds at least 400 items', () => {
    expect(items.length).toBeGreaterThanOrEqual(400);
  });

  it('has unique ids whose prefix matches the item language and label', () => {
    expect(duplicates(items.map((item) => item.id))).toEqual([]);
    const mismatched = items.filter((item) => !item.id.startsWith(`${item.lang}-${ID_LABEL_PART[item.label]}-`));
    expect(mismatched.map((item) => item.id)).toEqual([]);
  });

  it('has no text twice', () => {
    expect(duplicates(items.map((item) => item.text.trim()))).toEqual([]);
  });

  it('keeps at least a quarter hard negatives, none of them scams', () => {
    const hard = items.filter((item) => item.hard_negative);
    expect(hard.length / items.length).toBeGreaterThanOrEqual(0.25);
    expect(hard.filter((item) => item.label === 'scam').map((item) => item.id)).toEqual([]);
  });

  it('has at least 60 obfuscated scams', () => {
    expect(items.filter((item) => item.label === 'scam' && item.obfuscated).length).toBeGreaterThanOrEqual(60);
  });

  it('marks every item with zero-width, keycap, math or fullwidth characters as obfuscated', () => {
    const unmarked = items.filter((item) => !item.obfuscated && OBFUSCATION_CHARACTERS.test(item.text));
    expect(unmarked.map((item) => item.id)).toEqual([]);
  });

  it.each(LANGS)('has items of every label in language %s', (lang) => {
    const labels = new Set(items.filter((item) => item.lang === lang).map((item) => item.label));
    expect([...labels].sort()).toEqual([...LABELS].sort());
  });
});
