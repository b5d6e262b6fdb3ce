import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readReports, reportKey, reportsItem, reportsSetAsideItem, ReportStore } from '../../src/report/store';
import { makePost, makeReport } from './make-report';

let clock = 1_000;
let ids = 0;
const store = () =>
  new ReportStore({ now: () => clock, newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}` });

beforeEach(() => {
  fakeBrowser.reset();
  clock = 1_000;
  ids = 0;
});

describe('reportKey', () => {
  it.each([
    [
      'tracking parameters and host variants are ignored',
      { permalink: 'https://web.facebook.com/groups/loker/posts/123/?__cft__[0]=AZX&__tn__=R' },
      { permalink: 'https://www.facebook.com/groups/loker/posts/123' },
      true,
    ],
    [
      'permalink.php keeps the ids that name the post',
      { permalink: 'https://m.facebook.com/permalink.php?story_fbid=1&id=2' },
      { permalink: 'https://m.facebook.com/permalink.php?story_fbid=9&id=2' },
      false,
    ],
    ['site post id without permalink', { permalink: null, sitePostId: 'msg-5' }, { permalink: null, sitePostId: 'msg-5' }, true],
    [
      'same text with different spacing and case',
      { permalink: null, sitePostId: null, text: 'Loker  KAMBOJA\ngaji 15jt' },
      { permalink: null, sitePostId: null, text: 'loker kamboja gaji 15jt ' },
      true,
    ],
    [
      'different text',
      { permalink: null, sitePostId: null, text: 'Loker Kamboja gaji 15jt' },
      { permalink: null, sitePostId: null, text: 'Loker Myanmar gaji 20jt' },
      false,
    ],
  ])('%s', async (_name, a, b, same) => {
    expect((await reportKey(makePost(a))) === (await reportKey(makePost(b)))).toBe(same);
  });
});

describe('ReportStore', () => {
  it('saves a report locally and reads it back', async () => {
    const { report, merged } = await store().saveCapture('banner', makePost());
    expect(merged).toBe(false);
    expect(report.delivery).toEqual({ state: 'saved' });
    const { reports } = await readReports();
    expect(reports).toEqual([report]);
  });

  it('merges the same post reported twice: newest capture, earlier note kept, one report', async () => {
    const s = store();
    const first = (await s.saveCapture('banner', makePost({ text: 'Loker Kamboja gaji 15jt' }))).report;
    await s.edit(first.id, { note: 'dari grup loker', included: { author: false } });
    await s.setDelivery(first.id, { state: 'delivered', attempts: 1, deliveredAt: 2_000, receipt: 'r1' });
    clock = 5_000;
    const again = await s.saveCapture(
      'context-menu',
      makePost({ text: 'Loker Kamboja gaji 15jt, tiket gratis', author: null, contacts: [{ kind: 'email', value: 'a@b.co', raw: 'a@b.co', e164: false }] }),
    );
    expect(again.merged).toBe(true);
    const reports = await s.list();
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({
      id: first.id,
      note: 'dari grup loker',
      included: { author: false },
      delivery: { state: 'delivered', receipt: 'r1' },
      updatedAt: 5_000,
      post: { text: 'Loker Kamboja gaji 15jt, tiket gratis', author: { name: 'Rina HRD' } },
    });
    expect(reports[0]!.post.contacts.map((c) => c.value)).toEqual(['+6281234567890', 'a@b.co']);
  });

  it('the newest edit of note and fields wins', async () => {
    const s = store();
    const { report } = await s.saveCapture('banner', makePost());
    await s.edit(report.id, { note: 'first', included: { contacts: false } });
    await s.edit(report.id, { note: 'second', included: { contacts: true, permalink: false } });
    expect(await s.get(report.id)).toMatchObject({ note: 'second', included: { contacts: true, permalink: false, postText: true } });
  });

  it('keeps a damaged record aside with the reason instead of dropping it, and goes on', async () => {
    const good = makeReport();
    const damaged = { ...makeReport({ id: '11111111-1111-4111-8111-111111111111', key: 'k2' }), delivery: { state: 'lost' } };
    await reportsItem.setValue([good, damaged, 'junk']);

    const read = await readReports();
    expect(read.reports.map((r) => r.id)).toEqual([good.id]);
    expect(read.setAside).toHaveLength(2);
    expect(read.setAside[0]!.reason).toMatch(/^delivery\.state: /);

    // The next write moves them to the set-aside list, once.
    const s = store();
    await s.edit(good.id, { note: 'x' });
    await s.edit(good.id, { note: 'y' });
    expect(await reportsItem.getValue()).toHaveLength(1);
    const aside = (await reportsSetAsideItem.getValue()) as Array<{ raw: unknown; reason: string }>;
    expect(aside.map((a) => a.raw)).toEqual([damaged, 'junk']);
    expect((await readReports()).setAside).toHaveLength(2);
  });

  it('a stored value that is not a list is set aside whole', async () => {
    await reportsItem.setValue({ broken: true });
    expect((await readReports()).setAside).toEqual([{ raw: { broken: true }, reason: '(root): expected a list of reports', at: 0 }]);
  });

  it('concurrent changes are applied one after another, none lost', async () => {
    const s = store();
    const { report } = await s.saveCapture('banner', makePost());
    await Promise.all([
      s.addShare(report.id, 'whatsapp'),
      s.addShare(report.id, 'email'),
      s.saveCapture('banner', makePost({ permalink: 'https://x.com/a/status/1', site: 'x' })),
    ]);
    const reports = await s.list();
    expect(reports).toHaveLength(2);
    expect(reports[0]!.shares.map((x) => x.channel)).toEqual(['whatsapp', 'email']);
  });

  it('deletes a report', async () => {
    const s = store();
    const { report } = await s.saveCapture('banner', makePost());
    expect(await s.remove(report.id)).toBe(true);
    expect(await s.list()).toEqual([]);
  });
});
