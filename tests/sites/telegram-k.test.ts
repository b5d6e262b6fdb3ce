import { beforeEach, describe, expect, it } from 'vitest';
import { telegramKAdapter as adapter } from '../../src/sites/telegram-k';
import { loadFixture, readExpectations, type FixtureApi } from './fixtures';

const PAGE_URL = 'https://web.telegram.org/k/#@lokerluarnegeri_id';
const CHANNEL = '-1001700000001';
const expectations = readExpectations('telegram-k')['channel.html']!;

function posts(): Element[] {
  return adapter.findPosts(document);
}

function post(mid: number): Element {
  const found = posts().find((candidate) => candidate.getAttribute('data-mid') === String(mid));
  if (!found) throw new Error(`no post ${mid}`);
  return found;
}

describe('telegram-k adapter on channel.html', () => {
  let fixture: FixtureApi;
  beforeEach(() => {
    fixture = loadFixture('telegram-k', 'channel.html', PAGE_URL);
  });

  it('finds every text bubble once, and no service pill, date, photo without caption or chat-list preview', () => {
    expect(posts().map((found) => adapter.postId(found))).toEqual(
      [101, 102, 103, 104, 105, 106, 107].map((mid) => `${CHANNEL}_${mid}`),
    );
    expect(posts().every((found) => found.classList.contains('bubble'))).toBe(true);
  });

  it('knows every post of the page in expectations.json', () => {
    for (const found of posts()) expect(expectations).toHaveProperty([adapter.postId(found)!]);
  });

  it('finds a bubble when handed the bubble itself or a subtree around it', () => {
    const bubble = post(104);
    expect(adapter.findPosts(bubble)).toEqual([bubble]);
    expect(adapter.findPosts(bubble.parentElement!)).toEqual([bubble]);
  });

  it('reads the message with emoji alt text, links and hashtags, without time or views', () => {
    const text = adapter.readText(post(101));
    expect(text.split('\n')[0]).toBe('🔥 LOWONGAN KERJA KAMBOJA 🇰🇭');
    expect(text).toContain('✅ Gaji 15jt/bulan + bonus');
    expect(text).toContain('Japri WA 0812-3456-7890');
    expect(text.endsWith('#lokerkamboja #kerjaluarnegeri')).toBe(true);
    expect(text).not.toMatch(/12\.4K|10:15/);
  });

  it('joins text split across entity spans and keeps spoiler text', () => {
    const text = adapter.readText(post(107));
    expect(text).toContain('Dicari 10 orang operator game & data entry untuk kantor di Bavet');
    expect(text).toContain('cukup punya paspor, bebas visa.');
    expect(text).toContain('t.me/lokerbavet atau wa.me/6281298765432');
  });

  it('reads a forwarded long post without the "Forwarded from" header', () => {
    const text = adapter.readText(post(102));
    expect(text.startsWith('⚠️ WASPADA penipuan lowongan kerja ke Kamboja!')).toBe(true);
    expect(text).toContain('\n\nKamboja bukan negara penempatan');
    expect(text.length).toBeGreaterThan(900);
    expect(text).not.toContain('Forwarded from');
    expect(adapter.author!(post(102))).toEqual({ name: 'KBRI Phnom Penh' });
  });

  it('reads hostile markup as text and nothing in it runs', () => {
    const bubble = post(106);
    expect(adapter.readText(bubble)).toContain('<script>window.__pwned = true</script> Dicari admin online');
    expect(adapter.readText(bubble)).toContain('<img src=x onerror="window.__pwned = true">');
    expect(bubble.querySelector('script, img[onerror], a[onclick]')).toBeNull();
    expect((window as unknown as { __pwned?: boolean }).__pwned).toBeUndefined();
  });

  it('points at the .message block and puts the banner right under it, inside the bubble', () => {
    const bubble = post(104);
    const text = adapter.textElement(bubble)!;
    expect(text.matches('.message')).toBe(true);
    const slot = adapter.bannerSlot(bubble);
    expect(slot.parent).toBe(text.parentElement);
    expect(slot.before).toBe(text.nextSibling);
    expect(bubble.contains(slot.parent)).toBe(true);
  });

  it('maps a node deep inside a bubble back to the bubble, but not a service pill', () => {
    const bubble = post(107);
    expect(adapter.postContaining!(bubble.querySelector('strong')!.firstChild!)).toBe(bubble);
    expect(adapter.postContaining!(document.querySelector('.service-msg')!)).toBeNull();
  });

  it('sees posts appended to the channel', () => {
    expect(fixture.appendPosts!(2)).toEqual([`${CHANNEL}_109`, `${CHANNEL}_110`]);
    const ids = posts().map((found) => adapter.postId(found));
    expect(ids.slice(-2)).toEqual([`${CHANNEL}_109`, `${CHANNEL}_110`]);
    expect(adapter.readText(post(109))).toContain('Typing job in Laos (Golden Triangle SEZ) 🇱🇦 Salary $1,200/month');
  });

  it('reads the new id and text when a bubble element is recycled for another message', () => {
    const element = post(101);
    const before = adapter.postId(element);
    const step = fixture.recycle!();
    expect(step).toEqual({ from: `${CHANNEL}_101`, to: `${CHANNEL}_201` });
    expect(element.isConnected).toBe(true);
    expect(adapter.postId(element)).not.toBe(before);
    expect(adapter.postId(element)).toBe(`${CHANNEL}_201`);
    expect(adapter.readText(element)).toMatch(/^News: Philippine immigration officers/);
    expect(posts().filter((found) => found === element)).toHaveLength(1);
  });

  it('recycles the forwarded bubble into a plain post', () => {
    fixture.recycle!();
    const element = post(103);
    fixture.recycle!();
    expect(adapter.postId(element)).toBe(`${CHANNEL}_202`);
    expect(adapter.readText(element)).toContain('LOKER MARKETING ONLINE 💰 Myawaddy (Myanmar) 💰 gaji 20 juta/bulan');
  });

  it('follows SPA navigation to a group chat: senders, replies, new peer ids', () => {
    const ids = fixture.navigate!('group');
    expect(location.hash).toBe('#@infokerja_jateng');
    expect(posts().map((found) => adapter.postId(found))).toEqual(ids);
    for (const id of ids) expect(expectations).toHaveProperty([id]);
    const reply = posts()[2]!;
    expect(adapter.author!(reply)).toEqual({ name: 'Pak Joko (admin)' });
    // The quoted scam above the reply is not part of the reply's text.
    expect(adapter.readText(reply)).toMatch(/^Hati-hati kak, itu modus TPPO\./);
    expect(adapter.readText(reply)).not.toContain('LOKER MARKETING');
  });
});

describe('telegram-k isActive and matches', () => {
  it.each([
    ['https://web.telegram.org/k/', true],
    ['https://web.telegram.org/k/#@lokerluarnegeri_id', true],
    ['https://web.telegram.org/k', true],
    ['https://web.telegram.org/a/', false],
    ['https://web.telegram.org/', false],
    ['https://web.telegram.org/kz/', false],
    ['http://web.telegram.org/k/', false],
    ['https://telegram.org/k/', false],
    ['http://localhost:3000/k/', false],
  ])('%s → %s', (url, active) => {
    expect(adapter.isActive(new URL(url))).toBe(active);
  });

  it('matches only the production origin', () => {
    expect(adapter.matches).toEqual(['https://web.telegram.org/k/*']);
  });
});
