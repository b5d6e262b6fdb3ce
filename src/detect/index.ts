/**
 * The detector: pure, on-device, explainable. `assessPost` normalises a post once, walks its words once to find the
 * cues of every family (rules are data: ./rules/default-pack.json), parses pay, and scores the families that
 * co-occur. Every signal quotes the post's own words: `evidence.text === text.slice(start, end)`.
 *
 * Extension points:
 * - `compileRulePack(json)` validates and compiles another pack (signed rule updates): `{ ok, pack } | { ok, error }`,
 *   the error naming the field ("families.pay.patterns[3].re: invalid regular expression"); pass it as `options.rules`.
 * - `extendRulePack(pack, extra)` or `options.extra`: an NGO's plain phrases per family (known_recruiter included).
 * - `options.isKnownRecruiter(contact)`: contacts found in the post (phones, handles, links, e-mails) in canonical
 *   form, for matching against an NGO's (hashed) list.
 * - `defaultRulePack()` compiles the shipped pack; call it when idle to keep that cost off the first post.
 */
import { decideLanguage, StopWordCounts } from './lang';
import { normalizeShared, toOriginalSpan, type NormalizedText } from './normalize';
import { answeredAtOnce, hasReferent, isBare, isHeading, isHypothetical, isQuestion, isReported, listItems, sentenceAround, sentenceBefore, within } from './context';
import { baitStrength, findMoney, type Span } from './pay';
import { defaultRulePack, extendRulePack, lookupWord, NO_FILTER, pairSlot, type CompiledList, type CompiledRulePack, type ExtraPhrases, type MarkerKind } from './rules';
import { continuationCode, continuationSymbol, SYMBOLS } from './rules/prefix';
import type { Assessment, Evidence, Level, Signal, SignalFamily } from './types';

// a module-level copy: read in the hottest loop, once per character
const SYMBOL_TABLE = SYMBOLS;

export type * from './types';
export { normalizeText, toOriginalSpan } from './normalize';
export { guessLanguage } from './lang';
export { compileRulePack, defaultRulePack, extendRulePack, RulePackSchema } from './rules';
export type { CompiledRulePack, CompileResult, ExtraPhrases, RulePack } from './rules';

/** A contact found in a post, in a canonical form an NGO list can be matched (or hashed) against. */
export interface PostContact {
  kind: 'phone' | 'handle' | 'link' | 'email';
  /** phone: digits only, without "+" or "00"; handle: lower case, without "@"; link and email: lower case. */
  value: string;
}

export interface AssessOptions {
  /** A compiled rule pack to use instead of the shipped one (a signed update; see compileRulePack). */
  rules?: CompiledRulePack;
  /**
   * Extra phrases per family from an NGO profile, added on top of `rules` (or the shipped pack). Compiled once per
   * array (kept by identity), so pass the same array for every post. Check them first with extendRulePack: an
   * invalid list makes assessPost throw.
   */
  extra?: ExtraPhrases[];
  /**
   * Known-recruiter hook: return true for a contact on an NGO's list; the post is then flagged high with that reason.
   * `original` is the contact as the post wrote it (before normalisation, which can read "0" in a handle as "o").
   */
  isKnownRecruiter?: (contact: PostContact, original: string) => boolean;
}

const extended = new WeakMap<CompiledRulePack, WeakMap<ExtraPhrases[], CompiledRulePack>>();

/** The pack with an NGO's extra phrases, compiled on first use and cached. */
function withExtra(pack: CompiledRulePack, extra: ExtraPhrases[]): CompiledRulePack {
  let byExtra = extended.get(pack);
  if (!byExtra) extended.set(pack, (byExtra = new WeakMap()));
  let result = byExtra.get(extra);
  if (!result) {
    const compiled = extendRulePack(pack, extra);
    if (!compiled.ok) throw new Error(`extra phrases: ${compiled.error}`);
    result = compiled.pack;
    byExtra.set(extra, result);
  }
  return result;
}

/** Families whose presence raises the risk (the gate, warnings and legitimacy are handled apart). */
const RISK_FAMILIES: SignalFamily[] = [
  'destination', 'role', 'pay', 'ease', 'costs', 'visa', 'urgency', 'contact', 'upfront', 'anonymity', 'known_recruiter',
];
/** Families that say little alone: a level needs other families besides these. */
const SUPPORTING_FAMILIES = new Set<SignalFamily>(['contact', 'anonymity', 'urgency']);
/** Stop collecting matches of one family after this many (pathological inputs). */
const MAX_MATCHES = 200;

interface Hit {
  cue: number;
  start: number;
  end: number;
}

/** The cue matching at `start` (sticky), as a hit; undefined when none does. */
function identifyAt(list: CompiledList, text: string, start: number): Hit | undefined {
  const { identify, groupCue } = list;
  identify.lastIndex = start;
  const m = identify.exec(text);
  if (!m || m[0].length === 0) return undefined;
  let group = 1;
  while (group < m.length && m[group] === undefined) group++;
  return { cue: groupCue[group] ?? 0, start, end: start + m[0].length };
}

/** The domain part of e-mail addresses, for the known-recruiter hook (exported for the ReDoS test). */
export const EMAIL_SOURCE = '@[a-z0-9-]{2,30}(?:\\.[a-z]{2,10}){1,3}';
const EMAIL_DOMAIN = new RegExp(EMAIL_SOURCE, 'g');
const LOCAL_PART = /[a-z0-9._%+-]/;

/** Addresses: each "@domain" with the local part before it (read backwards, at most 40 characters). */
function emailsIn(text: string): Span[] {
  const out: Span[] = [];
  EMAIL_DOMAIN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = EMAIL_DOMAIN.exec(text)) !== null) {
    let start = m.index;
    while (start > 0 && m.index - start < 40 && LOCAL_PART.test(text[start - 1]!)) start--;
    if (start < m.index) out.push({ start, end: m.index + m[0].length });
  }
  return out;
}
/** Web addresses (a host with a letter TLD, optional path), for the known-recruiter hook only (exported for the ReDoS test). */
export const WEB_ADDRESS_SOURCE =
  '(?<![a-z0-9@/._-])(?:https?://)?[a-z0-9][a-z0-9-]{0,62}(?:\\.[a-z0-9][a-z0-9-]{0,62}){0,4}\\.[a-z]{2,12}(?![a-z0-9@-])(?:/[a-z0-9._~%/+=?&#-]{0,200})?';
const WEB_ADDRESS = new RegExp(WEB_ADDRESS_SOURCE, 'g');

const NO_HITS: Hit[] = [];

/** Lists of the gate (recruitment, destination, visa) per pack: a post with none of them is not assessed further. */
const gateSlotsByPack = new WeakMap<CompiledRulePack, Uint8Array>();
function gateSlots(pack: CompiledRulePack): Uint8Array {
  let gate = gateSlotsByPack.get(pack);
  if (!gate) {
    gate = new Uint8Array(pack.lists.length);
    for (const family of ['recruitment', 'destination', 'visa'] as const) {
      const list = pack.families[family];
      if (list) gate[pack.lists.indexOf(list)] = 1;
    }
    gateSlotsByPack.set(pack, gate);
  }
  return gate;
}

/** A walk's matches so far; `deferred` holds (list, position) tries put off until the post passes the gate. */
interface WordScan {
  hits: Hit[][];
  lastEnd: Int32Array;
  deferred: number[];
  /** Per list: 1 once its residual alternatives were added to its hits (see assessPost). */
  complete: Uint8Array;
}

/**
 * A finished walk's arrays, kept for the next post (allocating typed arrays per post costs more than clearing them).
 * Taken while in use, so a post assessed from inside another's callback gets arrays of its own.
 */
let spareScan: WordScan | undefined;

function freshScan(lists: number, reuse: boolean): WordScan {
  const spare = spareScan;
  if (reuse && spare && spare.hits.length === lists) {
    spareScan = undefined;
    spare.hits.fill(NO_HITS);
    spare.lastEnd.fill(0);
    spare.complete.fill(0);
    spare.deferred.length = 0;
    return spare;
  }
  return { hits: new Array<Hit[]>(lists).fill(NO_HITS), lastEnd: new Int32Array(lists), deferred: [], complete: new Uint8Array(lists) };
}

/** Tries list `slot` at `at`, after the previous hit of that list (hits of a list never overlap). */
function tryAt(pack: CompiledRulePack, scan: WordScan, text: string, slot: number, at: number): void {
  const { hits, lastEnd } = scan;
  if (at < lastEnd[slot]! || hits[slot]!.length >= MAX_MATCHES) return;
  const hit = identifyAt(pack.lists[slot]!, text, at);
  if (hit) {
    if (hits[slot] === NO_HITS) hits[slot] = [];
    hits[slot]!.push(hit);
    lastEnd[slot] = hit.end;
  }
}

/** Runs the tries a gated walk put off, in walk order, so each list's hits come out as an ungated walk finds them. */
function runDeferred(pack: CompiledRulePack, scan: WordScan, text: string): void {
  const { deferred } = scan;
  for (let k = 0; k < deferred.length; k += 2) tryAt(pack, scan, text, deferred[k]!, deferred[k + 1]!);
  deferred.length = 0;
}

/**
 * All lists' matches in one walk over the words: at each word, only the lists with an alternative starting that
 * way are tried. Alternatives that cannot be indexed are scanned for by `scanResidual`, list by list, only for the
 * lists a post still needs (after the recruitment gate). With `gate`, only the gate's lists are tried during the
 * walk; the other tries are noted and run by `runDeferred` once the post passes the gate (most posts do not, and
 * their regular expressions are never run). Returns hits per list index.
 */
function scanWords(pack: CompiledRulePack, text: string, stopWords: StopWordCounts, gate?: Uint8Array, reuse = false): WordScan {
  const lists = pack.lists;
  const scan = freshScan(lists.length, reuse);
  const { deferred } = scan;
  const tryLists = (slots: number[], at: number) => {
    for (const slot of slots) {
      if (gate && !gate[slot]) deferred.push(slot, at);
      else tryAt(pack, scan, text, slot, at);
    }
  };
  const { wordTable, listsByKey, keySlots, listsByChar, prefixesByChar, startsByChar, pairsByChar } = pack;
  const words = wordTable.data;
  const table = SYMBOL_TABLE;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c0 = text.charCodeAt(i);
    const s0 = c0 < 128 ? table[c0]! : 0;
    if (s0 === 0) {
      // Thai, Burmese, CJK: no words to walk; try the lists with an alternative starting with this character
      if (c0 >= 128) {
        const starts = startsByChar[c0]!;
        if (starts & 1) tryLists(listsByChar.get(c0)!, i);
        if (starts & 2 && i + 1 < n && pairsByChar[pairSlot(c0, text.charCodeAt(i + 1))]) {
          const code = c0 * 65536 + text.charCodeAt(i + 1);
          const byTwo = listsByChar.get(code);
          if (byTwo) {
            const prefixes = prefixesByChar.get(code)!;
            for (let k = 0; k < byTwo.length; k++) {
              // the list's alternatives starting with these two characters go on in ways this post may not
              const longer = prefixes[k];
              if (longer && !startsWithAny(text, longer, i)) continue;
              const slot = byTwo[k]!;
              if (gate && !gate[slot]) deferred.push(slot, i);
              else tryAt(pack, scan, text, slot, i);
            }
          }
        }
      }
      i++;
      continue;
    }
    // the word's hash (FNV-1a over symbols, as wordHash) and its first three symbols
    let hash = Math.imul(0x811c9dc5 ^ s0, 0x01000193);
    let s1 = 0;
    let s2 = 0;
    let j = i + 1;
    while (j < n) {
      const c = text.charCodeAt(j);
      const sym = c < 128 ? table[c]! : 0;
      if (sym === 0) break;
      if (j === i + 1) s1 = sym;
      else if (j === i + 2) s2 = sym;
      hash = Math.imul(hash ^ sym, 0x01000193);
      j++;
    }
    const entry = lookupWord(wordTable, hash >>> 0);
    const byKey = listsByKey[(s0 * 28 + s1) * 28 + s2]!;
    if (entry >= 0) {
      // the entry's lists, each with its filter (see WordTable)
      const stop = words[entry]!;
      const count = words[entry + 1]!;
      let at = entry + 2;
      // what follows the word, read only when a list asks (see wordContinuations)
      let after3 = -1;
      let after2 = 0;
      let after1 = 0;
      for (let k = 0; k < count; k++) {
        const slot = words[at]!;
        const codes = words[at + 1]!;
        at += 2;
        if (codes !== NO_FILTER) {
          if (after3 < 0) {
            const t1 = j < n ? continuationSymbol(text.charCodeAt(j)) : 0;
            const t2 = j + 1 < n ? continuationSymbol(text.charCodeAt(j + 1)) : 0;
            const t3 = j + 2 < n ? continuationSymbol(text.charCodeAt(j + 2)) : 0;
            after1 = continuationCode(t1, 0, 0);
            after2 = continuationCode(t1, t2, 0);
            after3 = continuationCode(t1, t2, t3);
          }
          let follows = false;
          const end = at + codes;
          for (let q = at; q < end; q++) {
            const code = words[q]!;
            if (code === after3 || code === after2 || code === after1) {
              follows = true;
              break;
            }
          }
          at = end;
          if (!follows) continue;
        }
        if (gate && !gate[slot]) deferred.push(slot, i);
        else tryAt(pack, scan, text, slot, i);
      }
      if (stop && stopWords.words < 400) stopWords.add(stop);
    }
    if (byKey) tryLists(keySlots[byKey - 1]!, i);
    stopWords.words++;
    i = j;
  }
  return scan;
}

/** Whether `text` has one of `prefixes` at `at`. */
function startsWithAny(text: string, prefixes: string[], at: number): boolean {
  for (let k = 0; k < prefixes.length; k++) if (text.startsWith(prefixes[k]!, at)) return true;
  return false;
}

/** Adds the matches of a list's non-indexed alternatives to its hits, in order and without overlaps. */
function scanResidual(list: CompiledList, text: string, found: Hit[]): Hit[] {
  const residual = list.residual;
  if (!residual) return found;
  // every match starts with one of a few symbols ("#", "@"): most posts have none of them
  if (list.residualStarts && !list.residualStarts.some((c) => text.includes(c))) return found;
  const before = found.length;
  const literals = list.residualLiterals;
  const residualAt = list.residualAt;
  if (literals && residualAt) {
    // every match starts with one of these letters: try the sticky pattern where they occur, in text order (as the
    // global scan below would find the matches, without running the pattern at every position in between)
    let from = 0;
    for (;;) {
      let at = -1;
      for (let k = 0; k < literals.length; k++) {
        const next = text.indexOf(literals[k]!, from);
        if (next >= 0 && (at < 0 || next < at)) at = next;
      }
      if (at < 0) break;
      residualAt.lastIndex = at;
      const m = residualAt.exec(text);
      if (m === null) {
        from = at + 1;
        continue;
      }
      if (found === NO_HITS) found = [];
      if (found.length >= MAX_MATCHES) break;
      found.push(identifyAt(list, text, at) ?? { cue: 0, start: at, end: at + m[0].length });
      from = at + Math.max(1, m[0].length);
    }
  } else {
    residual.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = residual.exec(text)) !== null) {
      if (found === NO_HITS) found = [];
      if (found.length >= MAX_MATCHES) break;
      found.push(identifyAt(list, text, m.index) ?? { cue: 0, start: m.index, end: m.index + m[0].length });
      if (m[0].length === 0) residual.lastIndex++;
    }
  }
  if (found.length > before && before > 0) {
    found.sort((a, b) => a.start - b.start || b.end - a.end);
    let write = 0;
    for (const hit of found) if (write === 0 || hit.start >= found[write - 1]!.end) found[write++] = hit;
    found.length = write;
  }
  return found;
}

/**
 * Every list's matches in a normalised text, as [start, end, cue] per list (in `pack.lists` order). The same
 * search assessPost runs; exported so tests can hold it to a plain scan of each list.
 */
export function findCues(pack: CompiledRulePack, text: string): [number, number, number][][] {
  const { hits } = scanWords(pack, text, new StopWordCounts());
  return pack.lists.map((list, slot) => scanResidual(list, text, hits[slot]!).map((h) => [h.start, h.end, h.cue]));
}

/** A cue's evidence and weight while the signal list is assembled. */
interface CueSignal {
  id: string;
  family: SignalFamily;
  /** Cue strength 0..1 within its family (before the family weight). */
  strength: number;
  tag: string | undefined;
  spans: Span[];
}

class SignalSet {
  readonly byId = new Map<string, CueSignal>();
  /** Strongest cue per family, kept as cues are added (asked for many times per post); undefined after a delete. */
  private best: Map<SignalFamily, number> | undefined = new Map();
  constructor(private readonly maxEvidence: number) {}

  /** `key` is the signal id, `family.cue`. */
  add(family: SignalFamily, key: string, strength: number, span: Span, tag?: string): void {
    let signal = this.byId.get(key);
    if (!signal) {
      signal = { id: key, family, strength, tag, spans: [] };
      this.byId.set(key, signal);
    }
    signal.strength = Math.max(signal.strength, strength);
    if (this.best && signal.strength > (this.best.get(family) ?? 0)) this.best.set(family, signal.strength);
    if (signal.spans.length < this.maxEvidence && !signal.spans.some((s) => s.start === span.start && s.end === span.end)) {
      signal.spans.push(span);
    }
  }

  delete(predicate: (signal: CueSignal) => boolean): void {
    for (const [key, signal] of this.byId) if (predicate(signal)) this.byId.delete(key);
    this.best = undefined;
  }

  inFamily(family: SignalFamily): CueSignal[] {
    const out: CueSignal[] = [];
    for (const signal of this.byId.values()) if (signal.family === family) out.push(signal);
    return out;
  }

  /** Strongest cue of a family, 0 when absent. */
  strength(family: SignalFamily): number {
    if (this.best) return this.best.get(family) ?? 0;
    let best = 0;
    for (const signal of this.byId.values()) if (signal.family === family && signal.strength > best) best = signal.strength;
    return best;
  }

  has(family: SignalFamily, predicate: (signal: CueSignal) => boolean = () => true): boolean {
    for (const signal of this.byId.values()) if (signal.family === family && predicate(signal)) return true;
    return false;
  }
}

function addFamilyHits(
  signals: SignalSet,
  pack: CompiledRulePack,
  family: SignalFamily,
  hits: Hit[],
  lang: string,
): void {
  const list = pack.families[family];
  if (!list) return;
  for (const hit of hits) {
    const cue = list.cues[hit.cue]!;
    if (cue.skipLangs?.includes(lang as never)) continue;
    signals.add(family, cue.signalId, cue.weight, hit, cue.tag);
  }
}

function spansOf(hits: Hit[]): Span[] {
  return hits.map(({ start, end }) => ({ start, end })).sort((a, b) => a.start - b.start);
}

/** The contact a contact cue found, with its span (for "tg: @name", only "@name"). */
function contactOf(text: string, hit: Hit, cueId: string): { contact: PostContact; span: Span } | undefined {
  const raw = text.slice(hit.start, hit.end);
  if (cueId === 'phone') {
    const digits = raw.replace(/\D/g, '').replace(/^00/, '');
    return digits.length >= 8 ? { contact: { kind: 'phone', value: digits }, span: hit } : undefined;
  }
  if (cueId === 'chat_link') return { contact: { kind: 'link', value: raw }, span: hit };
  if (cueId === 'handle') {
    const handle = /@?([a-z0-9_][a-z0-9_.]{2,31})$/.exec(raw);
    if (!handle) return undefined;
    const value = handle[1]!;
    const span = { start: hit.start + handle.index, end: hit.end };
    return { contact: /^\d{8,}$/.test(value) ? { kind: 'phone', value } : { kind: 'handle', value }, span };
  }
  return undefined;
}

/** Two different legs of a journey (cues tagged `route`) read as a destination change: `destination.route_change`. */
function addRouteChange(signals: SignalSet, text: string): void {
  const legs: Span[] = [];
  const words = new Set<string>();
  for (const signal of signals.byId.values()) {
    if (signal.tag !== 'route') continue;
    for (const span of signal.spans) {
      const word = text.slice(span.start, span.end);
      if (!words.has(word)) legs.push(span);
      words.add(word);
    }
  }
  if (legs.length < 2) return;
  for (const span of legs) signals.add('destination', 'destination.route_change', 0.9, span);
}

/**
 * Sorts hits by who speaks. In the poster's own voice, a reassurance ("bukan penipuan", "don't believe the news")
 * or an instruction to lie at the airport ("kalau ditanya, bilang liburan") is a risk cue, and the warning words in
 * its sentence belong to it ("petugas", "berita"), as does a question it answers at once ("Penipuan? TIDAK!").
 * Quoted, reported or asked ("mereka mengaku bukan penipuan", "a recruiter tells you to say you are a tourist"), it
 * is the recruiter's line that a warning repeats: no cue, and the warning stands.
 */
function byVoice(
  pack: CompiledRulePack,
  text: string,
  anonymity: Hit[],
  visa: Hit[],
  warning: Hit[],
): { anonymity: Hit[]; visa: Hit[]; warning: Hit[] } {
  const own: Span[] = [];
  const answered: Span[] = [];
  // an advisory imagines the offer it warns of ("if a job offer tells you to say you are a tourist, ..."): no instruction
  const warned = warning.some((hit) => pack.families.warning!.cues[hit.cue]!.tag !== 'ask');
  const sortOut = (list: CompiledList | undefined, hits: Hit[], tag: string): Hit[] => {
    if (!list || !hits.length) return hits;
    return hits.filter((hit) => {
      if (list.cues[hit.cue]!.tag !== tag) return true;
      if (isReported(text, hit) || (warned && isHypothetical(text, hit))) return false;
      const sentence = sentenceAround(text, hit);
      // "靠谱吗?", "bukan penipuan kan?": asking, not vouching
      if (isQuestion(text, sentence)) return false;
      own.push(sentence);
      // the question it answers, past a one-word answer ("Penipuan? TIDAK! Kami resmi.")
      let before = sentenceBefore(text, hit);
      if (before && before.end - before.start < 16) {
        answered.push(before);
        before = sentenceBefore(text, before);
      }
      if (before) answered.push(before);
      return true;
    });
  };
  const ownAnonymity = sortOut(pack.families.anonymity, anonymity, 'reassurance');
  const ownVisa = sortOut(pack.families.visa, visa, 'lie');
  if (!own.length) return { anonymity: ownAnonymity, visa: ownVisa, warning };
  const warningCues = pack.families.warning!.cues;
  return {
    anonymity: ownAnonymity,
    visa: ownVisa,
    warning: warning.filter((hit) => {
      const tag = warningCues[hit.cue]!.tag;
      return !within(hit, own) && !((tag === 'judgement' || tag === 'ask') && within(hit, answered));
    }),
  };
}

/**
 * Evaluation words ("legit", "aman", "betul", "uy tín", cues tagged `ask`) ask about the offer only in a sentence
 * that asks and does not itself recruit: "Ini betul ke scam?", "Should I take it?", but not "Cari kerja yang aman
 * dan legal?" nor "100% aman". A pitch asks too, rhetorically and bare ("Aman? Japri", "Legit ba? Message us"): an
 * evaluation word counts only when its question points at the offer or the asker ("is it", "ini", "mình") or the
 * post asks in other words as well, and a bare question ("Legit ba?") only beside another way of asking.
 */
function asking(pack: CompiledRulePack, text: string, warning: Hit[], recruitment: Hit[]): Hit[] {
  const cues = pack.families.warning?.cues;
  if (!cues || !warning.some((hit) => cues[hit.cue]!.tag === 'ask' || cues[hit.cue]!.tag === 'judgement')) return warning;
  const recruitmentCues = pack.families.recruitment?.cues ?? [];
  const recruits = recruitment.filter((hit) => recruitmentCues[hit.cue]!.weight >= 1);
  // an invitation's sentence and the one before it ("Anyone keen to work abroad? Come with me to Cambodia")
  const invited: Span[] = [];
  for (const hit of recruits) {
    if (recruitmentCues[hit.cue]!.tag !== 'invite') continue;
    invited.push(sentenceAround(text, hit));
    const before = sentenceBefore(text, hit);
    if (before) invited.push(before);
  }
  const bare: Hit[] = [];
  let judged = false;
  const kept = warning.filter((hit) => {
    const tag = cues[hit.cue]!.tag;
    if (tag !== 'ask' && tag !== 'judgement') return true;
    const sentence = sentenceAround(text, hit);
    // "Who wants to work abroad with me?": the poster invites, and asks nothing about an offer
    if (within(hit, invited)) return false;
    const question = isQuestion(text, sentence);
    // "Is this real? YES!": the poster answers its own question
    if (question && answeredAtOnce(text, sentence)) return false;
    if (tag === 'ask' && !(question && !recruits.some((r) => within(r, [sentence])))) return false;
    const pointed = hasReferent(text, sentence);
    if (question && !pointed && isBare(text, sentence, hit)) bare.push(hit);
    else if (tag === 'judgement') judged = true;
    else if (!pointed) bare.push(hit);
    return true;
  });
  // asked in more than a bare word, or a bare question beside a judgement ("Legit ba? May nag-alok sa akin...")
  if (!bare.length || judged) return kept;
  return kept.filter((hit) => !bare.includes(hit));
}

function levelFor(score: number, pack: CompiledRulePack): Level {
  if (score >= pack.scoring.high) return 'high';
  if (score >= pack.scoring.caution) return 'caution';
  return 'none';
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function toSignals(signals: SignalSet, pack: CompiledRulePack, norm: NormalizedText): Signal[] {
  const out: Signal[] = [];
  for (const signal of signals.byId.values()) {
    const familyWeight = pack.families[signal.family]?.weight ?? 1;
    let weight: number;
    if (signal.family === 'recruitment') weight = 0;
    else if (signal.family === 'warning' || signal.family === 'legitimacy') weight = -signal.strength * familyWeight;
    else weight = signal.strength * familyWeight;
    const evidence: Evidence[] = [];
    for (const span of signal.spans) {
      const quote = toOriginalSpan(norm, span.start, span.end);
      if (!evidence.some((e) => e.start === quote.start && e.end === quote.end)) evidence.push(quote);
    }
    if (evidence.length) out.push({ id: signal.id, family: signal.family, weight: round(weight), evidence });
  }
  return out.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight) || a.id.localeCompare(b.id));
}

/**
 * Assesses one post. Levels come from families that co-occur: nothing is flagged without a recruitment cue, one
 * family alone never flags, warnings and news damp, concrete legitimacy damps unless scam cues pile up.
 */
export function assessPost(text: string, options: AssessOptions = {}): Assessment {
  const base = options.rules ?? defaultRulePack();
  const pack = options.extra?.length ? withExtra(base, options.extra) : base;
  const norm = normalizeShared(typeof text === 'string' ? text : '', pack.lexicon);
  const t = norm.text;
  const signals = new SignalSet(pack.scoring.maxEvidence);

  const stopWords = new StopWordCounts();
  const wantsContacts = Boolean(options.isKnownRecruiter) || Boolean(pack.families.known_recruiter?.cues.length);
  const scan = scanWords(pack, t, stopWords, wantsContacts ? undefined : gateSlots(pack), true);
  const wordHits = scan.hits;
  const lang = decideLanguage(norm.scripts, stopWords);
  const complete = scan.complete;
  const hitsOf = (list: CompiledList | undefined): Hit[] => {
    if (!list) return NO_HITS;
    const slot = pack.slotOf.get(list)!;
    if (!complete[slot]) {
      wordHits[slot] = scanResidual(list, t, wordHits[slot]!);
      complete[slot] = 1;
    }
    return wordHits[slot]!;
  };
  const recruitmentHits = hitsOf(pack.families.recruitment);
  const destinationHits = hitsOf(pack.families.destination);
  // nothing that recruits and nothing that goes abroad: this cannot become a warning
  if (!recruitmentHits.length && !destinationHits.length && !hitsOf(pack.families.visa).length && !wantsContacts) {
    spareScan = scan;
    return { level: 'none', score: 0, lang, signals: [] };
  }
  runDeferred(pack, scan, t);
  addFamilyHits(signals, pack, 'recruitment', recruitmentHits, lang);
  addFamilyHits(signals, pack, 'destination', destinationHits, lang);

  // who speaks: a reassurance the poster makes cancels the warning words around it; one a warning quotes is no cue
  const voiced = byVoice(pack, t, hitsOf(pack.families.anonymity), hitsOf(pack.families.visa), asking(pack, t, hitsOf(pack.families.warning), recruitmentHits));
  const families: SignalFamily[] = ['role', 'pay', 'ease', 'costs', 'urgency', 'upfront', 'legitimacy', 'known_recruiter'];
  for (const family of families) addFamilyHits(signals, pack, family, hitsOf(pack.families[family]), lang);
  addFamilyHits(signals, pack, 'anonymity', voiced.anonymity, lang);
  addFamilyHits(signals, pack, 'visa', voiced.visa, lang);
  addFamilyHits(signals, pack, 'warning', voiced.warning, lang);
  const contactHits = hitsOf(pack.families.contact);
  addFamilyHits(signals, pack, 'contact', contactHits, lang);

  const markerHits = (kind: MarkerKind) => hitsOf(pack.markers[kind]);
  const skilled = markerHits('skilledRole').length > 0;
  const company = markerHits('company');
  const address = markerHits('address');
  const legitDestination = markerHits('legitDestination').length > 0;
  const remote = markerHits('remote').length > 0;

  // pay: parse amounts and judge them against the role; amounts after a fee word are fees asked up front
  const money = /\d/.test(t)
    ? findMoney(t, lang, spansOf(markerHits('salaryWord')), spansOf(markerHits('feeWord')), pack.pay.defaultCurrency, 32, spansOf(markerHits('priceWord')))
    : [];
  let strongestPay = 0;
  for (const mention of money) {
    if (mention.kind === 'fee') {
      signals.add('upfront', 'upfront.fee_amount', 0.8, mention);
      continue;
    }
    if (mention.kind === 'price') continue;
    const strength = baitStrength(mention, pack.pay, skilled);
    if (strength > 0) {
      signals.add('pay', 'pay.amount', strength, mention);
      strongestPay = Math.max(strongestPay, strength);
    }
  }

  // known recruiters: contacts checked against an NGO's list
  if (options.isKnownRecruiter) {
    const isKnown = options.isKnownRecruiter;
    const handed: Span[] = [];
    const check = (contact: PostContact, span: Span) => {
      handed.push(span);
      if (isKnown(contact, toOriginalSpan(norm, span.start, span.end).text)) {
        signals.add('known_recruiter', 'known_recruiter.listed_contact', 1, span);
      }
    };
    const contactCues = pack.families.contact?.cues ?? [];
    for (const hit of contactHits) {
      const found = contactOf(t, hit, contactCues[hit.cue]!.id);
      if (found) check(found.contact, found.span);
    }
    for (const span of emailsIn(t)) check({ kind: 'email', value: t.slice(span.start, span.end) }, span);
    // other web addresses (a recruiter's page or site), unless already handed over as a chat link or an e-mail
    WEB_ADDRESS.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = WEB_ADDRESS.exec(t)) !== null) {
      const span = { start: m.index, end: m.index + m[0].length };
      if (!handed.some((h) => span.start < h.end && span.end > h.start)) check({ kind: 'link', value: m[0] }, span);
    }
  }

  // the route changes on the way: two legs of it (a hub first, an airport pickup, a handover, an overland leg) make a
  // risky destination of their own, wherever the offer says the job is
  addRouteChange(signals, t);

  // destinations: a vague "abroad" means little next to an official placement country, and nothing for remote work
  const riskyDestination = signals.has('destination', (s) => s.strength >= 0.8);
  if (!riskyDestination && (legitDestination || remote)) {
    signals.delete((s) => s.family === 'destination' && (s.id === 'destination.abroad' || remote));
  }

  // anonymity: a chat contact and nothing that names or locates the employer
  const hasContact = signals.has('contact');
  // concrete proof: a licence number, an official channel, a G to G programme, a work visa with a contract, or
  // several independent details a fake would not bother with (address, business licence, in-person interview...)
  const weakLegit = signals.inFamily('legitimacy').filter((s) => !s.tag).length;
  const concreteLegit = signals.has('legitimacy', (s) => s.tag === 'concrete') ||
    (signals.has('legitimacy', (s) => s.tag === 'visa') && signals.has('legitimacy', (s) => s.tag === 'contract')) ||
    weakLegit >= 3;
  if (hasContact && company.length === 0 && address.length === 0 && !concreteLegit && recruitmentHits.length) {
    for (const signal of signals.inFamily('contact')) for (const span of signal.spans) signals.add('anonymity', 'anonymity.no_company', 0.6, span);
  }
  if (company.length && address.length) signals.add('legitimacy', 'legitimacy.named_employer', 0.6, company[0]!);

  // risk: distinct families with diminishing weight, plus the combinations that mark this kind of scam
  const strengths = new Map<SignalFamily, number>();
  for (const family of RISK_FAMILIES) {
    const s = signals.strength(family);
    if (s > 0) strengths.set(family, s * (pack.families[family]?.weight ?? 1));
  }
  const ordered = [...strengths.values()].sort((a, b) => b - a);
  let raw = 0;
  let factor = 1;
  for (const value of ordered) {
    raw += value * factor;
    factor *= pack.scoring.decay;
  }
  for (const combo of pack.scoring.combos) {
    let weakest = Infinity;
    for (const family of combo.families) weakest = Math.min(weakest, signals.strength(family));
    if (weakest > 0 && weakest !== Infinity) raw += combo.bonus * weakest;
  }
  // the gate: words that recruit, or the shape of an offer (a bait role with pay, perks, ease or a contact)
  const offerFamilies = (['pay', 'costs', 'ease', 'urgency', 'contact'] as SignalFamily[]).filter((f) => signals.has(f)).length;
  const recruiting = recruitmentHits.length > 0 || (signals.has('role') && offerFamilies >= 1) || (signals.has('pay') && offerFamilies >= 3);
  // told to lie about the purpose of the journey: a red flag of its own in anything that recruits
  const toldToLie = recruiting && signals.has('visa', (s) => s.tag === 'lie');
  if (toldToLie) raw += pack.scoring.lieBonus ?? 0;
  let score = 1 - Math.exp(-raw / pack.scoring.scale);
  const abroad = signals.has('destination') || signals.has('visa');
  if (!abroad) score *= pack.scoring.notAbroadFactor;
  if (!recruiting) score *= 0.3;

  // warnings, news, questions, verdicts: damp by their weight; a post that itself recruits is damped less
  let questionWeight = 0;
  let warningWeight = 0;
  // a way to apply: an address (number, handle, link) or a call to write; a channel merely named is none
  const wayToApply = signals.has('contact', (s) => s.tag === 'address');
  // an awareness post: a list of three or more items framed by warning words ("5 ciri loker palsu:", "red flags") and
  // no way to apply educates; a list under an offer's own heading (benefits, syarat, 福利) is a job ad
  const awarenessFramed = signals.has('warning', (s) => s.tag === undefined || s.tag === 'education');
  if (!wayToApply && awarenessFramed && score >= pack.scoring.caution * 0.5 && listItems(t) >= 3 &&
    !markerHits('offerHeading').some((hit) => isHeading(t, hit))) {
    questionWeight += 1;
  }
  for (const signal of signals.inFamily('warning')) {
    // several different phrases of one kind (a report that names police, suspects and victims) weigh more than one
    const strength = signal.strength * (1 + 0.5 * Math.min(signal.spans.length - 1, 2));
    // the poster asks about the offer or judges it: full strength even when the post quotes the offer's contact
    if (signal.tag === 'judgement' || signal.tag === 'ask' || (signal.tag === 'education' && !wayToApply)) questionWeight += strength;
    else warningWeight += strength;
  }
  const warningFamilyWeight = pack.families.warning?.weight ?? 1;
  questionWeight = Math.min(questionWeight, 4) * warningFamilyWeight;
  warningWeight = Math.min(warningWeight, 4) * warningFamilyWeight;
  // "recruits itself": a way to apply (a number, handle, link, "DM"), not an app merely named, plus words that recruit
  const recruitsItself = wayToApply && recruitmentHits.some((hit) => pack.families.recruitment!.cues[hit.cue]!.weight >= 1);
  const k = recruitsItself ? pack.scoring.warningDampingWhenRecruiting : pack.scoring.warningDamping;
  score *= Math.exp(-(pack.scoring.warningDamping * questionWeight + k * warningWeight));

  // legitimacy: concrete proof damps unless strong scam families pile up
  const strongScam =
    (riskyDestination ? 1 : 0) + (signals.has('visa') ? 1 : 0) + (signals.has('upfront') ? 1 : 0) +
    (strongestPay >= 0.9 ? 1 : 0) + (signals.has('anonymity', (s) => s.id === 'anonymity.self_vouching') ? 1 : 0);
  const legitimacyIndex = Math.min(strongScam, 3) === 0 ? 0 : Math.min(strongScam, 3) - 1;
  if (concreteLegit) score *= pack.scoring.legitimacyConcrete[legitimacyIndex]!;
  else if (signals.has('legitimacy')) score *= pack.scoring.legitimacyWeak[legitimacyIndex]!;

  // never one keyword: a level needs families beyond the supporting ones
  let substantive = 0;
  for (const [family, value] of strengths) if (!SUPPORTING_FAMILIES.has(family) && value >= 0.25) substantive++;
  if (toldToLie) substantive++;
  let level = levelFor(score, pack);
  if (level === 'high' && substantive < 3) level = 'caution';
  if (level === 'caution' && substantive < 2) level = 'none';

  // a contact on an NGO's list of known recruiters is flagged high unless the post is clearly a warning about it
  if (signals.has('known_recruiter') && questionWeight + warningWeight < 1.5) {
    level = 'high';
    score = Math.max(score, pack.scoring.high);
  }
  if (level === 'none') score = Math.min(score, pack.scoring.caution - 0.001);
  if (level === 'caution') score = Math.min(score, pack.scoring.high - 0.001);

  const assessment: Assessment = { level, score: round(Math.max(0, Math.min(1, score))), lang, signals: toSignals(signals, pack, norm) };
  spareScan = scan;
  return assessment;
}
