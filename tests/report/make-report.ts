import { ALL_FIELDS_INCLUDED, type CapturedPost, type StoredReport } from '../../src/report/schema';

export const SCAM_TEXT =
  'Lowongan CS Kamboja, gaji 15jt, tiket dan mess ditanggung, tanpa pengalaman. WA 0812-3456-7890 atau t.me/hrd_pp';

export function makePost(overrides: Partial<CapturedPost> = {}): CapturedPost {
  return {
    site: 'facebook',
    sitePostId: '1234567890',
    text: SCAM_TEXT,
    permalink: 'https://www.facebook.com/groups/lokerluarnegeri/posts/1234567890/',
    pageUrl: 'https://www.facebook.com/groups/lokerluarnegeri',
    author: { name: 'Rina HRD', url: 'https://www.facebook.com/rina.hrd.99' },
    seenAt: '2026-11-22T08:00:00.000Z',
    level: 'high',
    reasons: [{ signalId: 'destination.country', family: 'destination', evidence: ['Kamboja'] }],
    contacts: [{ kind: 'whatsapp', value: '+6281234567890', raw: '0812-3456-7890', e164: true }],
    ...overrides,
  };
}

export function makeReport(overrides: Partial<StoredReport> = {}): StoredReport {
  return {
    schemaVersion: 1,
    id: '6f1c2b1e-8a47-4d2b-9c53-2f5e0d7a9b10',
    key: 'facebook:1234567890',
    source: 'banner',
    createdAt: Date.parse('2026-11-22T08:01:00Z'),
    updatedAt: Date.parse('2026-11-22T08:02:00Z'),
    post: makePost(),
    note: '',
    included: { ...ALL_FIELDS_INCLUDED },
    delivery: { state: 'saved' },
    shares: [],
    ...overrides,
  };
}
