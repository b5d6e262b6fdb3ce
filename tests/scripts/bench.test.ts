import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toPageParts } from '../../scripts/bench/browser';
import { breakdown, pieceOf } from '../../scripts/bench/bundle';
import { median, pathologicalInputs, quantile } from '../../scripts/bench/detector';
import { figureProblems, REQUIRED_FIGURES } from '../../scripts/bench/figures';
import { CHATTER, FEED_MIX, feedPosts, readCorpus } from '../../scripts/bench/posts';

const corpus = readCorpus(resolve(__dirname, '../fixtures/corpus.jsonl'));

describe('bench feed posts', () => {
  const posts = feedPosts(corpus, { count: 2000, seed: 3 });

  it('are distinct posts of about 400 characters', () => {
    expect(new Set(posts.map((post) => post.text)).size).toBe(2000);
    const lengths = posts.map((post) => post.text.length).sort((a, b) => a - b);
    expect(median(lengths)).toBeGreaterThanOrEqual(360);
    expect(median(lengths)).toBeLessThanOrEqual(460);
  });

  it('mix labels like a feed where most posts are not jobs, in several languages', () => {
    for (const [label, share] of Object.entries(FEED_MIX)) {
      const seen = posts.filter((post) => post.label === label).length / posts.length;
      expect(Math.abs(seen - share), label).toBeLessThan(0.03);
    }
    expect(new Set(posts.map((post) => post.lang)).size).toBeGreaterThanOrEqual(5);
  });

  it('start with a corpus text of their label and language, padded with everyday chatter only', () => {
    for (const post of posts.slice(0, 300)) {
      const source = corpus.find((item) => post.text.startsWith(item.text.slice(0, 200)) && item.label === post.label);
      expect(source?.lang, post.text).toBe(post.lang);
      const padding = post.text.slice(source!.text.length).replace(/ #info\d+$/, '');
      const lines = [...(CHATTER[post.lang] ?? []), ...CHATTER.en!];
      expect(lines.reduce((rest, line) => rest.split(line).join(''), padding).trim(), post.text).toBe('');
    }
  });

  it('are the same feed for the same seed', () => {
    expect(feedPosts(corpus, { count: 50, seed: 3 })).toEqual(posts.slice(0, 50));
  });
});

describe('quantile', () => {
  it.each([
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.5, 5],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.95, 10],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9, 9],
    [[7], 0.99, 7],
  ])('of %j at %d is %d (nearest rank)', (values, q, expected) => {
    expect(quantile(values, q)).toBe(expected);
  });
});

describe('pathological inputs', () => {
  it('are 100 KB each', () => {
    for (const [kind, text] of Object.entries(pathologicalInputs('Lowongan CS Kamboja gaji 15jt'))) expect(text.length, kind).toBe(100_000);
  });
});

describe('feed page parts', () => {
  it.each([
    ['Gaji 15jt 💰 #lokerkamboja', [['Gaji 15jt ', ['emoji', '💰'], ' ', ['tag', '#lokerkamboja']]]],
    ['Kerja di 🇰🇭\nvisa ✈️ gratis', [['Kerja di ', ['emoji', '🇰🇭'], ['br'], 'visa ', ['emoji', '✈️'], ' gratis']]],
    ['baris satu\n\nbaris dua', [['baris satu'], ['baris dua']]],
  ])('%j renders as Facebook would', (text, parts) => {
    expect(toPageParts(text)).toEqual(parts);
  });
});

describe('bundle breakdown', () => {
  it.each([
    ['node_modules/zod/v4/core/schemas.js', 'zod'],
    ['node_modules/@wxt-dev/storage/dist/index.mjs', '@wxt-dev/storage'],
    ['src/detect/rules/default-pack.json', 'detector rule pack (JSON)'],
    ['src/detect/normalize.ts', 'detector code'],
    ['src/i18n/locales/th.json', 'UI strings, all locales'],
    ['src/channels/data/ID.json', 'official channels, all countries'],
    ['src/watcher/watcher.ts', 'watcher'],
  ])('puts %s in %s', (source, piece) => {
    expect(pieceOf(source)).toBe(piece);
  });

  it('groups modules by piece, largest first', () => {
    const pieces = breakdown({
      'src/watcher/watcher.ts': 'export function watch(){return 1}',
      'node_modules/zod/v4/a.js': `export const a = ${JSON.stringify('x'.repeat(500))};`,
      'node_modules/zod/v4/b.js': 'export const b = 2;',
    });
    expect(pieces.map((piece) => piece.piece)).toEqual(['zod', 'watcher']);
    expect(pieces[0]!.bytes).toBeGreaterThan(500);
    expect(pieces[0]!.gzipBytes).toBeLessThan(pieces[0]!.bytes);
  });
});

describe('figures line', () => {
  const good = Object.fromEntries(REQUIRED_FIGURES.map((key) => [key, 1]));
  it('is fine when every figure is a finite number', () => {
    expect(figureProblems(good)).toEqual([]);
  });
  it.each([
    [{ ...good, heap_delta_mb: Number.NaN }, 'heap_delta_mb = NaN'],
    [{ ...good, long_tasks_ext: 'none' }, 'long_tasks_ext = "none"'],
    [Object.fromEntries(Object.entries(good).filter(([key]) => key !== 'zip_sources_kb')), 'zip_sources_kb missing'],
  ])('names what is wrong in %j', (figures, problem) => {
    expect(figureProblems(figures)).toEqual([problem]);
  });
});
