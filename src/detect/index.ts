import type { Assessment } from './types';

export type * from './types';

export interface AssessOptions {
  /** Extra phrases and weights from an NGO profile; see the NGO issue. */
  [key: string]: unknown;
}

/**
 * PLACEHOLDER until the real detector lands (issue 2): flags a post naming Cambodia together with a salary,
 * so that the extension can be wired end to end. Do not rely on its behaviour.
 */
export function assessPost(text: string, _options?: AssessOptions): Assessment {
  const place = /kamboja|cambodia/i.exec(text);
  const pay = /gaji|salary/i.exec(text);
  if (!place || !pay) return { level: 'none', score: 0, lang: 'und', signals: [] };
  const ev = (m: RegExpExecArray) => ({ start: m.index, end: m.index + m[0].length, text: m[0] });
  return {
    level: 'high',
    score: 0.9,
    lang: 'und',
    signals: [
      { id: 'destination.country', family: 'destination', weight: 0.5, evidence: [ev(place)] },
      { id: 'pay.high', family: 'pay', weight: 0.4, evidence: [ev(pay)] },
    ],
  };
}
