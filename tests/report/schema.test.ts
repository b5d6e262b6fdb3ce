import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILES, serialiseSchema } from '../../src/report/json-schemas';
import { buildPayload, ReportPayloadSchema, StoredReportSchema } from '../../src/report/schema';
import { makeReport } from './make-report';

describe('buildPayload', () => {
  it('sends every ticked field', () => {
    const payload = buildPayload(makeReport({ note: '  Saya lihat di grup loker  ' }));
    expect(payload).toMatchObject({
      schemaVersion: 1,
      id: '6f1c2b1e-8a47-4d2b-9c53-2f5e0d7a9b10',
      site: 'facebook',
      level: 'high',
      post: {
        text: expect.stringContaining('Kamboja'),
        permalink: 'https://www.facebook.com/groups/lokerluarnegeri/posts/1234567890/',
        author: { name: 'Rina HRD' },
      },
      contacts: [{ value: '+6281234567890' }],
      reasons: [{ signalId: 'destination.country' }],
      note: 'Saya lihat di grup loker',
    });
  });

  it.each(['postText', 'permalink', 'pageUrl', 'author', 'seenAt', 'contacts', 'reasons', 'note'] as const)(
    'leaves out %s when the user unticks it',
    (field) => {
      const report = makeReport({ note: 'catatan' });
      const full = JSON.stringify(buildPayload(report));
      const without = buildPayload({ ...report, included: { ...report.included, [field]: false } });
      const sent = JSON.stringify(without);
      expect(sent.length).toBeLessThan(full.length);
      const fieldValue = { postText: 'tanpa pengalaman', permalink: '/posts/', pageUrl: 'lokerluarnegeri"', author: 'Rina', seenAt: '08:00:00', contacts: '+628', reasons: 'destination.country', note: 'catatan' }[field];
      expect(sent).not.toContain(fieldValue);
    },
  );

  it('is valid against its own schema and rejects a record with a bad field, naming it', () => {
    expect(ReportPayloadSchema.safeParse(buildPayload(makeReport())).success).toBe(true);
    const bad = StoredReportSchema.safeParse({ ...makeReport(), post: { ...makeReport().post, pageUrl: 'javascript:alert(1)' } });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['post', 'pageUrl']);
  });
});

describe('committed JSON Schemas', () => {
  it.each(Object.keys(SCHEMA_FILES))('%s is up to date (run `npm run schemas`)', (path) => {
    const committed = readFileSync(join(process.cwd(), path), 'utf8');
    expect(committed).toBe(serialiseSchema(SCHEMA_FILES[path]!()));
  });
});
