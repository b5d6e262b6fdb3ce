import { describe, expect, it } from 'vitest';
import { foldOf, MAY_BE_SPACED, normalizeText, textShape, toOriginalSpan } from '../../src/detect/normalize';
import { defaultRulePack } from '../../src/detect/rules';

describe('normalizeText', () => {
  it.each([
    ['spaced letters', 'Kerja di K A M B O J A', 'kerja di kamboja'],
    ['dotted letters', 'K.A.M.B.O.J.A gaji', 'kamboja gaji'],
    ['hyphenated letters', 'K-A-M-B-O-J-A', 'kamboja'],
    ['spaced with wide separators', 'K - A - M - B - O - J - A', 'kamboja'],
    ['underscored letters', 'v_i_s_a t_u_r_i_s', 'visa turis'],
    ['leetspeak', 'K4mb0ja', 'kamboja'],
    ['at sign as a', 'C@mbodia', 'cambodia'],
    ['zero inside a word', 'kamb0dia', 'kambodia'],
    ['dollar as s', '$ihanoukville', 'sihanoukville'],
    ['one as i', 'v1sa tur1s', 'visa turis'],
    ['seven as t', 'cus7omer service', 'customer service'],
    ['leet and spaces', 'K 4 M B 0 J A', 'kamboja'],
    ['math bold', '𝐊𝐚𝐦𝐛𝐨𝐣𝐚', 'kamboja'],
    ['math italic', '𝑲𝒂𝒎𝒃𝒐𝒋𝒂', 'kamboja'],
    ['math script', '𝓚𝓪𝓶𝓫𝓸𝓳𝓪', 'kamboja'],
    ['double-struck', '𝕂𝕒𝕞𝕓𝕠𝕛𝕒', 'kamboja'],
    ['fullwidth', 'Ｋａｍｂｏｊａ　１５ｊｔ', 'kamboja 15jt'],
    ['circled', 'ⓚⓐⓜⓑⓞⓙⓐ', 'kamboja'],
    ['circled capitals, Ⓜ included (also an emoji)', 'ⓀⒶⓂⒷⓄⒿⒶ ⒸⓈⓇ', 'kamboja csr'],
    ['dingbat and negative circled digits', '⓿❽❶❷-➌➍➎➏ ➀⓵⓫', '0812-3456 1111'],
    ['negative squared', '🅺🅰🅼🅱🅾🅹🅰', 'kamboja'],
    ['small capitals', 'ᴋᴀᴍʙᴏᴊᴀ', 'kamboja'],
    ['cyrillic look-alikes', 'Кamboja Сambodia', 'kamboja cambodia'],
    ['greek look-alikes', 'ΚΑΜΒΟJΑ', 'kamboja'],
    ['zero-width characters', 'Ka\u200bm\u200cbo\u200dja\u2060', 'kamboja'],
    ['soft hyphen', 'Kam\u00adboja', 'kamboja'],
    ['zalgo marks', 'K̷a̷m̷b̷o̷j̷a̷', 'kamboja'],
    ['keycap digits', 'gaji 1️⃣5️⃣ juta', 'gaji 15 juta'],
    ['keycap ten', 'gaji 🔟jt', 'gaji 10jt'],
    ['flag of Cambodia', 'Kerja di 🇰🇭', 'kerja di cambodia'],
    ['flags of Myanmar and Laos', '🇲🇲🇱🇦 kerja', 'myanmar laos kerja'],
    ['flag glued to a word', 'kerja🇹🇭gaji', 'kerja thailand gaji'],
    ['Vietnamese diacritics folded', 'Lương 20 triệu, không cần kinh nghiệm', 'luong 20 trieu, khong can kinh nghiem'],
    ['Thai digits', 'เงินเดือน ๓๐,๐๐๐ บาท', 'เงินเดือน 30,000 บาท'],
    ['Burmese digits', 'လစာ ၁၅ သိန်း', 'လစာ 15 သိန်း'],
    ['case folding', 'GAJI BESAR', 'gaji besar'],
    ['spaces collapsed', 'gaji   15jt\n\n\nWA', 'gaji 15jt\nwa'],
    ['emoji become spaces', 'Kamboja🔥🔥gaji', 'kamboja gaji'],
  ])('%s', (_name, input, expected) => {
    expect(normalizeText(input).text).toBe(expected);
  });

  it.each([
    ['amounts with units', '15jt 3x UMR 1.5w $1.2k 500rb/hari', '15jt 3x umr 1.5w $1.2k 500rb/hari'],
    ['phone numbers', 'WA 0812-3456-7890 +855 12 345 678', 'wa 0812-3456-7890 +855 12 345 678'],
    ['agency acronyms', 'P3MI SIP3MI BP2MI', 'p3mi sip3mi bp2mi'],
    ['reduplication with 2', 'hati2 kerja2', 'hati2 kerja2'],
    ['a number glued to a pay word', 'gaji15jt usia18', 'gaji15jt usia18'],
    ['handles and e-mails', '@kerja_4ja abc1@gmail.com', '@kerja_4ja abc1@gmail.com'],
    ['short abbreviations', 'P.T. S.H. a b', 'p.t. s.h. a b'],
    ['years and ranges', 'usia 18-35 tahun 2024', 'usia 18-35 tahun 2024'],
    ['Thai vowels kept', 'ทำงาน', 'ทำงาน'],
  ])('leaves %s alone', (_name, input, expected) => {
    expect(normalizeText(input).text).toBe(expected);
  });

  it('maps every normalised unit back to whole code points of the original', () => {
    const original = 'A🇰🇭 𝐊𝐚𝐦 1️⃣5️⃣jt K A M Ka\u200bm ทำงาน 柬埔寨 lương';
    const norm = normalizeText(original);
    for (let i = 0; i < norm.text.length; i++) {
      const s = norm.start[i]!;
      const e = norm.end[i]!;
      expect(s).toBeGreaterThanOrEqual(0);
      expect(e).toBeGreaterThan(s);
      expect(e).toBeLessThanOrEqual(original.length);
      if (i > 0) expect(s).toBeGreaterThanOrEqual(norm.start[i - 1]!);
      // never inside a surrogate pair
      const low = original.charCodeAt(s);
      expect(low >= 0xdc00 && low <= 0xdfff).toBe(false);
    }
  });

  it('quotes the original words for a span of the normalised text', () => {
    const original = 'Kerja di 𝐊𝟒𝐦𝐛𝟎𝐣𝐚, gaji 1️⃣5️⃣jt';
    const norm = normalizeText(original);
    const at = norm.text.indexOf('kamboja');
    expect(at).toBeGreaterThan(0);
    const quote = toOriginalSpan(norm, at, at + 'kamboja'.length);
    expect(quote.text).toBe('𝐊𝟒𝐦𝐛𝟎𝐣𝐚');
    expect(original.slice(quote.start, quote.end)).toBe(quote.text);
  });
});

describe('normalizeText with a lexicon: symbols standing for letters', () => {
  const lexicon = defaultRulePack().lexicon;
  it.each([
    ['a starred place', 'kerja di K*mboja', 'kerja di kamboja'],
    ['a place with two symbols', 'K@mb*ja', 'kamboja'],
    ['a hash as a letter', 'C#mbodia', 'cambodia'],
    ['a symbol after leetspeak', 'Camb0d!a', 'cambodia'],
    ['a starred Myanmar', 'M*anmar', 'myanmar'],
    ['a starred role', 'c*stomer s*rvice', 'customer service'],
    ['a second word of a place', 'Phn*m P*nh', 'phnom penh'],
  ])('%s', (_name, input, expected) => {
    const norm = normalizeText(input, lexicon);
    expect(norm.text).toBe(expected);
    expect(norm.text.length).toBe(normalizeText(input).text.length);
  });

  it.each([
    ['punctuation at word edges', 'Kamboja! Kamboja? *Kamboja*', 'kamboja! kamboja? *kamboja*'],
    ['a censored swear word', 'b*ngsat f**k', 'b*ngsat f**k'],
    ['e-mail addresses and handles', 'abc@gmail.com @k*mboja', 'abc@gmail.com @k*mboja'],
    ['too many symbols for the word', 'K**b*ja', 'k**b*ja'],
  ])('leaves %s alone', (_name, input, expected) => {
    expect(normalizeText(input, lexicon).text).toBe(expected);
  });
});

// the fold cache keeps each answer as a number: one code unit, a longer string, a space, nothing, or a mark
describe('foldOf', () => {
  it.each([
    ['zero-width space', '\u200b', ''],
    ['zero-width no-break space', '\ufeff', ''],
    ['combining acute', '\u0301', 'mark'],
    ['Thai vowel sign', '\u0e31', 'mark'],
    ['no-break space', '\u00a0', ' '],
    ['line separator', '\u2028', ' '],
    ['emoji', '🔥', ' '],
    ['fullwidth capital', 'Ａ', 'a'],
    ['math bold (outside the BMP)', '𝐊', 'k'],
    ['Cyrillic look-alike', 'К', 'k'],
    ['circled M, also an emoji', 'Ⓜ', 'm'],
    ['dingbat digit', '❶', '1'],
    ['Thai digit', '๕', '5'],
    ['Thai letter, kept', 'ก', 'ก'],
    ['sharp s, two letters', 'ß', 'ss'],
    ['ligature, two letters', 'ﬁ', 'fi'],
    ['unit sign, two letters', '㎏', 'kg'],
    ['vulgar fraction, three units', '½', '1⁄2'],
  ])('%s', (_name, char, expected) => {
    expect(foldOf(char.codePointAt(0)!)).toBe(expected);
    // asked again: the cached answer
    expect(foldOf(char.codePointAt(0)!)).toBe(expected);
  });

  it('gives the same text and offsets through every kind of fold', () => {
    const norm = normalizeText('Ｇａｊｉ ﬁx ½ 𝐊𝐚𝐦 l\u0301ương ก\u0e31 ㎏\u200b!');
    const n = norm.text.length;
    expect(norm.text).toBe('gaji fix 1⁄2 kam luong กั kg!');
    expect([...norm.start.slice(0, n)]).toEqual([0, 1, 2, 3, 4, 5, 5, 6, 7, 8, 8, 8, 9, 10, 12, 14, 16, 17, 19, 20, 21, 22, 23, 24, 25, 26, 27, 27, 29]);
    expect([...norm.end.slice(0, n)]).toEqual([1, 2, 3, 4, 5, 6, 6, 7, 8, 9, 9, 9, 10, 12, 14, 16, 17, 18, 20, 21, 22, 23, 24, 25, 26, 27, 28, 28, 30]);
  });
});

// which later passes a text needs; words after a space or punctuation take a shortcut, which must not change the answer
describe('textShape', () => {
  const LEET = 1;
  const WILDCARD = 2;
  const shape = (text: string) => textShape(Uint16Array.from(text, (c) => c.charCodeAt(0)), text.length);
  it.each([
    ['plain words', 'kerja di kamboja gaji besar', 0],
    ['words after a newline and punctuation', 'ab\nde fg, kerja (ab) 12 cd.', 0],
    ['spaced-out letters after words', 'kerja di k a m b o j a', MAY_BE_SPACED],
    ['single letters between dots', 'a. b. c', MAY_BE_SPACED],
    ['two single letters at the end', 'ab x y', MAY_BE_SPACED],
    ['a single letter, then a word', 'x ab', 0],
    ['single letters far apart', 'ab 1 cd 2 ef', 0],
    ['leet digits in a word after a space', 'gaji 5jt di k4mb0ja', LEET],
    ['a leet symbol after a space', 'hello @user and $5', LEET],
    ['a wildcard inside a word after a space', 'di k*mboja, ok', WILDCARD],
    ['leet and wildcard at once', 'c@m ok', LEET | WILDCARD],
    ['a wildcard before a word', 'ok !ab', 0],
    ['a wildcard after a word', 'ok ab*', 0],
    // what follows a word reached by the shortcut sees the word's last letter
    ['a leet digit closing a word', 'ok ab4', LEET],
    ['a symbol inside the second word', 'ok ab$cd', LEET | WILDCARD],
    ['a wildcard inside the second word', 'ok ab*cd', WILDCARD],
    ['a middle dot between words', 'gaji · juta', 0],
    ['Thai, spaced or not', 'กัม พู', MAY_BE_SPACED],
  ])('%s', (_name, text, expected) => {
    expect(shape(text)).toBe(expected);
  });
});

// double spaces are collapsed from the first one on; spaces trimmed before a newline can move that point back
describe('normalizeText: double spaces', () => {
  it.each([
    ['one double space', 'ab  cd', 'ab cd', [0, 1, 2, 4, 5]],
    ['doubles trimmed before a newline, then another', 'ab  \n  cd  ef', 'ab\ncd ef', [0, 1, 4, 7, 8, 9, 11, 12]],
    ['doubles on both sides of a blank line', 'a  b\n\nc  d', 'a b\nc d', [0, 1, 3, 4, 6, 7, 9]],
    ['only a trimmed triple space', 'ab   \ncd', 'ab\ncd', [0, 1, 5, 6, 7]],
    ['no-break spaces', 'x\u00a0\u00a0y  \n z', 'x y\nz', [0, 1, 3, 6, 8]],
    ['spaces at both ends', '  ab  ', 'ab', [2, 3]],
  ])('%s', (_name, input, text, starts) => {
    const norm = normalizeText(input);
    expect(norm.text).toBe(text);
    expect([...norm.start]).toEqual(starts);
    expect([...norm.end]).toEqual(starts.map((s) => s + 1));
  });
});
