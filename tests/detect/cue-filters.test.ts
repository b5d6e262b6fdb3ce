import { describe, expect, it } from 'vitest';
import { findCues } from '../../src/detect';
import { normalizeText } from '../../src/detect/normalize';
import { plainScan } from '../helpers/plain-scan';
import { defaultRulePack, literalStart } from '../../src/detect/rules';
import {
  mayStartWithNonAscii,
  mayStartWithWordChar,
  nonAsciiPrefixes,
  symbolStarts,
  wordContinuations,
} from '../../src/detect/rules/prefix';

/** A continuation code as text: letters, "0" for a digit, "␠" for a space, "·" for any other character. */
function spell(code: number): string {
  return [Math.floor(code / 900), Math.floor(code / 30) % 30, code % 30]
    .map((s) => (s === 0 ? '' : s === 28 ? '␠' : s === 29 ? '·' : s === 27 ? '0' : String.fromCharCode(96 + s)))
    .join('');
}

// a word whose list is tried only after these characters: a wrong answer would lose matches
describe('wordContinuations', () => {
  it.each([
    ['di (?:kamboja|luar negeri)', { di: ['␠ka', '␠lu'] }],
    ['semua(?:nya)? (?:ditanggung|gratis)', { semua: ['␠di', '␠gr'], semuanya: ['␠di', '␠gr'] }],
    ['hari ini juga', { hari: ['␠in'] }],
    ['ciri-?ciri', { ciri: ['·ci'], ciriciri: null }],
    ['kamboja', { kamboja: null }],
    // past an unknown character, what was read so far is all a post must have
    ['makan[ ,] ?(?:[^.]{0,24} )?gratis', { makan: ['·', '·gr', '·␠', '·␠g', '·␠␠', '␠', '␠gr', '␠␠', '␠␠g', '␠␠␠'] }],
  ])('%s', (source, expected) => {
    const found = wordContinuations(source);
    expect(found).toBeDefined();
    const spelled = Object.fromEntries([...found!].map(([word, codes]) => [word, codes && codes.map(spell).sort()]));
    expect(spelled).toEqual(Object.fromEntries(Object.entries(expected).map(([word, codes]) => [word, codes && [...codes].sort()])));
  });

  it.each([['[a-z]+ x'], ['.+ x'], ['@[a-z]{4}']])('cannot list %s', (source) => {
    expect(wordContinuations(source)).toBeUndefined();
  });
});

describe('nonAsciiPrefixes', () => {
  it.each([
    ['ห้ามบอก', ['ห้าม']],
    ['(?:包吃|包住)', ['包吃', '包住']],
    ['柬埔寨?', ['柬埔']],
  ])('%s starts with %j', (source, expected) => {
    expect(new Set(nonAsciiPrefixes(source))).toEqual(new Set(expected));
  });

  it.each([['招[^\\s]{0,4}客服'], ['.客服']])('cannot list %s', (source) => {
    expect(nonAsciiPrefixes(source)).toBeUndefined();
  });
});

describe('how an alternative may start', () => {
  it.each([
    ['(?:就|要说)?说去', ['就', '要', '说'], false, true],
    ['#kh', ['#'], false, false],
    ['a?#', undefined, true, false],
    ['(?:x)?说', undefined, true, true],
    ['.x', undefined, true, true],
  ])('%s', (source, starts, word, nonAscii) => {
    const found = symbolStarts(source);
    expect(found && new Set(found)).toEqual(starts && new Set(starts));
    expect(mayStartWithWordChar(source)).toBe(word);
    expect(mayStartWithNonAscii(source)).toBe(nonAscii);
  });
});

describe('literalStart', () => {
  it.each([
    ['ai(?=[^.]{0,60}lam viec)', 'ai'],
    ['mak?an', 'ma'],
    ['ab+', 'a'],
    ['ab{2}', 'a'],
    ['a ?b', 'a'],
    ['di (?:kamboja|myanmar)', 'di '],
    ['15 ?jt', '15'],
    ['(?:x)?ai', ''],
    ['[ab]c', ''],
    ['\\+855', ''],
    ['(?<=kerja )kh', ''],
    ['a?b', ''],
  ])('%s starts with %j', (source, literal) => {
    expect(literalStart(source)).toBe(literal);
    // every match of the alternative starts with the literal
    const match = new RegExp(source, 'u').exec('kerja xxaaaaaabbb ai lam viec 15jt di kamboja mak makan +855 bc xai');
    if (match && literal) expect(match[0].startsWith(literal)).toBe(true);
  });
});

// common first words followed by what the patterns expect and by what they do not, at the end of a post too
const POSTS = [
  'Kerja di Kamboja, di luar negeri, di rumah saja. Semua ditanggung, semuanya gratis, semua orang bisa. Di',
  'Jangan bilang ke imigrasi mau kerja, bilang saja liburan. Jangan lupa makan. Hari ini juga berangkat, hari ini',
  'Tiket, visa, makan ditanggung perusahaan. Makan + mess gratis. Makan siang dulu. Tiket',
  'ห้ามบอกใครว่าไปทำงาน ห้องพักฟรี ห้าม ทำงานที่กัมพูชา',
  '包吃包住，包机票。说去旅游就行。就说是去玩。要说去探亲',
  'ciri-ciri loker palsu, ciri ciri, ciri2, ciri loker penipuan',
  'ai muon di lam viec cung minh thi inbox, ai can viec lam voi em. tai sao lai, ai biet, hai ai, ai',
  'ai muon di xuat khau lao dong cung toi, ai ranh lam viec voi tui nhe, ai',
];

describe('the filtered cue search', () => {
  it.each(POSTS)('finds what a plain scan of every list finds: %s', (post) => {
    const text = normalizeText(post).text;
    const found = findCues(defaultRulePack(), text).map((hits) => hits.map(([start, end]) => [start, end]));
    expect(found).toEqual(plainScan(text));
  });
});
