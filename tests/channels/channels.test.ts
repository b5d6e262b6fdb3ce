import { describe, expect, it } from 'vitest';
import {
  CHANNEL_DATA,
  COUNTRIES,
  ChannelEntrySchema,
  CountryChannelsSchema,
  channelEntriesFor,
  channelsFor,
  isTapToCall,
} from '../../src/channels';
import { describeZodError } from '../../src/zod';

const allEntries = CHANNEL_DATA.flatMap((data) => CountryChannelsSchema.parse(data).channels.map((entry) => ({ country: (data as { country: string }).country, entry })));

describe('official channel data', () => {
  it.each(CHANNEL_DATA.map((data) => [(data as { country: string }).country, data]))('%s matches the schema', (_country, data) => {
    const parsed = CountryChannelsSchema.safeParse(data);
    expect(parsed.success ? '' : describeZodError(parsed.error)).toBe('');
  });

  it('has a data file for every origin country we offer', () => {
    expect(CHANNEL_DATA.map((data) => (data as { country: string }).country).sort()).toEqual([...COUNTRIES].sort());
  });

  it.each(allEntries.map(({ country, entry }) => [`${country} ${entry.id}`, entry]))(
    'only verified numbers are tap-to-call: %s',
    (_name, entry) => {
      if (isTapToCall(entry.url)) expect(entry.verified).toBe(true);
      if (entry.url?.startsWith('tel:')) expect(['hotline', 'embassy', 'whatsapp']).toContain(entry.kind);
    },
  );

  it.each(allEntries.map(({ country, entry }) => [`${country} ${entry.id}`, entry]))('links are https, tel: or wa.me: %s', (_name, entry) => {
    if (entry.url) expect(entry.url).toMatch(/^(https:\/\/|tel:\+?\d+$)/);
  });

  it.each(allEntries.map(({ country, entry }) => [`${country} ${entry.id}`, entry]))(
    'a tel: link dials the printed number: %s',
    (_name, entry) => {
      if (!entry.url?.startsWith('tel:')) return;
      const dialled = entry.url.slice(4).replace(/^\+/, '');
      const printed = entry.value.replace(/\D/g, '');
      // Either the same digits, or the international form of a local number (0 → country code).
      expect(dialled === printed || dialled.endsWith(printed.replace(/^0/, ''))).toBe(true);
    },
  );

  it('rejects an unverified number with a tap-to-call link, naming the field', () => {
    const result = ChannelEntrySchema.safeParse({
      id: 'x',
      name: 'Somebody',
      kind: 'hotline',
      value: '0812',
      url: 'tel:0812',
      purpose: 'ask-or-report-job',
      source: 'one post',
      verifiedOn: '2026-11-22',
      verified: false,
    });
    expect(result.success).toBe(false);
    if (!result.success) expect(describeZodError(result.error)).toMatch(/^url: .*tap-to-call/);
  });

  it('rejects duplicate ids within a country', () => {
    const data = CountryChannelsSchema.parse(CHANNEL_DATA[0]);
    const result = CountryChannelsSchema.safeParse({ ...data, channels: [data.channels[0], data.channels[0]] });
    expect(result.success).toBe(false);
  });

  it('Indonesia has the channels the brief asks for, KP2MI call centre first', () => {
    const ids = channelEntriesFor('ID').map((c) => c.id);
    expect(ids[0]).toBe('kp2mi-call');
    expect(ids).toEqual(
      expect.arrayContaining([
        'kp2mi-call',
        'kp2mi-call-abroad',
        'kp2mi-whatsapp',
        'siskop2mi',
        'jendela-pmi',
        'kemnaker-call',
        'siapkerja',
        'peduli-wni',
        'safe-travel',
        'kemlu-hotline',
        'kbri-phnom-penh',
        'kbri-phnom-penh-consular',
        'kbri-yangon',
        'kbri-vientiane',
        'kbri-bangkok',
        'kbri-manila',
        'patroli-siber',
        'aduan-konten',
        'aduan-nomor',
      ]),
    );
    expect(channelEntriesFor('ID').find((c) => c.id === 'kp2mi-call')).toMatchObject({ value: '0800-1000', url: 'tel:08001000', verified: true });
    expect(channelEntriesFor('ID').find((c) => c.id === 'kp2mi-whatsapp')).toMatchObject({ verified: false });
  });
});

describe('channelsFor', () => {
  it('gives Indonesia the KP2MI call centre first', () => {
    expect(channelsFor('ID')[0]).toMatchObject({ kind: 'hotline', value: '0800-1000' });
  });

  it('gives each country its own channels', () => {
    expect(channelsFor('PH').map((c) => c.id)).toContain('dmw-agencies');
    expect(channelsFor('TH').map((c) => c.id)).toContain('mol-1506');
    expect(channelsFor('PH').map((c) => c.id)).not.toContain('kp2mi-call');
  });

  it('says what a channel is for in the UI language (English by default)', () => {
    const [kp2miEn] = channelsFor('ID');
    const [kp2miId] = channelsFor('ID', 'id');
    const [kp2miTh] = channelsFor('ID', 'th');
    expect(kp2miEn?.purpose).toBe('Ask about a job abroad, or report a fake one.');
    expect(kp2miId?.purpose).toBe('Tanya soal kerja di luar negeri, atau laporkan lowongan palsu.');
    expect(kp2miTh?.purpose).toMatch(/[\u0E00-\u0E7F]/);
    expect(kp2miId?.purposeKey).toBe('ask-or-report-job');
    expect(kp2miId?.noteText).toBe('Gratis.');
  });

  it('never shows a message key in place of a purpose or note, in any language', () => {
    for (const country of COUNTRIES) {
      for (const lang of ['id', 'en', 'ms', 'vi', 'th', 'tl'] as const) {
        for (const channel of channelsFor(country, lang)) {
          expect(channel.purpose).not.toMatch(/^channel\./);
          expect(channel.noteText ?? '').not.toMatch(/^channel\./);
        }
      }
    }
  });

  it('only links verified numbers for tap-to-call', () => {
    for (const country of COUNTRIES) {
      for (const channel of channelsFor(country)) {
        if (!channel.verified) expect(isTapToCall(channel.url)).toBe(false);
      }
    }
  });
});
