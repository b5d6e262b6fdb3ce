/** Public types of the detector. `src/detect` is pure: no DOM, no browser API. */

export type Level = 'high' | 'caution' | 'none';

/**
 * Families of cues. Levels come from families that co-occur, never from one keyword.
 * `warning` and `legitimacy` lower the score; `recruitment` is the gate (nothing is flagged without it).
 */
export const SIGNAL_FAMILIES = [
  'recruitment', // the post offers work or seeks workers
  'destination', // risky destination: country, city, compound, flag, abbreviation
  'role', // bait role: customer service, admin, operator, typing, marketing...
  'pay', // pay that is high for the role
  'ease', // no experience / diploma, only typing, age band
  'costs', // ticket, visa, housing, food covered
  'visa', // tourist visa, visa-free entry, told to hide the purpose
  'urgency', // instant hiring, leaving this week, limited quota
  'contact', // contact only through a chat handle
  'upfront', // fees or ID documents asked up front
  'anonymity', // no company name, address or licence
  'known_recruiter', // a contact on an NGO's list of known recruiters
  'warning', // warnings, news, official statements, victims' stories, someone asking
  'legitimacy', // licensed agency, SISKOP2MI, G to G, work visa and contract, named employer
] as const;
export type SignalFamily = (typeof SIGNAL_FAMILIES)[number];

/** A span of the ORIGINAL post text: `text === original.slice(start, end)`. */
export interface Evidence {
  start: number;
  end: number;
  text: string;
}

export interface Signal {
  id: string;
  family: SignalFamily;
  /** Contribution to the score; negative for `warning` and `legitimacy`. */
  weight: number;
  evidence: Evidence[];
}

export interface Assessment {
  level: Level;
  /** 0..1 */
  score: number;
  /** BCP-47-ish primary language guess: 'id', 'en', 'ms', 'vi', 'th', 'tl', 'zh', 'my', or 'und'. */
  lang: string;
  signals: Signal[];
}
