import { readFileSync } from 'node:fs';
import { fileURLToPath, URL as NodeURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluateCorpus, parseCorpus } from '../../scripts/corpus-eval';
import { assessPost } from '../../src/detect';

// happy-dom replaces the global URL; node's is needed for file paths.
// The labelled corpus (tests/fixtures/corpus.jsonl, see its README). `npm run eval` prints the same figures and the misses.
const items = parseCorpus(readFileSync(fileURLToPath(new NodeURL('../fixtures/corpus.jsonl', import.meta.url)), 'utf8'));
const report = evaluateCorpus(items, (text) => assessPost(text));
const rate = (label: string) => report.byLabel[label]!.flagged / report.byLabel[label]!.total;
const misses = (label: string) => report.misses.filter((m) => m.label === label).map((m) => `${m.id} (${m.level} ${m.score})`);

describe('detector on the labelled corpus', () => {
  it('has posts of every label to measure', () => {
    for (const label of ['scam', 'legit_job', 'warning_or_news', 'other']) expect(report.byLabel[label]!.total).toBeGreaterThan(50);
  });

  it('flags at least 95% of scams', () => {
    expect(report.recall.flagged / report.recall.total, misses('scam').join(', ')).toBeGreaterThanOrEqual(0.95);
  });

  it.each([
    ['legit_job', 0.02],
    ['other', 0.02],
    ['warning_or_news', 0.05],
  ])('flags at most %s of %s posts', (label, limit) => {
    expect(rate(label), misses(label).join(', ')).toBeLessThanOrEqual(limit);
  });

  it('keeps its recall in every language', () => {
    for (const [lang, row] of Object.entries(report.byLang)) {
      expect(row.scamFlagged / row.scams, `${lang}: ${misses('scam').filter((m) => m.startsWith(lang)).join(', ')}`).toBeGreaterThanOrEqual(0.8);
    }
  });
});
