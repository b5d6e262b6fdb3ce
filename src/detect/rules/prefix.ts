/**
 * Word-start keys of a pattern alternative, so that a post is not scanned once per family: the detector walks the
 * post's words once, and tries a family's patterns only at words whose first three letters (digits read as "0")
 * can start one of its alternatives. An alternative whose keys cannot be worked out (it starts with a large class,
 * a symbol, or a script without spaces) is scanned the ordinary way.
 *
 * This reads the subset of regular-expression syntax the rule packs use; anything else makes the alternative
 * "not indexable", which is always safe.
 */

export const KEY_LENGTH = 3;
const MAX_KEYS = 256;

type CharSet = string[]; // possible key characters, '' never

interface Atom {
  kind: 'chars' | 'group' | 'assert' | 'opaque';
  chars?: CharSet;
  group?: Node[][]; // alternatives, each a sequence
  min: number;
  max: number;
}
type Node = Atom;

class Unindexable extends Error {}

/** Key character for a text character: letters and digits (digits all read "0"), or a token break. */
export function keyChar(c: string): string {
  if (c >= '0' && c <= '9') return '0';
  return c;
}

const BREAK = '\u0000'; // anything that is not [a-z0-9] ends the word

function isWordChar(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

let rawChars = false;

function charsFor(c: string): CharSet {
  if (rawChars) return [c];
  return [isWordChar(c) ? keyChar(c) : BREAK];
}

/** Parses without mapping characters to key characters (for startsNonAscii). */
function parseRaw(src: string): [Node[][], number] {
  rawChars = true;
  try {
    return parseAlternatives(src, 0, false);
  } finally {
    rawChars = false;
  }
}

/** The alternatives of a pattern parsed raw, or undefined when it does not parse (the callers then know nothing). */
function rawAlternatives(alternative: string): Node[][] | undefined {
  try {
    return parseRaw(alternative)[0];
  } catch {
    return undefined;
  }
}

/** A class's possible key characters, or undefined when too many or unknowable (then the walk gives up there). */
function parseClass(src: string, i: number): [CharSet | undefined, number] {
  // i points after '['
  const out = new Set<string>();
  let opaque = src[i] === '^';
  if (opaque) i++;
  let first = true;
  while (i < src.length && (src[i] !== ']' || first)) {
    first = false;
    const c = src[i]!;
    if (c === '\\') {
      const e = src[i + 1]!;
      i += 2;
      if (e === 'd') out.add('0');
      else if (e === 's') out.add(BREAK);
      else if ('wSWDpPux'.includes(e)) opaque = true;
      else out.add(isWordChar(e) ? keyChar(e) : BREAK);
      continue;
    }
    if (src[i + 1] === '-' && src[i + 2] !== undefined && src[i + 2] !== ']') {
      const from = c.charCodeAt(0);
      const to = src[i + 2]!.charCodeAt(0);
      if (to - from > 12 && !(c >= '0' && c <= '9')) opaque = true;
      else for (let code = from; code <= to; code++) out.add(charsFor(String.fromCharCode(code))[0]!);
      i += 3;
      continue;
    }
    out.add(charsFor(c)[0]!);
    i++;
  }
  return [opaque || out.size > 12 ? undefined : [...out], i + 1];
}

const ONCE = (i: number): [number, number, number] => [1, 1, i];

function parseQuantifier(src: string, i: number): [number, number, number] {
  let min = 1;
  let max = 1;
  const c = src[i];
  if (c !== '?' && c !== '*' && c !== '+' && c !== '{') return ONCE(i);
  if (c === '?') [min, max, i] = [0, 1, i + 1];
  else if (c === '*') [min, max, i] = [0, Infinity, i + 1];
  else if (c === '+') [min, max, i] = [1, Infinity, i + 1];
  else if (c === '{') {
    const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(src.slice(i));
    if (m) {
      min = Number(m[1]);
      max = m[2] ? (m[3] ? Number(m[3]) : Infinity) : min;
      i += m[0].length;
    }
  }
  if (src[i] === '?' && (c === '?' || c === '*' || c === '+' || c === '{')) i++; // lazy
  return [min, max, i];
}

function parseAlternatives(src: string, i: number, closing: boolean): [Node[][], number] {
  const alternatives: Node[][] = [];
  let seq: Node[] = [];
  while (i < src.length) {
    const c = src[i]!;
    if (c === ')') {
      if (!closing) throw new Unindexable();
      alternatives.push(seq);
      return [alternatives, i + 1];
    }
    if (c === '|') {
      alternatives.push(seq);
      seq = [];
      i++;
      continue;
    }
    let atom: Atom;
    if (c === '(') {
      let kind: Atom['kind'] = 'group';
      let j = i + 1;
      if (src.startsWith('?:', j)) j += 2;
      else if (src.startsWith('?=', j) || src.startsWith('?!', j)) [kind, j] = ['assert', j + 2];
      else if (src.startsWith('?<=', j) || src.startsWith('?<!', j)) [kind, j] = ['assert', j + 3];
      else if (src[j] === '?') throw new Unindexable();
      const [group, next] = parseAlternatives(src, j, true);
      atom = kind === 'assert' ? { kind, min: 1, max: 1 } : { kind, group, min: 1, max: 1 };
      i = next;
    } else if (c === '[') {
      const [chars, next] = parseClass(src, i + 1);
      atom = chars ? { kind: 'chars', chars, min: 1, max: 1 } : { kind: 'opaque', min: 1, max: 1 };
      i = next;
    } else if (c === '\\') {
      const e = src[i + 1]!;
      i += 2;
      if (e === 'd') atom = { kind: 'chars', chars: ['0'], min: 1, max: 1 };
      else if (e === 's') atom = { kind: 'chars', chars: [BREAK], min: 1, max: 1 };
      else if (e === 'b' || e === 'B') atom = { kind: 'assert', min: 1, max: 1 };
      else if (/[wWSDpPukxc0-9]/.test(e)) atom = { kind: 'opaque', min: 1, max: 1 };
      else atom = { kind: 'chars', chars: charsFor(e), min: 1, max: 1 };
    } else if (c === '.') {
      atom = { kind: 'opaque', min: 1, max: 1 };
      i++;
    } else if (c === '^' || c === '$') {
      atom = { kind: 'assert', min: 1, max: 1 };
      i++;
    } else {
      atom = { kind: 'chars', chars: charsFor(c), min: 1, max: 1 };
      i++;
    }
    const [min, max, next] = parseQuantifier(src, i);
    atom.min = min;
    atom.max = max;
    i = next;
    seq.push(atom);
  }
  if (closing) throw new Unindexable();
  alternatives.push(seq);
  return [alternatives, i];
}

/** Longest first word indexed whole; longer ones (or unbounded repetitions) are indexed by their first letters. */
const MAX_WORD = 32;

/**
 * How an alternative can be found at a word start: by its whole first word (`words`, when every possible first
 * word can be listed) or else by the word's first KEY_LENGTH characters (`prefixes`). undefined when neither can
 * be worked out or it would not start at a word character.
 */
export function wordStartKeys(alternative: string, rightBounded = true): { words?: string[]; prefixes?: string[] } | undefined {
  let tree: Node[][];
  try {
    [tree] = parseAlternatives(alternative, 0, false);
  } catch (e) {
    if (e instanceof Unindexable) return undefined;
    throw e;
  }
  const words = walk(tree, MAX_WORD, true, rightBounded);
  if (words) return { words };
  const prefixes = walk(tree, KEY_LENGTH, false, rightBounded);
  return prefixes ? { prefixes } : undefined;
}

function walk(tree: Node[][], limit: number, whole: boolean, rightBounded: boolean): string[] | undefined {
  const keys = new Set<string>();
  let unindexable = false;
  const fail = () => {
    unindexable = true;
  };

  // continuation-passing walk: `rest` is what follows the current position
  const walkSeq = (seq: Node[], index: number, prefix: string, rest: (prefix: string) => void): void => {
    if (unindexable) return;
    if (prefix.length >= limit) return whole ? fail() : rest(prefix);
    if (index >= seq.length) return rest(prefix);
    const atom = seq[index]!;
    const next = (p: string) => walkSeq(seq, index + 1, p, rest);
    walkAtom(atom, 0, prefix, next);
  };

  const walkAtom = (atom: Atom, count: number, prefix: string, next: (prefix: string) => void): void => {
    if (unindexable) return;
    if (prefix.length >= limit) return whole ? fail() : next(prefix);
    if (atom.kind === 'assert') return next(prefix);
    if (count >= atom.min) next(prefix); // stop repeating here
    if (count >= atom.max || count >= limit + 1) return;
    if (atom.kind === 'opaque') return fail();
    const again = (p: string) => walkAtom(atom, count + 1, p, next);
    if (atom.kind === 'chars') {
      for (const c of atom.chars!) {
        if (c === BREAK) finish(prefix);
        else again(prefix + c);
      }
    } else {
      for (const alt of atom.group!) walkSeq(alt, 0, prefix, again);
    }
  };

  const finish = (prefix: string) => {
    if (!prefix) unindexable = true; // would start with a non-word character
    else keys.add(prefix);
    if (keys.size > MAX_KEYS) unindexable = true;
  };
  // the alternative ends here: without a right word edge the word may go on
  const end = (prefix: string) => {
    if (!rightBounded && (whole || prefix.length < KEY_LENGTH)) unindexable = true;
    else finish(prefix);
  };

  for (const alt of tree) walkSeq(alt, 0, '', end);
  if (unindexable || keys.size === 0) return undefined;
  return [...keys];
}

/** Hash of a whole word from its symbols (FNV-1a); the detector computes the same over a post's words. */
export function wordHash(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ symbol(word.charCodeAt(i)), 0x01000193);
  return h >>> 0;
}

/** A word-start key as a number (no string building on the hot path): 28 symbols per position. */
export function keyCode(key: string): number {
  let code = 0;
  for (let i = 0; i < KEY_LENGTH; i++) code = code * 28 + (i < key.length ? symbol(key.charCodeAt(i)) : 0);
  return code;
}

/** 1..26 for a-z, 27 for any digit, 0 for "no character". */
export function symbol(c: number): number {
  return c < 128 ? SYMBOLS[c]! : 0;
}

/** symbol() as a table for ASCII, for hot loops. */
export const SYMBOLS = new Uint8Array(128);
for (let c = 0x61; c <= 0x7a; c++) SYMBOLS[c] = c - 0x60;
for (let c = 0x30; c <= 0x39; c++) SYMBOLS[c] = 27;

/**
 * True when every way the alternative can start is a non-ASCII character (Thai, Burmese, CJK...): it can then
 * never match a post written only in ASCII, and its scan can be skipped there. False when unsure.
 */
export function startsNonAscii(alternative: string): boolean {
  const tree = rawAlternatives(alternative);
  if (!tree) return false;
  const firstOf = (seq: Node[]): boolean => {
    for (const atom of seq) {
      if (atom.kind === 'assert') continue;
      if (atom.min === 0) return false;
      if (atom.kind === 'chars') return atom.chars!.every((c) => c.charCodeAt(0) > 0x7f);
      if (atom.kind === 'group') return atom.group!.every(firstOf);
      return false;
    }
    return false;
  };
  return tree.every(firstOf);
}

/**
 * How an alternative written in a script without spaces (Thai, Burmese, CJK) can start: its first two characters
 * where they can be listed, else its first character, so the detector tries it only where the post has those.
 * undefined when it could start with an ASCII character or the start cannot be worked out (then it is scanned the
 * ordinary way).
 */
export function nonAsciiStarts(alternative: string): string[] | undefined {
  const tree = rawAlternatives(alternative);
  if (!tree) return undefined;
  const walkFirst = (limit: number): string[] | undefined => {
    const out = new Set<string>();
    let failed = false;
    const walkSeq = (seq: Node[], index: number, prefix: string, rest: (p: string) => void): void => {
      if (failed) return;
      if (prefix.length >= limit || index >= seq.length) return rest(prefix);
      const atom = seq[index]!;
      const next = (p: string) => walkSeq(seq, index + 1, p, rest);
      if (atom.kind === 'assert') return next(prefix);
      if (atom.min === 0 || atom.max !== 1) {
        failed = true; // optional or repeated: keep it simple and do not list
        return;
      }
      if (atom.kind === 'chars') {
        for (const c of atom.chars!) {
          if (c.charCodeAt(0) <= 0x7f) failed = true;
          else next(prefix + c);
        }
      } else if (atom.kind === 'group') {
        for (const alt of atom.group!) walkSeq(alt, 0, prefix, next);
      } else failed = true;
    };
    for (const alt of tree) walkSeq(alt, 0, '', (p) => (p.length === limit ? out.add(p) : (failed = true)));
    return failed || out.size === 0 || out.size > 64 ? undefined : [...out];
  };
  return walkFirst(2) ?? walkFirst(1);
}

/**
 * The characters an alternative can start with, looking through optional parts at its start ("(?:就|要说)?说" starts
 * with 就, 要 or 说), when each is a symbol or a letter outside ASCII ("#", "@", "+", "柬"): a text without any of them
 * cannot hold a match, and its scan can be skipped. undefined when one could be an ASCII letter or digit, a space or
 * an escaped character standing for several (all read as BREAK), or when unsure.
 */
export function symbolStarts(alternative: string): string[] | undefined {
  const first = firstChars(alternative);
  if (!first || first.size === 0 || first.size > 16) return undefined;
  for (const c of first) if (c === BREAK || isWordChar(c) || (c >= 'A' && c <= 'Z')) return undefined;
  return [...first];
}

/** Characters after a first word that a continuation filter looks at: the separator and the next word's first two. */
export const CONTINUATION_LENGTH = 3;
const MAX_CONTINUATIONS = 256;
const MAX_STEPS = 20_000;

/**
 * A text character as the continuation filter sees it: 1..26 for a-z, 27 for a digit, 28 for a space, 29 for
 * anything else (other punctuation, newlines, other scripts), 0 past the end of the text.
 */
export function continuationSymbol(c: number): number {
  if (c < 128) {
    const s = SYMBOLS[c]!;
    return s !== 0 ? s : c === 0x20 ? 28 : 29;
  }
  return 29;
}

/** The symbols a pattern character (as parseRaw reads it) may stand for. */
function continuationSymbolsOf(c: string): number[] {
  if (c === BREAK) return [28, 29]; // \s, or an escaped non-word character inside a class
  return [continuationSymbol(c.charCodeAt(0))];
}

/**
 * Codes of a continuation: up to CONTINUATION_LENGTH symbols packed base 30, a shorter one padded with 0, so a text's
 * continuation (t1, t2, t3) may match one of length 3, 2 or 1 as `continuationCode(t1, t2, t3)`,
 * `continuationCode(t1, t2, 0)` or `continuationCode(t1, 0, 0)`.
 */
export function continuationCode(s1: number, s2: number, s3: number): number {
  return (s1 * 30 + s2) * 30 + s3;
}

/**
 * For an alternative indexed by its whole first word (see wordStartKeys): what may follow each first word, as
 * continuation codes (see continuationCode), or null for a word after which anything may follow (the alternative can
 * end there, or what follows cannot be listed). The walk tries the alternative's list after that word only when the
 * post's next characters agree with one of them, instead of running a regular expression that would fail: "di"
 * starts many phrases ("di kamboja", "di luar negeri") and is followed by anything in most posts. undefined when the
 * alternative's first words cannot be listed this way (then every first word is tried as before).
 */
export function wordContinuations(alternative: string): Map<string, number[] | null> | undefined {
  const tree = rawAlternatives(alternative);
  if (!tree) return undefined;
  const out = new Map<string, Set<number> | null>();
  let failed = false;
  let steps = 0;
  const record = (word: string, symbols: number[]) => {
    if (!word) {
      failed = true;
      return;
    }
    if (symbols.length === 0) {
      out.set(word, null);
      return;
    }
    let codes = out.get(word);
    if (codes === null) return;
    if (codes === undefined) out.set(word, (codes = new Set()));
    codes.add(continuationCode(symbols[0]!, symbols[1] ?? 0, symbols[2] ?? 0));
    if (codes.size > MAX_CONTINUATIONS) failed = true;
  };
  // `symbols` is empty while the first word is still being read
  type Rest = (word: string, symbols: number[]) => void;
  const full = (word: string, symbols: number[]) => symbols.length >= CONTINUATION_LENGTH || word.length > MAX_WORD;
  const walkSeq = (seq: Node[], index: number, word: string, symbols: number[], rest: Rest): void => {
    if (failed || ++steps > MAX_STEPS) {
      failed = true;
      return;
    }
    if (full(word, symbols) || index >= seq.length) return rest(word, symbols);
    walkAtom(seq[index]!, 0, word, symbols, (w, s) => walkSeq(seq, index + 1, w, s, rest));
  };
  const walkAtom = (atom: Atom, count: number, word: string, symbols: number[], next: Rest): void => {
    if (failed || ++steps > MAX_STEPS) {
      failed = true;
      return;
    }
    if (full(word, symbols)) return next(word, symbols);
    if (atom.kind === 'assert') return next(word, symbols); // an assertion only narrows what can match
    if (count >= atom.min) next(word, symbols);
    if (count >= atom.max || count > MAX_WORD + CONTINUATION_LENGTH) return;
    if (atom.kind === 'opaque') {
      // any character: past the first word, what was read so far is still a prefix every match has
      if (symbols.length === 0) failed = true;
      else record(word, symbols);
      return;
    }
    const again: Rest = (w, s) => walkAtom(atom, count + 1, w, s, next);
    if (atom.kind === 'chars') {
      // characters that read as the same symbol are walked once ("[ ,/+&]" is a space or another character)
      // (and digits, which all read "0" in a word, once too)
      const within = new Set<string>();
      const after = new Set<number>();
      for (const c of atom.chars!) {
        if (symbols.length === 0 && c.length === 1 && isWordChar(c)) within.add(keyChar(c));
        else if (symbols.length === 0 && c !== BREAK && c.length === 1 && c >= 'A' && c <= 'Z') failed = true;
        else for (const s of continuationSymbolsOf(c)) after.add(s);
      }
      for (const c of within) again(word + c, symbols);
      for (const s of after) again(word, [...symbols, s]);
    } else {
      for (const alt of atom.group!) walkSeq(alt, 0, word, symbols, again);
    }
  };
  for (const alt of tree) walkSeq(alt, 0, '', [], record);
  if (failed || out.size === 0) return undefined;
  return new Map([...out].map(([word, codes]) => [word, codes && [...codes]]));
}

/**
 * Whether a match of the alternative could start with an ASCII letter or digit (true when unsure). Optional parts
 * at the start are looked through: "(?:就|要说)?说" can only start with a CJK character.
 */
export function mayStartWithWordChar(alternative: string): boolean {
  return mayStartWith(alternative, (c) => isWordChar(c) || (c >= 'A' && c <= 'Z'));
}

/** Whether a match of the alternative could start with a character outside ASCII (true when unsure). */
export function mayStartWithNonAscii(alternative: string): boolean {
  return mayStartWith(alternative, (c) => c.charCodeAt(0) > 0x7f);
}

function mayStartWith(alternative: string, wanted: (c: string) => boolean): boolean {
  const first = firstChars(alternative);
  return first === undefined || [...first].some(wanted);
}

/**
 * The characters a match of the alternative can start with, looking through optional parts at its start
 * ("(?:就|要说)?说" starts with 就, 要 or 说). undefined when unsure: the pattern does not parse, a part at its start is
 * opaque or a class member longer than one character, or the whole alternative can match nothing.
 */
function firstChars(alternative: string): Set<string> | undefined {
  const tree = rawAlternatives(alternative);
  if (!tree) return undefined;
  const out = new Set<string>();
  let unsure = false;
  // adds the characters the sequence from `index` can start with; returns whether it can match nothing at all
  const seqCanBeEmpty = (seq: Node[], index: number): boolean => {
    for (let k = index; k < seq.length && !unsure; k++) {
      const atom = seq[k]!;
      if (atom.kind === 'assert') continue;
      if (atom.kind === 'opaque') unsure = true;
      else if (atom.kind === 'chars') {
        for (const c of atom.chars!) {
          if (c.length !== 1) unsure = true;
          else out.add(c);
        }
      } else {
        let empty = false;
        for (const alt of atom.group!) if (seqCanBeEmpty(alt, 0)) empty = true;
        if (empty) continue;
      }
      if (atom.min > 0) return false;
    }
    return true;
  };
  for (const alt of tree) if (seqCanBeEmpty(alt, 0)) unsure = true;
  return unsure ? undefined : out;
}

/**
 * Longer starts of an alternative listed by nonAsciiStarts: each match begins with one of these (up to `limit`
 * characters, fewer where the next character cannot be listed), so a post's "ห้" need not run the expression of a
 * list whose alternatives there all go on "ห้าม" when the post goes on "ห้อง". undefined when unsure.
 */
export function nonAsciiPrefixes(alternative: string, limit = 4): string[] | undefined {
  const tree = rawAlternatives(alternative);
  if (!tree) return undefined;
  const out = new Set<string>();
  let failed = false;
  let steps = 0;
  const record = (prefix: string) => {
    if (prefix.length < 2) failed = true;
    else out.add(prefix);
  };
  const walkSeq = (seq: Node[], index: number, prefix: string, rest: (p: string) => void): void => {
    if (failed || ++steps > MAX_STEPS) {
      failed = true;
      return;
    }
    if (prefix.length >= limit || index >= seq.length) return rest(prefix);
    const atom = seq[index]!;
    const next = (p: string) => walkSeq(seq, index + 1, p, rest);
    if (atom.kind === 'assert') return next(prefix);
    // optional, repeated or unknown: what was read so far starts every match
    if (atom.min !== 1 || atom.max !== 1 || atom.kind === 'opaque') return record(prefix);
    if (atom.kind === 'chars') {
      // a digit may stand for any digit (\\d reads "0") and a break for any space: stop there too
      if (atom.chars!.some((c) => c.length !== 1 || c === BREAK || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))) return record(prefix);
      for (const c of atom.chars!) next(prefix + c);
    } else {
      for (const alt of atom.group!) walkSeq(alt, 0, prefix, next);
    }
  };
  for (const alt of tree) walkSeq(alt, 0, '', record);
  return failed || out.size === 0 || out.size > MAX_CONTINUATIONS ? undefined : [...out];
}
