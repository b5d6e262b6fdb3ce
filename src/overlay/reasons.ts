import type { Assessment, Evidence, SignalFamily } from '../detect/types';

/** A quote of the post's own words: the evidence with a little context so it reads as a phrase. */
export interface Quote {
  before: string;
  match: string;
  after: string;
}

export interface Reason {
  family: SignalFamily;
  quote: Quote | null;
}

/** Families that lower the score explain why a post is NOT flagged; they never appear as reasons. */
const NOT_REASONS: ReadonlySet<SignalFamily> = new Set(['warning', 'legitimacy']);

/**
 * The strongest families of an assessment, strongest first, each with one quote. "It is a job offer" comes last:
 * it is the gate, not a red flag in itself.
 */
export function topReasons(assessment: Assessment, text: string, max = 3): Reason[] {
  const byFamily = new Map<SignalFamily, { weight: number; best: Evidence | undefined; bestWeight: number }>();
  for (const signal of assessment.signals) {
    if (signal.weight <= 0 || NOT_REASONS.has(signal.family)) continue;
    const entry = byFamily.get(signal.family) ?? { weight: 0, best: undefined, bestWeight: -Infinity };
    entry.weight += signal.weight;
    if (signal.evidence[0] && signal.weight > entry.bestWeight) {
      entry.best = signal.evidence[0];
      entry.bestWeight = signal.weight;
    }
    byFamily.set(signal.family, entry);
  }
  return [...byFamily.entries()]
    .sort(([familyA, a], [familyB, b]) => {
      const gateA = familyA === 'recruitment' ? 1 : 0;
      const gateB = familyB === 'recruitment' ? 1 : 0;
      return gateA - gateB || b.weight - a.weight;
    })
    .slice(0, max)
    .map(([family, entry]) => ({ family, quote: entry.best ? quoteAround(text, entry.best) : null }));
}

const MAX_MATCH = 80;

/** The evidence plus up to `radius` characters each side, cut at word boundaries, whitespace collapsed. */
export function quoteAround(text: string, evidence: Evidence, radius = 32): Quote {
  const tidy = (s: string) => s.replace(/\s+/g, ' ');
  // Evidence that no longer matches the text (it grew or changed) is quoted alone.
  if (text.slice(evidence.start, evidence.end) !== evidence.text) {
    return { before: '', match: clip(tidy(evidence.text).trim()), after: '' };
  }
  let start = Math.max(0, evidence.start - radius);
  if (start > 0) {
    const space = text.slice(start, evidence.start).search(/\s/);
    start = space === -1 ? evidence.start : start + space + 1;
  }
  let end = Math.min(text.length, evidence.end + radius);
  if (end < text.length) {
    const tail = text.slice(evidence.end, end);
    const space = tail.search(/\s\S*$/);
    end = space === -1 ? evidence.end : evidence.end + space;
  }
  const before = tidy(text.slice(start, evidence.start)).trimStart();
  const after = tidy(text.slice(evidence.end, end)).trimEnd();
  return {
    before: (start > 0 ? '…' : '') + before,
    match: clip(tidy(evidence.text)),
    after: after + (end < text.length ? '…' : ''),
  };
}

function clip(s: string): string {
  return s.length > MAX_MATCH ? `${s.slice(0, MAX_MATCH - 1)}…` : s;
}
