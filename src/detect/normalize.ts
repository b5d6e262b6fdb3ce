/**
 * Normalisation that defeats the obfuscation seen in recruitment posts, with a map back to the original text.
 *
 * Output is lower-case, Latin-script text without diacritics (Vietnamese "lương" reads "luong"), with Thai, Burmese
 * and CJK kept as they are, one space between words and "\n" between lines. Every output code unit i remembers the
 * original code point it came from: `start[i]` .. `end[i]`. Evidence found in the normalised text is quoted from the
 * original through `toOriginalSpan`, so what a user sees is always the post's own words.
 *
 * Two linear passes: per code point (NFKC, math/fullwidth letters, confusables, zero-width, marks, keycaps, flags,
 * case), then per token (spaced-out letters joined, leetspeak inside words).
 */
import type { Evidence } from './types';

export interface NormalizedText {
  /** The normalised text that rules run on. */
  text: string;
  /**
   * Original offset of the code point that produced each normalised code unit. Non-decreasing. Only the first
   * `text.length` entries count (normalizeShared hands out its longer working buffers).
   */
  start: Int32Array;
  /** Original offset just past that code point (the first `text.length` entries count). */
  end: Int32Array;
  original: string;
  /** Letters of the original per script, counted on the way (for the language guess). */
  scripts: ScriptCounts;
}

export interface ScriptCounts {
  latin: number;
  thai: number;
  burmese: number;
  cjk: number;
  /** Letters only Vietnamese uses among our languages (ơ ư đ ă, stacked tone marks); also counted as latin. */
  vietnamese: number;
}

/** Vietnamese letters other Latin languages here don't use (ơ ư đ ă and stacked tone marks). */
function isVietnameseLetter(c: number): boolean {
  return (c >= 0x1ea0 && c <= 0x1ef9) || c === 0x01a1 || c === 0x01a0 || c === 0x01b0 || c === 0x01af || c === 0x0111 || c === 0x0110 ||
    c === 0x0103 || c === 0x0102;
}

/** Counts one non-ASCII code unit into its script. */
function countScript(scripts: ScriptCounts, c: number): void {
  if (c >= 0x0e00 && c <= 0x0e7f) scripts.thai++;
  else if (c >= 0x1000 && c <= 0x109f) scripts.burmese++;
  else if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) scripts.cjk++;
  else if (isVietnameseLetter(c)) {
    scripts.vietnamese++;
    scripts.latin++;
  } else if (c >= 0xc0 && c <= 0x24f) scripts.latin++;
}

/** Letters per script in a text (what normalisation counts on the way). */
export function countScripts(text: string): ScriptCounts {
  const scripts: ScriptCounts = { latin: 0, thai: 0, burmese: 0, cjk: 0, vietnamese: 0 };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) scripts.latin++;
    } else countScript(scripts, c);
  }
  return scripts;
}

/** Flag emoji (regional-indicator pairs) read as the country's English name. */
const FLAG_COUNTRIES: Record<string, string> = {
  kh: 'cambodia', mm: 'myanmar', la: 'laos', th: 'thailand', ph: 'philippines', my: 'malaysia', vn: 'vietnam',
  id: 'indonesia', sg: 'singapore', cn: 'china', tw: 'taiwan', hk: 'hong kong', mo: 'macau', jp: 'japan', kr: 'korea',
  ae: 'uae', sa: 'saudi arabia', qa: 'qatar', in: 'india', ke: 'kenya', ug: 'uganda', ng: 'nigeria', lk: 'sri lanka',
  np: 'nepal', bd: 'bangladesh', pk: 'pakistan', us: 'usa', gb: 'uk', au: 'australia', de: 'germany', tr: 'turkey',
  ru: 'russia', ge: 'georgia', bn: 'brunei', tl: 'timor leste',
};

/** Cyrillic and Greek letters that look like Latin ones, after lower-casing. */
const CONFUSABLES: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', ѕ: 's',
  і: 'i', ї: 'i', ј: 'j', ԁ: 'd', һ: 'h', ӏ: 'l', ԛ: 'q', ԝ: 'w', ь: 'b', г: 'r', п: 'n', и: 'u', л: 'n', д: 'd',
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k', μ: 'u', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', γ: 'y',
  ω: 'w', ϲ: 'c', ϳ: 'j', ς: 'c', σ: 'o', θ: 'o', λ: 'a', π: 'n', ι̇: 'i',
  // small capitals and other look-alikes NFKC leaves alone
  ᴀ: 'a', ʙ: 'b', ᴄ: 'c', ᴅ: 'd', ᴇ: 'e', ꜰ: 'f', ɢ: 'g', ʜ: 'h', ɪ: 'i', ᴊ: 'j', ᴋ: 'k', ʟ: 'l', ᴍ: 'm', ɴ: 'n',
  ᴏ: 'o', ᴘ: 'p', ʀ: 'r', ꜱ: 's', ᴛ: 't', ᴜ: 'u', ᴠ: 'v', ᴡ: 'w', ʏ: 'y', ᴢ: 'z', ɑ: 'a', ɡ: 'g', ı: 'i', ȷ: 'j',
  đ: 'd', ð: 'd', ø: 'o', ł: 'l', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th', ŋ: 'n', ƒ: 'f', ɛ: 'e', ɔ: 'o',
};

/** Tokens whose digits are part of the name, not leetspeak (Indonesian agency acronyms and common codes). */
const KEEP_TOKENS = new Set(['p3mi', 'sip3mi', 'p3k', 'lp3i', 'mp3', 'mp4', 'h5n1', 'g20', 'k3']);

/** Letters after a leading number that make it a quantity ("15jt", "3x", "18th"), not a leet word ("4dmin"). */
const NUMBER_UNITS = new Set([
  'k', 'rb', 'ribu', 'jt', 'jta', 'juta', 'm', 'mil', 'w', 'tr', 'trieu', 'cu', 'x', 'th', 'thn', 'tahun', 'hari',
  'jam', 'bulan', 'bln', 'minggu', 'org', 'orang', 'kali', 'usd', 'u', 'usdt', 'dollar', 'dolar', 'do', 'day', 'days',
  'd', 'h', 'hr', 'hrs', 'hour', 'hours', 'month', 'months', 'mo', 'year', 'years', 'yrs', 'yo', 'y', 'st', 'nd', 'rd',
  'am', 'pm', 'g', 'gb', 'mb', 'kg', 'km', 'cm', 'mm', 'pcs', 'lakh', 'ngay', 'thang', 'nam', 'tuoi', 'an', 's', 'p',
  'php', 'rp', 'rm', 'b', 'bn', 'an', 'e', 'l', 'wd', 'yr', 'min', 'mins', 'sec', 'ml', 'lt', 'kgs', 'lbs', 'ft',
]);
const CURRENCY_PREFIXES = ['rp', 'idr', 'usd', 'us', 'rm', 'myr', 'php', 'thb', 'vnd', 'sgd', 'hkd', 'ntd', 'rmb'];

/** Which characters leetspeak uses for which letter. */
const LEET: Record<number, number> = {
  0x30: 0x6f, // 0 → o
  0x31: 0x69, // 1 → i
  0x33: 0x65, // 3 → e
  0x34: 0x61, // 4 → a
  0x35: 0x73, // 5 → s
  0x37: 0x74, // 7 → t
  0x40: 0x61, // @ → a
  0x24: 0x73, // $ → s
};

const LEET_TABLE = new Uint8Array(128);
for (const [from, to] of Object.entries(LEET)) LEET_TABLE[Number(from)] = to;

/** Separators people put between spaced-out letters: "K A M", "K.A.M", "K-A-M", "K_A_M", "K*A*M", "K|A|M". */
function isSpacingSeparator(c: number): boolean {
  return c === 0x20 || c === 0x2e || c === 0x2d || c === 0x5f || c === 0x2a || c === 0x7c || c === 0x7e || c === 0xb7 ||
    c === 0x2022 || c === 0x2f;
}

// character classes of the normalised text, by table (these loops run over every character of every post)
const LETTER = 1;
const DIGIT = 2;
const SYMBOL = 4; // @ and $, which leetspeak uses as letters
const UNDERSCORE = 8;
const CLASSES = new Uint8Array(128);
for (let c = 0x61; c <= 0x7a; c++) CLASSES[c] = LETTER;
for (let c = 0x30; c <= 0x39; c++) CLASSES[c] = DIGIT;
CLASSES[0x40] = SYMBOL;
CLASSES[0x24] = SYMBOL;
CLASSES[0x5f] = UNDERSCORE;
const classOf = (c: number) => (c < 128 ? CLASSES[c]! : 0);
const isAsciiLetter = (c: number) => c >= 0x61 && c <= 0x7a;
const isAsciiDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isTokenChar = (c: number) => (classOf(c) & (LETTER | DIGIT | SYMBOL)) !== 0;
/** Leet words include "_" so that a handle like "@kerja_4ja" stays one token (and is left alone). */
const isLeetTokenChar = (c: number) => classOf(c) !== 0;

/** Result of folding one code point: a replacement string, or MARK for a combining mark (kept only after scripts that need them). */
const MARK = 1;
type Fold = string | typeof MARK;
/**
 * Folds as numbers, cached: FOLD_MARK, FOLD_EMPTY, FOLD_SPACE, 1 + the code unit of a one-unit fold, or
 * -(FOLD_STRINGS + its index in foldStrings) for a longer one. Numbers in a flat table, so that a post's non-ASCII
 * characters are folded without loading a string each (a table of strings costs a pointer and a string per read).
 */
const FOLD_UNSET = 0;
const FOLD_MARK = -1;
const FOLD_EMPTY = -2;
const FOLD_SPACE = -3;
const FOLD_STRINGS = 4;
const foldStrings: string[] = [];
/** The cache for the Basic Multilingual Plane, read by index (a Map lookup per character costs more). */
const foldCodesBmp = new Int32Array(0x10000);
const foldCodesAstral = new Map<number, number>();
const COMBINING_MARK = /\p{M}/u;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;
// U+FEFF (a zero-width no-break space) matches \s but is invisible: it must vanish, not split a word
const SPACE = /(?!\uFEFF)[\s\p{Z}]/u;
const INVISIBLE = /[\p{Cf}\p{Cc}\p{Co}\p{Cs}]/u;
const LATIN_WITH_MARKS = /[\u00C0-\u024F\u1E00-\u1EFF]/;

/** Digit zeros of scripts whose digits appear in posts (Thai, Lao, Burmese, Shan, Khmer, Devanagari, Arabic-Indic). */
const DIGIT_ZEROS = [0x0e50, 0x0ed0, 0x1040, 0x1090, 0x17e0, 0x0966, 0x0660, 0x06f0, 0x09e6];

/** Scripts whose combining marks are part of the spelling (Thai vowels, Burmese medials, Indic matras). */
function keepsMarks(cp: number): boolean {
  return (cp >= 0x0900 && cp <= 0x0dff) || (cp >= 0x0e00 && cp <= 0x0eff) || (cp >= 0x0f00 && cp <= 0x109f) ||
    (cp >= 0x1780 && cp <= 0x17ff) || (cp >= 0xa9e0 && cp <= 0xaa7f) || (cp >= 0x0590 && cp <= 0x06ff) ||
    (cp >= 0x1100 && cp <= 0x11ff) || (cp >= 0x3130 && cp <= 0x318f);
}

/** Capitals whose lower case would read differently (Greek Μ looks like M, its μ like u). */
const CAPITAL_CONFUSABLES: Record<string, string> = {
  Α: 'a', Β: 'b', Ε: 'e', Ζ: 'z', Η: 'h', Ι: 'i', Κ: 'k', Μ: 'm', Ν: 'n', Ο: 'o', Ρ: 'p', Τ: 't', Υ: 'y', Χ: 'x',
  А: 'a', В: 'b', Е: 'e', К: 'k', М: 'm', Н: 'h', О: 'o', Р: 'p', С: 'c', Т: 't', У: 'y', Х: 'x', І: 'i', Ј: 'j', Ѕ: 's',
};

function foldLatinChar(ch: string): string {
  const capital = CAPITAL_CONFUSABLES[ch];
  if (capital !== undefined) return capital;
  const lower = ch.toLowerCase();
  let out = '';
  for (const c of lower) {
    const confusable = CONFUSABLES[c];
    if (confusable !== undefined) {
      out += confusable;
    } else if (LATIN_WITH_MARKS.test(c)) {
      // Vietnamese and accented Latin: drop the diacritics so "lương" and "luong" read alike
      let base = '';
      for (const d of c.normalize('NFD')) if (!COMBINING_MARK.test(d)) base += d;
      out += CONFUSABLES[base] ?? base;
    } else {
      out += c;
    }
  }
  return out;
}

/** The number a dingbat or negative circled digit stands for, or undefined. */
function dingbatDigits(cp: number): string | undefined {
  if (cp >= 0x2776 && cp <= 0x277f) return String(cp - 0x2776 + 1); // ❶..❿
  if (cp >= 0x2780 && cp <= 0x2789) return String(cp - 0x2780 + 1); // ➀..➉
  if (cp >= 0x278a && cp <= 0x2793) return String(cp - 0x278a + 1); // ➊..➓
  if (cp >= 0x24f5 && cp <= 0x24fe) return String(cp - 0x24f5 + 1); // ⓵..⓾
  if (cp >= 0x24eb && cp <= 0x24f4) return String(cp - 0x24eb + 11); // ⓫..⓴
  if (cp === 0x24ff || cp === 0x1f10b || cp === 0x1f10c) return '0'; // ⓿ 🄋 🄌
  return undefined;
}

function computeFold(cp: number): Fold {
  for (const zero of DIGIT_ZEROS) if (cp >= zero && cp <= zero + 9) return String.fromCharCode(0x30 + cp - zero);
  if (keepsMarks(cp) && !COMBINING_MARK.test(String.fromCodePoint(cp))) return String.fromCodePoint(cp);
  const ch = String.fromCodePoint(cp);
  if (COMBINING_MARK.test(ch)) return MARK;
  if (SPACE.test(ch)) return ' ';
  if (INVISIBLE.test(ch)) return '';
  if (cp === 0x1f51f) return '10'; // keycap ten
  // circled Latin letters: NFKC unfolds them, but Ⓜ is also an emoji and would become a space
  if (cp >= 0x24b6 && cp <= 0x24cf) return String.fromCharCode(0x61 + cp - 0x24b6);
  if (cp >= 0x24d0 && cp <= 0x24e9) return String.fromCharCode(0x61 + cp - 0x24d0);
  // dingbat and negative circled digits (❶ ➀ ➊ ⓵ ⓿ ⓫), which NFKC leaves alone: phone numbers written with them
  const dingbat = dingbatDigits(cp);
  if (dingbat !== undefined) return dingbat;
  // negative circled / negative squared Latin capitals (🅐, 🅰): letter obfuscation, not pictures
  if (cp >= 0x1f150 && cp <= 0x1f169) return String.fromCharCode(0x61 + cp - 0x1f150);
  if (cp >= 0x1f170 && cp <= 0x1f189) return String.fromCharCode(0x61 + cp - 0x1f170);
  if (PICTOGRAPH.test(ch)) return ' ';
  const compat = ch.normalize('NFKC');
  // NFKC turns parenthesised letters into "(k)": keep the letter only
  if (compat.length === 3 && compat[0] === '(' && compat[2] === ')') return foldLatinChar(compat[1]!);
  let out = '';
  for (const c of compat) {
    if (COMBINING_MARK.test(c)) continue;
    if (SPACE.test(c)) out += ' ';
    else out += foldLatinChar(c);
  }
  return out;
}

function encodeFold(f: Fold): number {
  if (f === MARK) return FOLD_MARK;
  if (f.length === 0) return FOLD_EMPTY;
  if (f === ' ') return FOLD_SPACE;
  if (f.length === 1) return f.charCodeAt(0) + 1;
  foldStrings.push(f);
  return -(FOLD_STRINGS + foldStrings.length - 1);
}

/** computeFold(cp), cached, as a number (see FOLD_UNSET). */
function foldCode(cp: number): number {
  if (cp < 0x10000) {
    let code = foldCodesBmp[cp]!;
    if (code === FOLD_UNSET) foldCodesBmp[cp] = code = encodeFold(computeFold(cp));
    return code;
  }
  let code = foldCodesAstral.get(cp);
  if (code === undefined) {
    code = encodeFold(computeFold(cp));
    foldCodesAstral.set(cp, code);
  }
  return code;
}

/** What a code point folds to, as computeFold says (read from the cache; for tests). */
export function foldOf(cp: number): string | 'mark' {
  const code = foldCode(cp);
  if (code === FOLD_MARK) return 'mark';
  if (code === FOLD_EMPTY) return '';
  if (code === FOLD_SPACE) return ' ';
  return code > 0 ? String.fromCharCode(code - 1) : foldStrings[-code - FOLD_STRINGS]!;
}

/** Growable output: code units plus their original spans. */
class Output {
  units: Uint16Array;
  start: Int32Array;
  end: Int32Array;
  length = 0;
  scripts: ScriptCounts = { latin: 0, thai: 0, burmese: 0, cjk: 0, vietnamese: 0 };
  constructor(capacity: number) {
    this.units = new Uint16Array(capacity);
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
  }
  grow(): void {
    const capacity = this.units.length * 2 + 16;
    const units = new Uint16Array(capacity);
    const start = new Int32Array(capacity);
    const end = new Int32Array(capacity);
    units.set(this.units);
    start.set(this.start);
    end.set(this.end);
    this.units = units;
    this.start = start;
    this.end = end;
  }
  push(unit: number, from: number, to: number): void {
    if (this.length === this.units.length) this.grow();
    this.units[this.length] = unit;
    this.start[this.length] = from;
    this.end[this.length] = to;
    this.length++;
  }
  /** Spaces: never two in a row, none at the start, never after a newline; a newline replaces a trailing space. */
  /**
   * Spaces: none at the start or after a newline, at most two in a row. Two are kept because a wider gap separates
   * words in spaced-out text ("B U T U H  C S"); the joining pass then leaves single spaces only.
   */
  pushSpace(from: number, to: number): void {
    const last = this.length ? this.units[this.length - 1] : 0x0a;
    if (last === 0x0a) return;
    if (last === 0x20) {
      if (this.length >= 2 && this.units[this.length - 2] === 0x20) return;
      if (this.firstDouble < 0) this.firstDouble = this.length;
    }
    this.push(0x20, from, to);
  }
  /**
   * Where the first double space ends (-1: none), so that collapsing them starts there: nothing before it changes.
   * Trimming spaces before a newline may bring the text back before it; then it moves back too.
   */
  firstDouble = -1;
  /** ASCII letters written so far (for the script counts). */
  asciiLetters = 0;
  pushNewline(from: number, to: number): void {
    if (!this.length) return;
    const last = this.units[this.length - 1];
    if (last === 0x0a) return;
    while (this.length && this.units[this.length - 1] === 0x20) this.length--;
    if (this.firstDouble > this.length) this.firstDouble = this.length;
    if (this.length && this.units[this.length - 1] === 0x0a) return;
    this.push(0x0a, from, to);
  }
  pushString(s: string, from: number, to: number): void {
    for (let k = 0; k < s.length; k++) {
      const u = s.charCodeAt(k);
      if (u === 0x20) this.pushSpace(from, to);
      else this.push(u, from, to);
    }
  }
}

function regionalLetter(cp: number): number {
  return cp >= 0x1f1e6 && cp <= 0x1f1ff ? cp - 0x1f1e6 + 0x61 : -1;
}

function codePointAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
  }
  return c;
}

/** Reused between calls: allocating typed arrays per post costs more than normalising it. */
let scratch: Output | undefined;
const SCRATCH_KEEP = 1 << 16;

/**
 * The common case of pass 1: a run of printable ASCII (letters lower-cased, digits and punctuation as they are) with
 * single spaces between, from `i` (a printable character), written straight into the buffers. Returns where the run
 * ends. A function of its own so that it stays optimised when a rare character (a flag, a long ligature) sends the
 * per-code-point loop back to the interpreter in the middle of a long post.
 */
function foldAsciiRun(original: string, i: number, out: Output): number {
  if (out.length === out.units.length) out.grow();
  const { units, start, end } = out;
  const capacity = units.length;
  const len = original.length;
  let at = out.length;
  let letters = 0;
  let next = original.charCodeAt(i);
  for (;;) {
    let unit = next;
    if (next >= 0x61 && next <= 0x7a) letters++;
    else if (next >= 0x41 && next <= 0x5a) {
      unit = next + 32;
      letters++;
    }
    units[at] = unit;
    start[at] = i;
    end[at] = ++i;
    at++;
    if (i >= len || at >= capacity) break;
    next = original.charCodeAt(i);
    if (next === 0x20) {
      // one space after a visible character is kept as it is (what pushSpace would do), and the run goes on
      units[at] = 0x20;
      start[at] = i;
      end[at] = ++i;
      at++;
      if (i >= len || at >= capacity) break;
      next = original.charCodeAt(i);
    }
    if (next <= 0x20 || next >= 0x7f) break;
  }
  out.length = at;
  out.asciiLetters += letters;
  return i;
}

/** Pass 1: per code point. */
function foldCodePoints(original: string, out: Output): Output {
  out.length = 0;
  out.firstDouble = -1;
  const scripts: ScriptCounts = { latin: 0, thai: 0, burmese: 0, cjk: 0, vietnamese: 0 };
  out.scripts = scripts;
  out.asciiLetters = 0;
  const len = original.length;
  let marksAllowed = false;
  let i = 0;
  while (i < len) {
    const c = original.charCodeAt(i);
    if (c < 0x80) {
      if (c > 0x20 && c < 0x7f) {
        i = foldAsciiRun(original, i, out);
        marksAllowed = false;
        continue;
      } else if (c === 0x20 || c === 0x09) out.pushSpace(i, i + 1);
      else if (c === 0x0a || c === 0x0d || c === 0x0b || c === 0x0c) out.pushNewline(i, i + 1);
      // other control characters and DEL are dropped
      marksAllowed = false;
      i++;
      continue;
    }
    countScript(scripts, c);
    const cp = codePointAt(original, i);
    const size = cp > 0xffff ? 2 : 1;
    const letter = regionalLetter(cp);
    if (letter >= 0) {
      const next = i + size < len ? regionalLetter(codePointAt(original, i + size)) : -1;
      if (next >= 0) {
        const country = FLAG_COUNTRIES[String.fromCharCode(letter, next)];
        out.pushSpace(i, i + 4);
        if (country) out.pushString(country + ' ', i, i + 4);
        i += 4;
      } else {
        out.push(letter, i, i + size); // a lone regional indicator used as a letter: 🇰 🇦 🇲 …
        i += size;
      }
      marksAllowed = false;
      continue;
    }
    const code = foldCode(cp);
    if (code > 0) {
      // one code unit, never a space (that is FOLD_SPACE)
      out.push(code - 1, i, i + size);
      marksAllowed = keepsMarks(cp);
    } else if (code === FOLD_MARK) {
      // marks belong to Thai, Burmese, Indic; after Latin they are Zalgo or keycap decoration
      if (marksAllowed) out.push(c, i, i + size);
    } else if (code === FOLD_SPACE) {
      if (cp === 0x2028 || cp === 0x2029 || cp === 0x85) out.pushNewline(i, i + size);
      else out.pushSpace(i, i + size);
      marksAllowed = false;
    } else if (code !== FOLD_EMPTY) {
      out.pushString(foldStrings[-code - FOLD_STRINGS]!, i, i + size);
      marksAllowed = keepsMarks(cp);
    }
    i += size;
  }
  scripts.latin += out.asciiLetters;
  return out;
}

/** Scripts whose letters people also space out (Thai, Burmese, CJK); a "letter" there is a short syllable. */
function isSpacedScript(c: number): boolean {
  return (c >= 0x0e00 && c <= 0x0e7f) || (c >= 0x1000 && c <= 0x109f) || (c >= 0x3400 && c <= 0x9fff);
}

/**
 * Length of the "single letter" starting at `pos`, or 0: one Latin letter or digit standing alone, or a short Thai
 * or Burmese syllable (up to 3 code units: consonant, vowel and tone marks), or one CJK character.
 */
function singleAt(units: Uint16Array, n: number, pos: number): number {
  const c = units[pos]!;
  if (isTokenChar(c)) {
    if (pos > 0 && isTokenChar(units[pos - 1]!)) return 0;
    return pos + 1 < n && isTokenChar(units[pos + 1]!) ? 0 : 1;
  }
  if (!isSpacedScript(c) || (pos > 0 && isSpacedScript(units[pos - 1]!))) return 0;
  let end = pos + 1;
  while (end < n && isSpacedScript(units[end]!)) end++;
  const length = end - pos;
  const limit = c >= 0x3400 ? 1 : 3;
  return length <= limit ? length : 0;
}

/** Pass 2a when nothing is spaced out: only the double spaces pass 1 kept become single. */
function collapseDoubleSpaces(out: Output): void {
  const { units, start, end } = out;
  // before the first double space the text stays as it is
  let write = out.firstDouble;
  for (let read = write; read < out.length; read++) {
    const c = units[read]!;
    if (c === 0x20 && write > 0 && units[write - 1] === 0x20) continue;
    if (write !== read) {
      units[write] = c;
      start[write] = start[read]!;
      end[write] = end[read]!;
    }
    write++;
  }
  out.length = write;
}

/**
 * Pass 2a, in place: join spaced-out letters ("k a m b o j a", "k.a.m.b.o.j.a", "กั ม พู ช า") and collapse double
 * spaces. A run needs three letters with the same separator between them; once a run was joined, the next run after
 * a wide gap may have two ("B U T U H  C S  K A M B O J A" → "butuh cs kamboja").
 */
function joinSpacedLetters(out: Output): void {
  const { units, start, end } = out;
  const n = out.length;
  let write = 0;
  let read = 0;
  let chainEnd = -10; // where the last joined run ended
  let previous = 0;
  while (read < n) {
    const c = units[read]!;
    // only a letter standing alone can start a run: skip the inside of words cheaply
    const inWord = c < 128 && previous < 128 && isTokenChar(c) && isTokenChar(previous);
    previous = c;
    const first = inWord || c === 0x20 || c === 0x0a ? 0 : singleAt(units, n, read);
    if (first && read + first < n && isSpacingSeparator(units[read + first]!)) {
      // the separator after this letter; the run goes on while the same separator and single letters alternate
      const sepAt = read + first;
      let sepLen = 0;
      while (sepLen < 3 && sepAt + sepLen < n && isSpacingSeparator(units[sepAt + sepLen]!)) sepLen++;
      const letters: number[] = [read, first];
      let pos = read;
      let size = first;
      let latin = isAsciiLetter(c) ? 1 : isSpacedScript(c) ? 1 : 0;
      for (;;) {
        const next = pos + size + sepLen;
        if (next >= n) break;
        let same = true;
        for (let k = 0; k < sepLen; k++) if (units[pos + size + k] !== units[sepAt + k]) same = false;
        if (!same) break;
        const nextSize = singleAt(units, n, next);
        if (!nextSize) break;
        letters.push(next, nextSize);
        const d = units[next]!;
        if (isAsciiLetter(d) || isSpacedScript(d)) latin++;
        pos = next;
        size = nextSize;
      }
      const count = letters.length / 2;
      const chained = read - chainEnd <= 3 && units[sepAt] === 0x20 && sepLen === 1;
      if ((count >= 3 || (chained && count >= 2)) && latin >= 2) {
        for (let k = 0; k < letters.length; k += 2) {
          for (let q = letters[k]!; q < letters[k]! + letters[k + 1]!; q++) {
            units[write] = units[q]!;
            start[write] = start[q]!;
            end[write] = end[q]!;
            write++;
          }
        }
        read = pos + size;
        chainEnd = read;
        continue;
      }
    }
    // a double space (kept by pass 1 for the rule above) becomes one
    if (c === 0x20 && write > 0 && units[write - 1] === 0x20) {
      read++;
      continue;
    }
    // nothing changed yet: the text is already in place
    if (write !== read) {
      units[write] = c;
      start[write] = start[read]!;
      end[write] = end[read]!;
    }
    write++;
    read++;
  }
  out.length = write;
}

function tokenIsQuantity(units: Uint16Array, from: number, to: number): boolean {
  // "15jt", "3x", "18th": digits first, then a known unit
  let p = from;
  while (p < to && isAsciiDigit(units[p]!)) p++;
  if (p === from) return false;
  if (p === to) return true;
  let unit = '';
  for (let k = p; k < to; k++) unit += String.fromCharCode(units[k]!);
  return NUMBER_UNITS.has(unit);
}

function tokenStartsWithCurrency(units: Uint16Array, from: number, to: number): boolean {
  if (units[from] === 0x24) return from + 1 < to && isAsciiDigit(units[from + 1]!);
  for (const prefix of CURRENCY_PREFIXES) {
    const after = from + prefix.length;
    if (after >= to || !isAsciiDigit(units[after]!)) continue;
    let match = true;
    for (let k = 0; k < prefix.length; k++) if (units[from + k] !== prefix.charCodeAt(k)) match = false;
    if (match) return true;
  }
  return false;
}

/** Pass 2b: leetspeak inside words, in place ("k4mb0ja" → "kamboja"); numbers, quantities, handles and e-mails untouched. */
function decodeLeet(out: Output): void {
  const { units } = out;
  const n = out.length;
  let p = 0;
  while (p < n) {
    if (!isLeetTokenChar(units[p]!)) {
      p++;
      continue;
    }
    const from = p;
    let letters = 0;
    let longestDigits = 0;
    let digits = 0;
    let leetable = 0;
    while (p < n) {
      const c = units[p]!;
      const kind = classOf(c);
      if (kind === LETTER) {
        letters++;
        digits = 0;
      } else if (kind === DIGIT) {
        if (++digits > longestDigits) longestDigits = digits;
        if (LEET_TABLE[c]) leetable++;
      } else if (kind === SYMBOL) {
        digits = 0;
        leetable++;
      } else if (kind === UNDERSCORE) {
        digits = 0;
      } else {
        break;
      }
      p++;
    }
    const to = p;
    if (letters < 2 || leetable === 0 || longestDigits >= 3) continue;
    if (units[from] === 0x40) continue; // @handle
    if (to < n && units[to] === 0x2e && to + 1 < n && isAsciiLetter(units[to + 1]!) && hasAt(units, from, to)) continue; // e-mail
    if (tokenIsQuantity(units, from, to) || tokenStartsWithCurrency(units, from, to)) continue;
    let word = '';
    for (let k = from; k < to; k++) word += String.fromCharCode(units[k]!);
    if (KEEP_TOKENS.has(word)) continue;
    // convert each run of non-letters only when every character in it has a leet reading
    let k = from;
    while (k < to) {
      if (isAsciiLetter(units[k]!)) {
        k++;
        continue;
      }
      let runEnd = k;
      let convertible = true;
      while (runEnd < to && !isAsciiLetter(units[runEnd]!)) {
        if (LEET[units[runEnd]!] === undefined) convertible = false;
        runEnd++;
      }
      // a number glued to a word stays a number: "gaji15jt", "usia18"; leet runs are short and sit inside words
      const inside = k > from && runEnd < to;
      // "us$", "s$", "nt$": a dollar sign closing a word is a currency, not an s
      if (!inside && units[runEnd - 1] === 0x24 && runEnd === to) {
        k = runEnd;
        continue;
      }
      const allowed = inside ? runEnd - k <= 2 && !suffixIsUnit(units, runEnd, to) : runEnd - k === 1;
      if (convertible && allowed) for (let q = k; q < runEnd; q++) units[q] = LEET[units[q]!]!;
      k = runEnd;
    }
  }
}

function suffixIsUnit(units: Uint16Array, from: number, to: number): boolean {
  // one-letter units ("s", "k") are too common as word endings to tell "tur1s" from "gaji5k"
  if (to - from < 2) return false;
  let unit = '';
  for (let k = from; k < to; k++) {
    if (!isAsciiLetter(units[k]!)) return false;
    unit += String.fromCharCode(units[k]!);
  }
  return NUMBER_UNITS.has(unit);
}

function hasAt(units: Uint16Array, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (units[k] === 0x40) return true;
  return false;
}

/**
 * Words a symbol may stand in for a letter of ("k*mboja", "c#mbodia", "m*anmar"), by length: built from a rule pack's
 * cue words (see rules/schema.ts), so that every family's words are restored, roles and acronyms as well as places.
 */
export interface Lexicon {
  byLength: Map<number, string[]>;
}

/** Symbols people put in place of a letter; they count as one only between letters. */
const WILDCARD_TABLE = new Uint8Array(128);
for (const c of '*#!?%@$^~+') WILDCARD_TABLE[c.charCodeAt(0)] = 1;
function isWildcard(c: number): boolean {
  return c < 128 ? WILDCARD_TABLE[c] === 1 : c === 0xb7 || c === 0x2022 || c === 0xd7;
}

/** At most this many wildcards in a word of `length` letters, so that a censored "f**k" stays a mystery. */
function maxWildcards(length: number): number {
  return length < 6 ? 1 : length < 10 ? 2 : 3;
}

/**
 * Pass 2c, in place: a word with symbols standing for letters becomes the lexicon word of the same length that
 * agrees on every other letter ("k@mb*ja" → "kamboja"). Same length, so the offset map is untouched. Symbols at a
 * word's edges are punctuation ("kamboja!"), never letters.
 */
function resolveWildcards(out: Output, lexicon: Lexicon): void {
  const { units } = out;
  const n = out.length;
  let p = 0;
  while (p < n) {
    const c = units[p]!;
    if (!isAsciiLetter(c) && !isWildcard(c)) {
      p++;
      continue;
    }
    const from = p;
    let wild = 0;
    while (p < n && (isAsciiLetter(units[p]!) || isWildcard(units[p]!))) p++;
    let s = from;
    let e = p;
    while (s < e && !isAsciiLetter(units[s]!)) s++;
    while (e > s && !isAsciiLetter(units[e - 1]!)) e--;
    const length = e - s;
    if (length < 4 || (p < n && isAsciiDigit(units[p]!)) || (from > 0 && isAsciiDigit(units[from - 1]!))) continue;
    for (let k = s; k < e; k++) if (isWildcard(units[k]!)) wild++;
    if (wild === 0 || wild > maxWildcards(length)) continue;
    // an e-mail address or a handle is not a word
    if ((p < n && units[p] === 0x2e) || (s > 0 && units[s - 1] === 0x40)) continue;
    const words = lexicon.byLength.get(length);
    if (!words) continue;
    for (const word of words) {
      let same = true;
      for (let k = 0; k < length && same; k++) {
        const u = units[s + k]!;
        if (!isWildcard(u) && u !== word.charCodeAt(k)) same = false;
      }
      if (!same) continue;
      for (let k = 0; k < length; k++) units[s + k] = word.charCodeAt(k);
      break;
    }
  }
}

// what each ASCII character can be in an obfuscated word, for obfuscationKinds
const OBF_LETTER = 1;
const OBF_LEET = 2;
const OBF_WILD = 4;
const OBF_TABLE = new Uint8Array(128);
for (let c = 0x61; c <= 0x7a; c++) OBF_TABLE[c] = OBF_LETTER;
for (let c = 0; c < 128; c++) {
  if (LEET_TABLE[c]) OBF_TABLE[c]! |= OBF_LEET;
  if (WILDCARD_TABLE[c]) OBF_TABLE[c]! |= OBF_WILD;
}

/**
 * Which in-word obfuscations the text may hold, in one pass: a letter touching a character leetspeak uses for one
 * ("k4mb0ja", "c@m": bit 1), and a symbol between letters ("k*mboja": bit 2). Most posts have neither and skip both passes.
 */
function obfuscationKinds(units: Uint16Array, n: number): number {
  let kinds = 0;
  let before2 = 0;
  let before = 0;
  for (let pos = 0; pos < n; pos++) {
    const c = units[pos]!;
    const f = c < 128 ? OBF_TABLE[c]! : c === 0xb7 || c === 0x2022 || c === 0xd7 ? OBF_WILD : 0;
    if ((f & OBF_LEET && before & OBF_LETTER) || (before & OBF_LEET && f & OBF_LETTER)) kinds |= 1;
    if (before & OBF_WILD && before2 & (OBF_LETTER | OBF_LEET) && f & (OBF_LETTER | OBF_WILD)) kinds |= 2;
    before2 = before;
    before = f;
  }
  return kinds;
}

/** ASCII that is neither a token character nor an obfuscation one (space, newline, most punctuation): see textShape. */
const PLAIN_BREAK = new Uint8Array(128);
for (let c = 0; c < 128; c++) if (CLASSES[c] === 0 && OBF_TABLE[c] === 0) PLAIN_BREAK[c] = 1;

/** textShape's answer when spaced-out letters may be present: the join must run, and the obfuscation kinds after it. */
export const MAY_BE_SPACED = 8;

/**
 * One pass that decides which later passes a text needs. MAY_BE_SPACED when spaced-out letters can be anywhere: two
 * letters standing alone with only separators between them (or a letter of a script written without spaces, where
 * syllables count); most posts have none and skip the joining. Otherwise the in-word obfuscation kinds (see
 * obfuscationKinds), which collapsing double spaces cannot change (a space is neither a letter nor a symbol).
 */
export function textShape(units: Uint16Array, n: number): number {
  let kinds = 0;
  let before2 = 0;
  let before = 0;
  let lastSingle = -10;
  let previous = false; // whether the unit before is a token character
  for (let pos = 0; pos < n; pos++) {
    const c = units[pos]!;
    // the common case, a space or punctuation and then a word of two letters or more: neither changes the kinds nor
    // stands alone, and afterwards the state is that of any word's end (as the steps below would leave it)
    if (c < 128 && PLAIN_BREAK[c] && pos + 2 < n && isAsciiLetter(units[pos + 1]!) && isAsciiLetter(units[pos + 2]!)) {
      pos += 2;
      while (pos + 1 < n && isAsciiLetter(units[pos + 1]!)) pos++;
      before2 = OBF_LETTER;
      before = OBF_LETTER;
      previous = true;
      continue;
    }
    let f: number;
    if (c >= 128) {
      if (isSpacedScript(c)) return MAY_BE_SPACED;
      previous = false;
      f = c === 0xb7 || c === 0x2022 || c === 0xd7 ? OBF_WILD : 0;
    } else {
      const token = (CLASSES[c]! & (LETTER | DIGIT | SYMBOL)) !== 0;
      if (token && !previous && (pos + 1 >= n || !isTokenChar(units[pos + 1]!))) {
        const gap = pos - lastSingle - 1;
        if (gap >= 1 && gap <= 3) {
          let separators = true;
          for (let k = lastSingle + 1; k < pos; k++) if (!isSpacingSeparator(units[k]!)) separators = false;
          if (separators) return MAY_BE_SPACED;
        }
        lastSingle = pos;
      }
      previous = token;
      f = OBF_TABLE[c]!;
    }
    if ((f & OBF_LEET && before & OBF_LETTER) || (before & OBF_LEET && f & OBF_LETTER)) kinds |= 1;
    if (before & OBF_WILD && before2 & (OBF_LETTER | OBF_LEET) && f & (OBF_LETTER | OBF_WILD)) kinds |= 2;
    before2 = before;
    before = f;
    // the rest of a word of plain letters changes nothing above: skip it
    if (f === OBF_LETTER && pos + 1 < n && isAsciiLetter(units[pos + 1]!)) {
      pos++;
      while (pos + 1 < n && isAsciiLetter(units[pos + 1]!)) pos++;
      before2 = OBF_LETTER;
      previous = true;
    }
  }
  return kinds;
}

const decoder = typeof TextDecoder === 'function' ? new TextDecoder('utf-16le') : undefined;

function unitsToString(units: Uint16Array, length: number): string {
  if (decoder) return decoder.decode(units.subarray(0, length));
  let s = '';
  for (let k = 0; k < length; k += 8192) {
    s += String.fromCharCode.apply(null, units.subarray(k, Math.min(length, k + 8192)) as unknown as number[]);
  }
  return s;
}

/**
 * Normalises into shared buffers: `start` and `end` are the working buffers (longer than the text), which the next
 * call overwrites. For the detector's own synchronous use; everyone else calls normalizeText.
 */
export function normalizeShared(original: string, lexicon?: Lexicon): NormalizedText {
  // the buffers are made here, not in the folding loop: a long post's first new buffer would otherwise throw the
  // loop's optimised code away in the middle of 100 KB
  if (!scratch || scratch.units.length < original.length + 16) scratch = new Output(Math.max(1024, original.length + 16));
  const out = foldCodePoints(original, scratch);
  let kinds = textShape(out.units, out.length);
  if (kinds === MAY_BE_SPACED) {
    joinSpacedLetters(out);
    kinds = obfuscationKinds(out.units, out.length);
  } else if (out.firstDouble >= 0) collapseDoubleSpaces(out);
  if (kinds & 1) decodeLeet(out);
  if (kinds & 2 && lexicon) resolveWildcards(out, lexicon);
  // drop a trailing space or newline so the text ends on content
  while (out.length && (out.units[out.length - 1] === 0x20 || out.units[out.length - 1] === 0x0a)) out.length--;
  const result = {
    text: unitsToString(out.units, out.length),
    // the working buffers themselves: a view per post costs more than reading them with text.length as the bound
    start: out.start,
    end: out.end,
    original,
    scripts: out.scripts,
  };
  // a huge post should not keep its buffers alive
  if (out.units.length > SCRATCH_KEEP) scratch = undefined;
  return result;
}

export function normalizeText(original: string, lexicon?: Lexicon): NormalizedText {
  const shared = normalizeShared(original, lexicon);
  const length = shared.text.length;
  return { ...shared, start: shared.start.slice(0, length), end: shared.end.slice(0, length) };
}

/** Characters trimmed from the edges of evidence so quotes read cleanly. */
function isTrimmable(c: number): boolean {
  return c <= 0x20 || c === 0xa0 || (c >= 0x200b && c <= 0x200f) || c === 0xfeff || c === 0x2060 || c === 0x2c ||
    c === 0x2e || c === 0x3b || c === 0x3a || c === 0x21 || c === 0x3f || c === 0x28 || c === 0x29 || c === 0x22 ||
    c === 0x27 || c === 0x5b || c === 0x5d || c === 0x2d || c === 0x2a || c === 0x7c || c === 0x3002 || c === 0xff0c;
}

/** Maps a span of the normalised text [from, to) to a quote of the original text. */
export function toOriginalSpan(norm: NormalizedText, from: number, to: number): Evidence {
  const last = Math.max(from, to - 1);
  const length = norm.text.length;
  let s = from >= 0 && from < length ? norm.start[from]! : 0;
  let e = last >= 0 && last < length ? norm.end[last]! : s;
  const o = norm.original;
  let ts = s;
  let te = e;
  while (ts < te && isTrimmable(o.charCodeAt(ts))) ts++;
  while (te > ts && isTrimmable(o.charCodeAt(te - 1))) te--;
  if (te > ts) {
    s = ts;
    e = te;
  }
  return { start: s, end: e, text: o.slice(s, e) };
}
