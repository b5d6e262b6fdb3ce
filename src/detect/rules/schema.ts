/**
 * Rule packs: the detector's cues as data. A pack is JSON, validated here and compiled once into one regular
 * expression per family, so that a post is scanned once per family whatever the number of cues.
 *
 * Patterns run on normalised text (see ../normalize.ts): lower case, Latin without diacritics ("luong", not
 * "lương"), single spaces, ASCII digits; Thai, Burmese and CJK as written. Latin patterns get word edges
 * (no ASCII letter or digit right before or after); patterns in scripts written without spaces get none.
 */
import { describeZodError, z } from '../../zod';
import { SIGNAL_FAMILIES, type SignalFamily } from '../types';
import { STOP_WORD_MASKS } from '../lang';
import { keyCode, mayStartWithNonAscii, mayStartWithWordChar, nonAsciiPrefixes, nonAsciiStarts, startsNonAscii, symbolStarts, wordContinuations, wordHash, wordStartKeys } from './prefix';
import type { Lexicon } from '../normalize';

export const RULE_LANGS = ['id', 'en', 'ms', 'vi', 'th', 'tl', 'zh', 'my', 'any'] as const;
export type RuleLang = (typeof RULE_LANGS)[number];

/** Currencies the pay parser understands. */
export const CURRENCIES = [
  'IDR', 'USD', 'PHP', 'VND', 'THB', 'MYR', 'CNY', 'MMK', 'SGD', 'HKD', 'TWD', 'INR', 'EUR', 'GBP', 'KRW', 'JPY', 'LKR', 'NPR', 'PKR',
  'BDT', 'KES', 'AED', 'SAR',
] as const;
export type Currency = (typeof CURRENCIES)[number];

/** Auxiliary pattern lists: they shape scoring but are not reasons of their own. */
export const MARKER_KINDS = [
  'salaryWord', // words that introduce pay: gaji, salary, lương, เงินเดือน, 月薪
  'feeWord', // words that introduce a fee: biaya, fee, phí, ค่า, 费
  'priceWord', // words that introduce a price of goods or trips (neither pay nor fee): harga, price, ราคา
  'skilledRole', // roles whose high pay is normal: engineer, nurse, senior
  'company', // a named company or a company form: PT X, Co., Ltd., Sdn Bhd
  'address', // a street address
  'legitDestination', // official placement countries: Korea, Japan, Taiwan...
  'remote', // work from home: no travel involved
  'offerHeading', // headings of an offer's own lists: benefits, requirements, syarat, fasilitas, 福利
] as const;
export type MarkerKind = (typeof MARKER_KINDS)[number];

const BOUNDS = ['both', 'left', 'right', 'none'] as const;

const PatternSchema = z
  .object({
    /** Cue id, unique in its family: the signal id becomes `family.id`. */
    id: z.string().regex(/^[a-z0-9_]+$/, 'must be lower-case letters, digits or _'),
    lang: z.union([z.enum(RULE_LANGS), z.array(z.enum(RULE_LANGS)).min(1)]).default('any'),
    /** Strength of this cue within its family, 0..1. */
    weight: z.number().min(0).max(1),
    /** Regular expression source (no flags; lower case; no capturing groups or backreferences). */
    re: z.string().min(1).max(20000),
    /** Word edges for every top-level alternative; default: an edge on each side that is Latin, none on a side in Thai, Burmese, Khmer, Lao, CJK or Hangul. */
    bound: z.enum(BOUNDS).optional(),
    /** Post languages in which this cue does not count (a country's own places in its own language). */
    skipLangs: z.array(z.enum(RULE_LANGS)).optional(),
    /** Marks cues: `judgement` (warning: the poster asks about or judges the offer), `concrete`, `visa`, `contract` (legitimacy). */
    tag: z.string().regex(/^[a-z_]+$/).optional(),
    note: z.string().optional(),
  })
  .strict();
export type RulePattern = z.infer<typeof PatternSchema>;

const FamilySchema = z
  .object({
    /** How much this family counts towards the score (for warning/legitimacy: how strongly it damps). */
    weight: z.number().min(0).max(5),
    patterns: z.array(PatternSchema).max(1000),
  })
  .strict();

const ComboSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9_]+$/),
    families: z.array(z.enum(SIGNAL_FAMILIES)).min(2),
    bonus: z.number().min(0).max(3),
  })
  .strict();

const currencyRecord = (value: z.ZodNumber) => z.partialRecord(z.enum(CURRENCIES), value);

export const RulePackSchema = z
  .object({
    /** Pack version; updates must carry a newer one. */
    version: z.string().min(1).max(64),
    description: z.string().optional(),
    families: z.partialRecord(z.enum(SIGNAL_FAMILIES), FamilySchema),
    markers: z.partialRecord(z.enum(MARKER_KINDS), z.array(PatternSchema).max(1000)),
    pay: z
      .object({
        /** Monthly pay from which an unskilled job's offer is bait, per currency. Others convert through usdPerUnit. */
        baitMonthly: currencyRecord(z.number().positive()),
        /** Value of one unit of each currency in USD (rough, for comparing offers only). */
        usdPerUnit: currencyRecord(z.number().positive()),
        /** Skilled roles (engineer, senior...) are judged against baitMonthly × skilledFactor. */
        skilledFactor: z.number().min(1).max(20),
        /** Currency assumed for bare amounts after a pay word, by the post's language. */
        defaultCurrency: z.partialRecord(z.enum(RULE_LANGS), z.enum(CURRENCIES)),
      })
      .strict(),
    scoring: z
      .object({
        /** Each further family counts this fraction of the previous one (diminishing weight). */
        decay: z.number().min(0).max(1),
        /** score = 1 − exp(−raw / scale) */
        scale: z.number().positive(),
        caution: z.number().min(0).max(1),
        high: z.number().min(0).max(1),
        combos: z.array(ComboSchema),
        /** Added to the raw score when a post that recruits tells applicants to lie about the journey (visa cues tagged `lie`). */
        lieBonus: z.number().min(0).max(3).optional(),
        /** Multiplier when nothing places the job abroad (no destination, no visa cue). */
        notAbroadFactor: z.number().min(0).max(1),
        /** Damping per unit of warning weight: exp(−k·W); `judgement` cues always at full strength. */
        warningDamping: z.number().min(0).max(5),
        /** Same, when the post itself recruits (a contact to apply through): weaker, so "hati-hati" cannot whitelist. */
        warningDampingWhenRecruiting: z.number().min(0).max(5),
        /** Multipliers for concrete legitimacy evidence by number of strong scam families (0–1, 2, 3+). */
        legitimacyConcrete: z.tuple([z.number().min(0).max(1), z.number().min(0).max(1), z.number().min(0).max(1)]),
        legitimacyWeak: z.tuple([z.number().min(0).max(1), z.number().min(0).max(1), z.number().min(0).max(1)]),
        /** Evidence spans kept per signal. */
        maxEvidence: z.number().int().min(1).max(20),
      })
      .strict(),
  })
  .strict();
export type RulePack = z.infer<typeof RulePackSchema>;

export interface CompiledCue {
  id: string;
  /** `family.id`, the signal id (set for family lists). */
  signalId: string;
  weight: number;
  lang: RuleLang[];
  skipLangs: RuleLang[] | undefined;
  tag: string | undefined;
}

/**
 * One alternation per list. `identify` (one group per cue, sticky) tells which cue matches at a position.
 * Alternatives that start a word are indexed by their word-start keys (see ./prefix.ts); the others are found by
 * `residual`, a scan over the whole text. `scan` is the whole list as one global pattern (for tools and tests).
 */
export interface CompiledList {
  scan: RegExp;
  identify: RegExp;
  /** Cue index of each capturing group of `identify` (index 0 unused). */
  groupCue: number[];
  cues: CompiledCue[];
  /** Whole first words of the indexed alternatives (see ./prefix.ts). */
  words: string[];
  /**
   * What may follow each of `words` in an alternative (see wordContinuations): continuation codes, or null when
   * anything may. A word missing here may be followed by anything.
   */
  continuations: Map<string, number[] | null>;
  /** First letters of the indexed alternatives whose first word cannot be listed whole. */
  keys: string[];
  /** How the alternatives in scripts without spaces start: one or two characters (see nonAsciiStarts). */
  starts: string[];
  /** For each two-character start: the longer starts of its alternatives (see nonAsciiPrefixes), or null for any. */
  startPrefixes: Map<string, string[] | null>;
  /** Alternatives indexed neither way, as one global pattern; undefined when there are none. */
  residual: RegExp | undefined;
  /**
   * Characters every match of `residual` starts with, when they are symbols ("#", "@", "+"): a text with none of
   * them needs no scan. undefined when any residual alternative may start otherwise.
   */
  residualStarts: string[] | undefined;
  /**
   * Letters every match of `residual` starts with, one string per alternative ("ai" for "ai(?=...)"), and
   * `residualAt`, the same pattern made sticky: tried only where one of them occurs instead of at every position.
   * undefined when an alternative starts otherwise.
   */
  residualLiterals: string[] | undefined;
  residualAt: RegExp | undefined;
  /** Whether a residual alternative may start with an ASCII letter or digit, where the walk tries indexed ones. */
  residualAtWords: boolean;
  /** Whether a residual alternative may start with a character outside ASCII. */
  residualAtNonAscii: boolean;
}

export interface CompiledFamily extends CompiledList {
  family: SignalFamily;
  weight: number;
}

export interface CompiledRulePack {
  version: string;
  families: Partial<Record<SignalFamily, CompiledFamily>>;
  markers: Partial<Record<MarkerKind, CompiledList>>;
  /** Every family and marker list, in one array: a post's words are walked once for all of them. */
  lists: CompiledList[];
  /**
   * Hash of a whole word (see wordHash) → the lists (indexes into `lists`) with an alternative starting with that
   * word (`slots`, maybe empty), and the languages it is a stop-word of (`stop`, a bit mask; see ../lang.ts).
   */
  words: Map<number, WordEntry>;
  /** `words` as an open-addressing table the walk reads without a Map lookup per word (see WordTable). */
  wordTable: WordTable;
  /** Index of each family's and marker's list in `lists`. */
  slotOf: Map<CompiledList, number>;
  /**
   * Start of an alternative in a script without spaces → the lists with such an alternative: keyed by one character
   * (its code unit) or two (first × 65536 + second).
   */
  listsByChar: Map<number, number[]>;
  /**
   * Per two-character key of `listsByChar`: for each of its lists, the longer starts a match there must have (see
   * nonAsciiPrefixes), or undefined when the list is always tried.
   */
  prefixesByChar: Map<number, (string[] | undefined)[]>;
  /** Per code unit: 1 when it is a `listsByChar` key alone, 2 when it starts a two-character key; mostly 0. */
  startsByChar: Uint8Array;
  /**
   * 1 at `pairSlot(first, second)` of every two-character key of `listsByChar`: most pairs a post has are no key,
   * and this answers for them without a Map lookup (whose key is a heap number for CJK).
   */
  pairsByChar: Uint8Array;
  /** Word-start key (see keyCode) → 1 + index into `keySlots`, or 0 when no list starts with those letters. */
  listsByKey: Int32Array;
  keySlots: number[][];
  pay: RulePack['pay'];
  scoring: RulePack['scoring'];
  /** The families' literal words, for restoring letters hidden behind symbols ("k*mboja"; see ../normalize.ts). */
  lexicon: Lexicon;
  /** The validated JSON the pack was compiled from. */
  source: RulePack;
}

/** Where a pair of code units is noted in `pairsByChar` (several pairs share a slot: it only rules pairs out). */
export function pairSlot(first: number, second: number): number {
  return ((first << 6) ^ second) & 0xffff;
}

/**
 * The word entries packed into two integer arrays, so the walk reads a word's lists without following pointers (an
 * entry object, its arrays, a typed array per filter: most of the walk's time went to those loads).
 *
 * `slots` is an open-addressing table by linear probing, two integers per slot: the word hash (as int32) and 1 + the
 * offset of its entry in `data` (0 for an empty slot). Twice as many slots as words, so a probe ends within a step
 * or two. An entry in `data` is: the stop-word mask, the number of lists, then per list (in WordEntry order) its
 * index, the number of its continuation codes (-1 when it has no filter) and those codes.
 */
export interface WordTable {
  mask: number;
  slots: Int32Array;
  data: Int32Array;
}

/**
 * A word's lists and stop-word languages. `filters[k]`, when set, holds the continuation codes (see
 * wordContinuations) after which list `slots[k]` can match at the word; without one it is always tried.
 */
export interface WordEntry {
  slots: number[];
  filters: (Int32Array | undefined)[];
  stop: number;
}

/** No filter: the list is tried after the word whatever follows (see WordTable). */
export const NO_FILTER = -1;

export function buildWordTable(words: Map<number, WordEntry>): WordTable {
  let size = 16;
  while (size < words.size * 2) size *= 2;
  const data: number[] = [];
  const slots = new Int32Array(size * 2);
  const mask = size - 1;
  for (const [hash, entry] of words) {
    let i = (hash ^ (hash >>> 15)) & mask;
    while (slots[2 * i + 1] !== 0) i = (i + 1) & mask;
    slots[2 * i] = hash | 0;
    slots[2 * i + 1] = data.length + 1;
    data.push(entry.stop, entry.slots.length);
    entry.slots.forEach((slot, k) => {
      const filter = entry.filters[k];
      data.push(slot, filter ? filter.length : NO_FILTER, ...(filter ?? []));
    });
  }
  return { mask, slots, data: Int32Array.from(data) };
}

/** Offset in `table.data` of a word hash's entry (the hash unsigned, as wordHash), or -1. */
export function lookupWord(table: WordTable, hash: number): number {
  const { mask, slots } = table;
  const signed = hash | 0;
  let i = (hash ^ (hash >>> 15)) & mask;
  for (;;) {
    const entry = slots[2 * i + 1]!;
    if (entry === 0) return -1;
    if (slots[2 * i] === signed) return entry - 1;
    i = (i + 1) & mask;
  }
}

export type CompileResult = { ok: true; pack: CompiledRulePack } | { ok: false; error: string };


function pathName(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(root)';
}

/**
 * A group repeated without bound that itself repeats without bound: the classic catastrophic-backtracking shape.
 * Packs from elsewhere (signed updates) are checked for it at run time; the shipped pack is checked by a real ReDoS
 * checker in the tests.
 */
export function hasNestedRepetition(re: string): boolean {
  const stack: boolean[] = [false]; // per open group: does it contain an unbounded repetition?
  let i = 0;
  const unboundedAt = (at: number) => re[at] === '+' || re[at] === '*' || (re[at] === '{' && /^\{\d+,\}/.test(re.slice(at, at + 8)));
  while (i < re.length) {
    const c = re[i]!;
    if (c === '\\') {
      i += 2;
      if (unboundedAt(i)) stack[stack.length - 1] = true;
      continue;
    }
    if (c === '[') {
      while (i < re.length && re[i] !== ']') i += re[i] === '\\' ? 2 : 1;
      i++;
      if (unboundedAt(i)) stack[stack.length - 1] = true;
      continue;
    }
    if (c === '(') {
      stack.push(false);
      i++;
      continue;
    }
    if (c === ')') {
      const inner = stack.pop() ?? false;
      i++;
      if (unboundedAt(i)) {
        if (inner) return true;
        stack[stack.length - 1] = true;
      } else if (inner) stack[stack.length - 1] = true;
      continue;
    }
    i++;
    if (unboundedAt(i)) stack[stack.length - 1] = true;
  }
  return false;
}

/** Why a pattern source cannot be used, or undefined when it can. */
export function patternProblem(re: string): string | undefined {
  let compiled: RegExp;
  try {
    compiled = new RegExp(re, 'u');
  } catch {
    return 'invalid regular expression';
  }
  const groups = new RegExp(`${re}|`, 'u').exec('')!.length - 1;
  if (groups > 0) return 'capturing groups are not allowed (use (?:...))';
  if (/\\k<|\\[1-9]/.test(re)) return 'backreferences are not allowed';
  if (compiled.test('')) return 'matches the empty string';
  if (hasNestedRepetition(re)) return 'nested unbounded repetition such as (a+)+ (catastrophic backtracking)';
  // posts are folded to Latin without diacritics ("lương" reads "luong"), so an accented letter could never match
  if (/[\u00C0-\u024F\u1E00-\u1EFF]/.test(re)) return 'must be written without diacritics (posts are folded: "luong", not "lương")';
  // posts are case-folded, so an upper-case literal could never match
  if (/(?:^|[^\\])(?:\\\\)*[A-Z]/.test(re.replace(/\\[pP]\{[^}]*\}|\\u\{?[0-9a-fA-F]+\}?|\\x[0-9a-fA-F]{2}|\\c[A-Za-z]/g, ''))) return 'must be lower case (posts are case-folded)';
  return undefined;
}

/** Splits a pattern at its top-level "|" (outside groups and classes). */
export function topLevelAlternatives(re: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inClass = false;
  let from = 0;
  for (let i = 0; i < re.length; i++) {
    const c = re[i];
    if (c === '\\') {
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') {
      inClass = true;
    } else if (c === '(') {
      depth++;
    } else if (c === ')') {
      depth--;
    } else if (c === '|' && depth === 0) {
      parts.push(re.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(re.slice(from));
  return parts;
}

type Bound = (typeof BOUNDS)[number];
const EDGES: Record<Bound, [string, string]> = {
  both: ['(?<![a-z0-9])', '(?![a-z0-9])'],
  left: ['(?<![a-z0-9])', ''],
  right: ['', '(?![a-z0-9])'],
  none: ['', ''],
};

/**
 * Word edges per alternative: a side that starts (ends) in Latin letters or digits gets an edge there; a side in a
 * script written without spaces (Thai, Burmese, CJK) gets none.
 */
function boundOf(p: RulePattern, alternative: string): Bound {
  if (p.bound) return p.bound;
  const left = !startsNonAscii(alternative);
  const right = !NO_SPACE_END.test(alternative);
  return left ? (right ? 'both' : 'left') : right ? 'right' : 'none';
}
const NO_SPACE_END = /[\u0E00-\u0EFF\u1000-\u109F\u1780-\u17FF\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF][)?]*$/;

export function compileList(patterns: RulePattern[]): CompiledList {
  const cues: CompiledCue[] = patterns.map((p) => ({
    id: p.id,
    signalId: p.id,
    weight: p.weight,
    lang: Array.isArray(p.lang) ? p.lang : [p.lang],
    skipLangs: p.skipLangs,
    tag: p.tag,
  }));
  // alternatives grouped by their word edges, so that each set of edges is written once (much faster in V8)
  const scanParts: string[] = [];
  const identifyParts: string[] = [];
  const residualParts: string[] = [];
  const residualStarts = new Set<string>();
  let residualAnyStart = false;
  const residualLiterals = new Set<string>();
  let residualUnprefixed = false;
  let residualAtWords = false;
  let residualAtNonAscii = false;
  const startPrefixes = new Map<string, Set<string> | null>();
  const groupCue = [-1];
  const keys = new Set<string>();
  const words = new Set<string>();
  const continuations = new Map<string, Set<number> | null>();
  const starts = new Set<string>();
  // each alternative with its word edges, worked out once (parsing is most of the compile time)
  const bounded = patterns.map((p) => topLevelAlternatives(p.re).map((alternative) => ({ alternative, bound: boundOf(p, alternative) })));
  for (const bound of BOUNDS) {
    const plain: string[] = [];
    const grouped: string[] = [];
    const residual: string[] = [];
    patterns.forEach((p, cue) => {
      const alternatives = bounded[cue]!.filter((b) => b.bound === bound).map((b) => b.alternative);
      if (!alternatives.length) return;
      plain.push(alternatives.join('|'));
      grouped.push(`(${alternatives.join('|')})`);
      groupCue.push(cue);
      for (const alternative of alternatives) {
        let chars: string[] | undefined;
        const altKeys = bound === 'both' || bound === 'left' ? wordStartKeys(alternative, bound === 'both') : undefined;
        if (altKeys) {
          const following = altKeys.words ? wordContinuations(alternative) : undefined;
          for (const word of altKeys.words ?? []) {
            words.add(word);
            // one alternative that may be followed by anything (or that could not be read) opens the word to all
            const codes = following?.get(word);
            const known = continuations.get(word);
            if (!codes || known === null) continuations.set(word, null);
            else if (known === undefined) continuations.set(word, new Set(codes));
            else for (const code of codes) known.add(code);
          }
          for (const key of altKeys.prefixes ?? []) keys.add(key);
        } else if (bound !== 'both' && bound !== 'left' && (chars = nonAsciiStarts(alternative))) {
          const longer = nonAsciiPrefixes(alternative);
          for (const c of chars) {
            starts.add(c);
            if (c.length !== 2) continue;
            const known = startPrefixes.get(c);
            const mine = longer?.filter((p) => p.startsWith(c));
            if (!mine?.length || known === null) startPrefixes.set(c, null);
            else if (known === undefined) startPrefixes.set(c, new Set(mine));
            else for (const p of mine) known.add(p);
          }
        } else {
          residual.push(alternative);
          const literal = literalStart(alternative);
          if (literal) residualLiterals.add(literal);
          else residualUnprefixed = true;
          if (mayStartWithWordChar(alternative)) residualAtWords = true;
          if (mayStartWithNonAscii(alternative)) residualAtNonAscii = true;
          const symbols = symbolStarts(alternative);
          if (symbols) for (const c of symbols) residualStarts.add(c);
          else residualAnyStart = true;
        }
      }
    });
    if (!plain.length) continue;
    const [left, right] = EDGES[bound];
    scanParts.push(`${left}(?:${plain.join('|')})${right}`);
    identifyParts.push(`${left}(?:${grouped.join('|')})${right}`);
    if (residual.length) residualParts.push(`${left}(?:${residual.join('|')})${right}`);
  }
  // an empty list gets a regex that never matches
  const scan = scanParts.length ? scanParts.join('|') : '(?!)';
  const identify = identifyParts.length ? identifyParts.join('|') : '(?!)';
  return {
    scan: new RegExp(scan, 'gu'),
    identify: new RegExp(identify, 'uy'),
    groupCue,
    cues,
    words: [...words],
    continuations: new Map([...continuations].map(([word, codes]) => [word, codes && [...codes]])),
    keys: [...keys],
    starts: [...starts],
    residual: residualParts.length ? new RegExp(residualParts.join('|'), 'gu') : undefined,
    residualStarts: residualParts.length && !residualAnyStart ? [...residualStarts] : undefined,
    residualLiterals: residualParts.length && !residualUnprefixed ? [...residualLiterals] : undefined,
    residualAt: residualParts.length && !residualUnprefixed ? new RegExp(residualParts.join('|'), 'uy') : undefined,
    residualAtWords,
    residualAtNonAscii,
    startPrefixes: new Map([...startPrefixes].map(([start, prefixes]) => [start, prefixes && [...prefixes]])),
  };
}

/**
 * The lower-case letters, digits and spaces every match of an alternative starts with ("ai" for "ai(?=[^.]{0,60})",
 * "ma" for "mak?an"), or "" when it may start otherwise (a group, a class, an escape, an assertion).
 */
export function literalStart(alternative: string): string {
  let end = 0;
  while (end < alternative.length && /[a-z0-9 ]/.test(alternative[end]!)) end++;
  // a quantifier after the last letter makes it optional (or repeated): it is not part of every match
  if (end > 0 && end < alternative.length && '?*+{'.includes(alternative[end]!)) end--;
  return alternative.slice(0, end);
}

/**
 * Literal words of at least four letters in pattern sources: "kamboja" and "kemboja" in "(?:kamboja|kemboja)n?",
 * "phnom" and "penh" in "phnom ?penh"; not "myawa" in "myawa?dd?y" (a letter there is optional), nor the letters
 * around a class. In family order, so a place name wins over a rarer word of the same shape.
 */
export function literalWords(re: string): string[] {
  const out: string[] = [];
  const word = /[a-z]{4,}/g;
  let m: RegExpExecArray | null;
  while ((m = word.exec(re)) !== null) {
    const before = re.slice(Math.max(0, m.index - 2), m.index);
    const after = re.slice(m.index + m[0].length, m.index + m[0].length + 2);
    const left = before === '' || /(?:^|[^\\])[|(: ]$/.test(before) || before === ' ?' || /^[|(: ]$/.test(before);
    const right = after === '' || /^[|) ]/.test(after);
    if (left && right) out.push(m[0]);
  }
  return out;
}

function buildLexicon(pack: RulePack): Lexicon {
  const byLength = new Map<number, string[]>();
  const seen = new Set<string>();
  const order: SignalFamily[] = ['destination', 'role', ...SIGNAL_FAMILIES.filter((f) => f !== 'destination' && f !== 'role' && f !== 'known_recruiter')];
  for (const family of order) {
    for (const pattern of pack.families[family]?.patterns ?? []) {
      for (const word of literalWords(pattern.re)) {
        if (seen.has(word)) continue;
        seen.add(word);
        const list = byLength.get(word.length);
        if (list) list.push(word);
        else byLength.set(word.length, [word]);
      }
    }
  }
  return { byLength };
}

function validatePatterns(pack: RulePack, ctx: z.RefinementCtx): void {
  const check = (patterns: RulePattern[], path: PropertyKey[]) => {
    const seen = new Set<string>();
    patterns.forEach((p, index) => {
      const problem = patternProblem(p.re);
      if (problem) ctx.addIssue({ code: 'custom', path: [...path, index, 're'], message: problem });
      if (seen.has(p.id)) ctx.addIssue({ code: 'custom', path: [...path, index, 'id'], message: `duplicate id "${p.id}"` });
      seen.add(p.id);
    });
  };
  for (const [family, def] of Object.entries(pack.families)) if (def) check(def.patterns, ['families', family, 'patterns']);
  for (const [kind, list] of Object.entries(pack.markers)) if (list) check(list, ['markers', kind]);
  if (pack.scoring.caution > pack.scoring.high) {
    ctx.addIssue({ code: 'custom', path: ['scoring', 'caution'], message: 'must not exceed scoring.high' });
  }
}

const CheckedRulePackSchema = RulePackSchema.superRefine(validatePatterns);

/**
 * Validates and compiles a rule pack. Errors name the field, e.g.
 * "families.pay.patterns[3].re: invalid regular expression".
 */
export function compileRulePack(json: unknown): CompileResult {
  const parsed = CheckedRulePackSchema.safeParse(json);
  if (!parsed.success) {
    const error = parsed.error.issues.map((issue) => `${pathName(issue.path)}: ${issue.message}`).join('\n');
    return { ok: false, error: error || describeZodError(parsed.error) };
  }
  const pack = parsed.data;
  const families: CompiledRulePack['families'] = {};
  const lists: CompiledList[] = [];
  for (const family of SIGNAL_FAMILIES) {
    const def = pack.families[family];
    if (!def) continue;
    const compiled: CompiledFamily = { family, weight: def.weight, ...compileList(def.patterns) };
    for (const cue of compiled.cues) cue.signalId = `${family}.${cue.id}`;
    families[family] = compiled;
    lists.push(compiled);
  }
  const markers: CompiledRulePack['markers'] = {};
  for (const kind of MARKER_KINDS) {
    const list = pack.markers[kind];
    if (!list) continue;
    markers[kind] = compileList(list);
    lists.push(markers[kind]);
  }
  const words = new Map<number, WordEntry>();
  const byKey = new Map<number, number[]>();
  const register = (map: Map<number, number[]>, code: number, index: number) => {
    const slots = map.get(code);
    if (!slots) map.set(code, [index]);
    else if (!slots.includes(index)) slots.push(index);
  };
  const wordEntry = (hash: number) => {
    let entry = words.get(hash);
    if (!entry) words.set(hash, (entry = { slots: [], filters: [], stop: 0 }));
    return entry;
  };
  // per word hash and list: what may follow the word (null for anything), and whether the list is tried there anyway
  // by its word-start key (then trying it by the word as well would run the same failing expression twice)
  const following = new Map<number, Map<number, Set<number> | null>>();
  const byKeyToo = new Map<number, Map<number, boolean>>();
  lists.forEach((list, index) => {
    for (const key of list.keys) register(byKey, keyCode(key), index);
    // a residual alternative that may start at a letter could match where an indexed one cannot: no filters then
    const filterable = !list.residualAtWords;
    for (const word of list.words) {
      const hash = wordHash(word);
      const entry = wordEntry(hash);
      if (!entry.slots.includes(index)) entry.slots.push(index);
      let byList = following.get(hash);
      if (!byList) following.set(hash, (byList = new Map()));
      let keyed = byKeyToo.get(hash);
      if (!keyed) byKeyToo.set(hash, (keyed = new Map()));
      keyed.set(index, (keyed.get(index) ?? true) && (byKey.get(keyCode(word))?.includes(index) ?? false));
      const codes = filterable ? list.continuations.get(word) : null;
      const known = byList.get(index);
      if (!codes || known === null) byList.set(index, null);
      else if (known === undefined) byList.set(index, new Set(codes));
      else for (const code of codes) known.add(code);
    }
  });
  for (const [hash, byList] of following) {
    const entry = words.get(hash)!;
    const keyed = byKeyToo.get(hash)!;
    entry.slots = entry.slots.filter((slot) => !keyed.get(slot));
    entry.filters = entry.slots.map((slot) => {
      const codes = byList.get(slot);
      return codes ? Int32Array.from(codes) : undefined;
    });
  }
  for (const [hash, mask] of STOP_WORD_MASKS) wordEntry(hash).stop = mask;
  const slotOf = new Map(lists.map((list, index) => [list, index]));
  const listsByChar = new Map<number, number[]>();
  lists.forEach((list, index) => {
    for (const start of list.starts) {
      const code = start.length === 1 ? start.charCodeAt(0) : start.charCodeAt(0) * 65536 + start.charCodeAt(1);
      register(listsByChar, code, index);
    }
  });
  // a two-character key's lists, without those its first character already tries, with their longer starts
  const prefixesByChar = new Map<number, (string[] | undefined)[]>();
  for (const [code, slots] of listsByChar) {
    if (code <= 0xffff) continue;
    const single = listsByChar.get(Math.floor(code / 65536));
    const kept = single ? slots.filter((slot) => !single.includes(slot)) : slots;
    listsByChar.set(code, kept);
    const start = String.fromCharCode(Math.floor(code / 65536), code % 65536);
    prefixesByChar.set(code, kept.map((slot) => {
      const list = lists[slot]!;
      if (list.residualAtNonAscii) return undefined;
      return list.startPrefixes.get(start) ?? undefined;
    }));
  }
  const startsByChar = new Uint8Array(65536);
  const pairsByChar = new Uint8Array(65536);
  for (const code of listsByChar.keys()) {
    if (code > 0xffff) {
      startsByChar[Math.floor(code / 65536)]! |= 2;
      pairsByChar[pairSlot(Math.floor(code / 65536), code % 65536)] = 1;
    } else startsByChar[code]! |= 1;
  }
  const listsByKey = new Int32Array(28 * 28 * 28);
  const keySlots: number[][] = [];
  for (const [code, slots] of byKey) {
    keySlots.push(slots);
    listsByKey[code] = keySlots.length;
  }
  return {
    ok: true,
    pack: {
      version: pack.version, families, markers, lists, words, wordTable: buildWordTable(words), slotOf, listsByChar, prefixesByChar, startsByChar, pairsByChar,
      listsByKey, keySlots, pay: pack.pay,
      scoring: pack.scoring, lexicon: buildLexicon(pack), source: pack,
    },
  };
}

/** Phrases an NGO adds to a family (plain text, not regular expressions). */
export interface ExtraPhrases {
  family: SignalFamily;
  phrases: string[];
  /** 0..1, default 0.8 */
  weight?: number;
  lang?: RuleLang;
}

export const ExtraPhrasesSchema = z.array(
  z
    .object({
      family: z.enum(SIGNAL_FAMILIES),
      phrases: z.array(z.string().min(1).max(200)).min(1).max(500),
      weight: z.number().min(0).max(1).optional(),
      lang: z.enum(RULE_LANGS).optional(),
    })
    .strict(),
);
