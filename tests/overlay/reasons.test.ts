import { describe, expect, it } from 'vitest';
import type { Assessment, Signal } from '../../src/detect/types';
import { quoteAround, topReasons } from '../../src/overlay/reasons';

const text = 'Lowongan CS di Kamboja, gaji 15jt, tiket gratis. Japri ya kak, kuota terbatas minggu ini!';
function signal(family: Signal['family'], weight: number, word: string): Signal {
  const start = text.indexOf(word);
  return { id: `${family}.x`, family, weight, evidence: [{ start, end: start + word.length, text: word }] };
}
const assessment = (signals: Signal[]): Assessment => ({ level: 'high', score: 0.9, lang: 'id', signals });

describe('topReasons', () => {
  it('orders families by weight, puts the recruitment gate last and drops warning and legitimacy', () => {
    const reasons = topReasons(
      assessment([
        signal('recruitment', 0.9, 'Lowongan'),
        signal('pay', 0.3, 'gaji 15jt'),
        signal('destination', 0.5, 'Kamboja'),
        signal('warning', -0.4, 'Japri'),
        signal('costs', 0.2, 'tiket gratis'),
      ]),
      text,
      3,
    );
    expect(reasons.map((r) => r.family)).toEqual(['destination', 'pay', 'costs']);
    expect(reasons[0]!.quote!.match).toBe('Kamboja');
  });

  it('adds up the weight of several signals of one family and quotes the strongest', () => {
    const reasons = topReasons(
      assessment([signal('pay', 0.2, 'gaji'), signal('pay', 0.3, '15jt'), signal('destination', 0.4, 'Kamboja')]),
      text,
    );
    expect(reasons.map((r) => [r.family, r.quote?.match])).toEqual([
      ['pay', '15jt'],
      ['destination', 'Kamboja'],
    ]);
  });

  it('gives nothing for an assessment without red flags', () => {
    expect(topReasons(assessment([signal('legitimacy', -1, 'CS')]), text)).toEqual([]);
  });
});

describe('quoteAround', () => {
  it.each([
    ['context on both sides, cut at word boundaries', 'Kamboja', 12, { before: '…CS di ', match: 'Kamboja', after: ', gaji…' }],
    ['start of the text has no ellipsis', 'Lowongan', 8, { before: '', match: 'Lowongan', after: ' CS di…' }],
    ['end of the text has no ellipsis', 'ini!', 10, { before: '…minggu ', match: 'ini!', after: '' }],
  ])('%s', (_name, word, radius, expected) => {
    const start = text.indexOf(word);
    expect(quoteAround(text, { start, end: start + word.length, text: word }, radius)).toEqual(expected);
  });

  it('quotes the evidence alone when it no longer matches the text', () => {
    expect(quoteAround('something else', { start: 0, end: 7, text: 'Kamboja' })).toEqual({ before: '', match: 'Kamboja', after: '' });
  });

  it('clips very long evidence', () => {
    const long = 'x'.repeat(200);
    expect(quoteAround(long, { start: 0, end: 200, text: long }).match).toHaveLength(80);
  });
});
