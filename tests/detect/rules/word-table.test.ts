import { describe, expect, it } from 'vitest';
import { buildWordTable, defaultRulePack, lookupWord, NO_FILTER, type WordEntry, type WordTable } from '../../../src/detect/rules';

/** The entry at `offset` of a packed table, read back into the shape it was built from. */
function readEntry(table: WordTable, offset: number): WordEntry {
  const { data } = table;
  const entry: WordEntry = { stop: data[offset]!, slots: [], filters: [] };
  let at = offset + 2;
  for (let k = 0; k < data[offset + 1]!; k++) {
    const codes = data[at + 1]!;
    entry.slots.push(data[at]!);
    entry.filters.push(codes === NO_FILTER ? undefined : data.slice(at + 2, at + 2 + codes));
    at += 2 + (codes === NO_FILTER ? 0 : codes);
  }
  return entry;
}

const entry = (stop: number, lists: [number, number[] | undefined][]): WordEntry => ({
  stop,
  slots: lists.map(([slot]) => slot),
  filters: lists.map(([, codes]) => (codes ? Int32Array.from(codes) : undefined)),
});

describe('buildWordTable', () => {
  // hashes 1, 17 and 33 share a bucket in a 16-slot table; 0xfffffff0 is above 2^31 (stored as a negative int32)
  const words = new Map<number, WordEntry>([
    [1, entry(0, [[3, undefined]])],
    [17, entry(5, [[0, [100, 2000]], [7, undefined]])],
    [33, entry(2, [])],
    [0xfffffff0, entry(0, [[1, []], [2, [26999]]])],
  ]);
  const table = buildWordTable(words);

  it.each([...words.keys()])('hands back the entry of hash %i as it was built', (hash) => {
    const offset = lookupWord(table, hash);
    expect(offset).toBeGreaterThanOrEqual(0);
    expect(readEntry(table, offset)).toEqual(words.get(hash));
  });

  it('keeps an empty filter apart from no filter (an empty one lets nothing through)', () => {
    const read = readEntry(table, lookupWord(table, 0xfffffff0));
    expect(read.filters[0]).toEqual(new Int32Array(0));
    expect(read.filters[1]).toEqual(Int32Array.from([26999]));
  });

  it.each([0, 2, 49, 0x7ffffff0, 0xfffffff1])('answers -1 for hash %i, which has no entry', (hash) => {
    expect(lookupWord(table, hash)).toBe(-1);
  });

  it("packs every word of the shipped pack, lists and filters in order", () => {
    const pack = defaultRulePack();
    for (const [hash, expected] of pack.words) expect(readEntry(pack.wordTable, lookupWord(pack.wordTable, hash))).toEqual(expected);
  });
});
