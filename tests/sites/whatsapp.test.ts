import { beforeEach, describe, expect, it } from 'vitest';
import { whatsappAdapter as adapter } from '../../src/sites/whatsapp';
import { loadFixture, readExpectations, type FixtureApi } from './fixtures';

const PAGE_URL = 'https://web.whatsapp.com/';
const GROUP = '120363025246125486@g.us';
const expectations = readExpectations('whatsapp')['chat.html']!;
const id = (message: string, sender?: string) => `false_${GROUP}_${message}${sender ? `_${sender}@c.us` : ''}`;

function posts(): Element[] {
  return adapter.findPosts(document);
}

function post(dataId: string): Element {
  const found = posts().find((candidate) => candidate.getAttribute('data-id') === dataId);
  if (!found) throw new Error(`no post ${dataId}`);
  return found;
}

describe('whatsapp adapter on chat.html', () => {
  let fixture: FixtureApi;
  beforeEach(() => {
    fixture = loadFixture('whatsapp', 'chat.html', PAGE_URL);
  });

  it('finds every text message once; no system notice, photo without caption, chat-list row or composer', () => {
    expect(posts().map((found) => adapter.postId(found))).toEqual([
      id('3EB0A1000000000000A1', '6281311112222'),
      id('3EB0A1000000000000A2', '6281234567890'),
      `true_${GROUP}_3EB0B2000000000000B3`,
      id('3EB0A1000000000000A4', '6281399990000'),
      id('3EB0A1000000000000A5', '6285711223344'),
      id('3EB0A1000000000000A6', '6281299990000'),
      id('3EB0A1000000000000A7', '6281344445555'),
      id('3EB0A1000000000000A8', '6281311112222'),
      id('3EB0A1000000000000A9', '6281366667777'),
    ]);
  });

  it('knows every post of the page in expectations.json', () => {
    for (const found of posts()) expect(expectations).toHaveProperty([adapter.postId(found)!]);
  });

  it('reads emoji images, bold spans, newlines and links, without sender or time', () => {
    const text = adapter.readText(post(id('3EB0A1000000000000A2', '6281234567890')));
    expect(text.split('\n')[0]).toBe('🔥 LOWONGAN KERJA KAMBOJA 🇰🇭');
    expect(text.split('\n')[2]).toBe('✅ Gaji 15jt/bulan + bonus');
    expect(text.endsWith('Minat? Japri wa.me/6281234567890')).toBe(true);
    expect(text).not.toMatch(/Rina HRD|09:23/);
  });

  it('joins words split across spans around emoji', () => {
    expect(adapter.readText(post(id('3EB0A1000000000000A5', '6285711223344')))).toBe(
      'LOKER MARKETING ONLINE 💰 Myawaddy (Myanmar) 💰 gaji 20 juta/bulan, tanpa pengalaman ✈️ tiket & mess gratis, ' +
        'berangkat lewat Bangkok tanpa visa kerja. Kirim foto KTP + paspor ke admin via WA 0857-1122-3344, proses cepat, langsung berangkat.',
    );
  });

  it('reads a reply without the quoted message', () => {
    const reply = post(id('3EB0A1000000000000A9', '6281366667777'));
    expect(adapter.readText(reply)).toMatch(/^Jangan ditanggapi, ini penipuan\./);
    expect(adapter.readText(reply)).not.toContain('KAMBOJA');
    expect(adapter.author!(reply)).toEqual({ name: 'Pak RT' });
  });

  it('reads hostile markup as text and nothing in it runs', () => {
    const message = post(id('3EB0A1000000000000A6', '6281299990000'));
    expect(adapter.readText(message)).toContain('<script>window.__pwned = true</script> Dicari admin online');
    expect(message.querySelector('script, img[onerror], a[onclick]')).toBeNull();
    expect((window as unknown as { __pwned?: boolean }).__pwned).toBeUndefined();
  });

  it('reads the grown text after "Read more", in the same text element', () => {
    const message = post(id('3EB0A1000000000000A7', '6281344445555'));
    const element = adapter.textElement(message);
    const before = adapter.readText(message);
    expect(before).not.toContain('Kamboja');
    expect(before).not.toContain('Read more');
    expect(fixture.expandSeeMore!()).toEqual([adapter.postId(message)]);
    expect(adapter.textElement(message)).toBe(element);
    const after = adapter.readText(message);
    expect(after.startsWith(before)).toBe(true);
    expect(after).toContain('Posisi: customer service online di Kamboja (Phnom Penh)\nGaji: 15jt/bulan');
    expect(adapter.postContaining!(element!.firstChild!.lastChild!)).toBe(message);
  });

  it('puts the banner under the bubble, inside the message row', () => {
    const message = post(id('3EB0A1000000000000A2', '6281234567890'));
    const slot = adapter.bannerSlot(message);
    expect(slot.parent.matches('.message-in')).toBe(true);
    expect(slot.before).toBeNull();
    expect(message.contains(slot.parent)).toBe(true);
    expect(adapter.textElement(message)!.matches('span.selectable-text')).toBe(true);
  });

  it('sees messages arriving', () => {
    const arrived = fixture.receiveMessage!()!;
    expect(posts().map((found) => adapter.postId(found)).at(-1)).toBe(arrived);
    expect(expectations).toHaveProperty([arrived]);
    expect(adapter.readText(post(arrived))).toContain('Daftar lewat t.me/lokerbavet');
    expect(fixture.appendPosts!(3)).toHaveLength(1);
  });

  it('reads the new data-id and text of a recycled row', () => {
    const row = post(id('3EB0A1000000000000A1', '6281311112222'));
    const step = fixture.recycle!()!;
    expect(step.from).toBe(id('3EB0A1000000000000A1', '6281311112222'));
    expect(adapter.postId(row)).toBe(step.to);
    expect(adapter.readText(row)).toMatch(/^Dicari kasir dan pramuniaga/);
    expect(adapter.author!(row)).toEqual({ name: 'Toko Sumber Rejeki' });
  });

  it('follows opening another chat (#main replaced, URL unchanged)', () => {
    const ids = fixture.navigate!('chat');
    expect(location.href).toBe(PAGE_URL);
    expect(posts().map((found) => adapter.postId(found))).toEqual(ids);
    for (const dataId of ids) expect(expectations).toHaveProperty([dataId]);
    expect(adapter.readText(posts()[0]!)).toMatch(/^Dik, ada kerjaan di Thailand/);
    expect(adapter.author!(posts()[1]!)).toEqual({ name: 'You' });
  });
});

describe('whatsapp isActive and matches', () => {
  it.each([
    ['https://web.whatsapp.com/', true],
    ['https://web.whatsapp.com/send?phone=6281234567890', true],
    ['https://www.whatsapp.com/', false],
    ['https://wa.me/6281234567890', false],
    ['http://web.whatsapp.com/', false],
    ['http://localhost/', false],
  ])('%s → %s', (url, active) => {
    expect(adapter.isActive(new URL(url))).toBe(active);
  });

  it('matches only the production origin', () => {
    expect(adapter.matches).toEqual(['https://web.whatsapp.com/*']);
  });
});
