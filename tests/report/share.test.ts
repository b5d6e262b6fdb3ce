import { describe, expect, it } from 'vitest';
import { channelsFor } from '../../src/channels';
import type { OfficialChannel } from '../../src/channels/schema';
import { platformReportPage, reportMessage, shareLinks, whatsappHotlines } from '../../src/report/share';
import { makeReport } from './make-report';

const channel = (over: Partial<OfficialChannel>): OfficialChannel => ({
  id: 'x',
  purposeKey: 'ask-or-report-job',
  name: 'X',
  kind: 'hotline',
  value: 'v',
  purpose: 'p',
  source: 's',
  verifiedOn: '2026-11-22',
  verified: true,
  ...over,
});

describe('whatsappHotlines', () => {
  it('takes verified wa.me channels, the country’s own WhatsApp line before an embassy', () => {
    const hotlines = whatsappHotlines([
      channel({ name: 'Embassy', kind: 'embassy', url: 'https://wa.me/85512813282' }),
      channel({ name: 'Unverified', kind: 'whatsapp', url: 'https://wa.me/628118080141', verified: false }),
      channel({ name: 'Agency WA', kind: 'whatsapp', url: 'https://wa.me/6281100000000' }),
      channel({ name: 'Call centre', url: 'tel:08001000' }),
    ]);
    expect(hotlines).toEqual([
      { name: 'Agency WA', number: '6281100000000' },
      { name: 'Embassy', number: '85512813282' },
    ]);
  });

  it('finds a hotline in the shipped Indonesian channels', () => {
    expect(whatsappHotlines(channelsFor('ID')).length).toBeGreaterThan(0);
  });
});

describe('reportMessage', () => {
  it('contains only the ticked fields', () => {
    const report = makeReport({ note: 'lihat di grup', included: { ...makeReport().included, author: false, contacts: false } });
    const message = reportMessage(report, 'id');
    expect(message).toContain('Lowongan CS Kamboja');
    expect(message).toContain('https://www.facebook.com/groups/lokerluarnegeri/posts/1234567890/');
    expect(message).toContain('"Kamboja"');
    expect(message).toContain('Catatan Anda (boleh kosong): lihat di grup');
    expect(message).not.toContain('Rina HRD');
    expect(message).not.toContain('+6281234567890');
  });
});

describe('shareLinks', () => {
  it('prefills the WhatsApp message and the email, and links the platform’s report page', () => {
    const links = shareLinks(makeReport(), 'en', [channel({ name: 'Hotline', kind: 'whatsapp', url: 'https://wa.me/628118080141' })], 'lapor@ngo.example');
    const wa = new URL(links.whatsapp[0]!.url);
    expect(wa.origin + wa.pathname).toBe('https://wa.me/628118080141');
    expect(wa.searchParams.get('text')).toContain('Suspicious job post');
    expect(links.email).toMatch(/^mailto:lapor%40ngo\.example\?subject=Suspicious/);
    expect(decodeURIComponent(links.email)).toContain('Lowongan CS Kamboja');
    expect(links.platform?.platform).toBe('Facebook');
  });

  it('shortens a very long post in the WhatsApp link but not in the email', () => {
    const report = makeReport({ post: { ...makeReport().post, text: 'x'.repeat(5_000) } });
    const links = shareLinks(report, 'en', [channel({ kind: 'whatsapp', url: 'https://wa.me/628118080141' })]);
    expect(links.whatsapp[0]!.url.length).toBeLessThan(2_500);
    expect(decodeURIComponent(links.email)).toContain('x'.repeat(5_000));
  });

  it.each([
    ['facebook-mobile', 'Facebook'],
    ['telegram-a', 'Telegram'],
    ['whatsapp', 'WhatsApp'],
    ['x', 'X'],
    ['example.com', undefined],
  ])('platform report page for %s', (site, platform) => {
    expect(platformReportPage(site)?.platform).toBe(platform);
  });
});
