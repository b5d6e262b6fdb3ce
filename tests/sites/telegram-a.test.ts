import { beforeEach, describe, expect, it } from 'vitest';
import { telegramAAdapter as adapter } from '../../src/sites/telegram-a';
import { loadFixture, readExpectations, type FixtureApi } from './fixtures';

const PAGE_URL = 'https://web.telegram.org/a/#-1001700000002';
const CHANNEL = '-1001700000002';
const expectations = readExpectations('telegram-a')['channel.html']!;

function posts(): Element[] {
  return adapter.findPosts(document);
}

function post(id: number): Element {
  const found = posts().find((candidate) => candidate.getAttribute('data-message-id') === String(id));
  if (!found) throw new Error(`no post ${id}`);
  return found;
}

describe('telegram-a adapter on channel.html', () => {
  let fixture: FixtureApi;
  beforeEach(() => {
    fixture = loadFixture('telegram-a', 'channel.html', PAGE_URL);
  });

  it('finds every text message once, and no service message, sticker or chat-list preview', () => {
    expect(posts().map((found) => adapter.postId(found))).toEqual(
      [101, 102, 103, 104, 105, 106, 107].map((id) => `${CHANNEL}_${id}`),
    );
  });

  it('knows every post of the page in expectations.json', () => {
    for (const found of posts()) expect(expectations).toHaveProperty([adapter.postId(found)!]);
  });

  it('finds a message when handed the message itself or a subtree around it', () => {
    const message = post(104);
    expect(adapter.findPosts(message)).toEqual([message]);
    expect(adapter.findPosts(message.closest('.message-date-group')!)).toContain(message);
  });

  it('reads the text with emoji alt text, mention and hashtags, without views or time', () => {
    const text = adapter.readText(post(107));
    expect(text.split('\n')[0]).toBe('🔥 LOWONGAN KERJA KAMBOJA 🇰🇭');
    expect(text).toContain('✅ Gaji 15jt/bulan + bonus');
    expect(text.endsWith('#lokerkamboja #kerjaluarnegeri')).toBe(true);
    expect(text).not.toMatch(/12\.4K|17:15/);
    expect(adapter.readText(post(101))).toMatch(/departure this week! DM Telegram @hr_recruit_kh$/);
  });

  it('joins text split across entity spans and keeps spoiler text', () => {
    const text = adapter.readText(post(104));
    expect(text).toContain('Dicari 10 orang operator game & data entry untuk kantor di Bavet');
    expect(text).toContain('cukup punya paspor, bebas visa.');
  });

  it('reads a forwarded long post without its sender title', () => {
    const text = adapter.readText(post(103));
    expect(text.startsWith('Ciri-ciri penipuan lowongan kerja luar negeri\n\n1. Tawaran datang')).toBe(true);
    expect(text).not.toContain('Kemnaker RI');
    expect(adapter.author!(post(103))).toEqual({ name: 'Kemnaker RI' });
  });

  it('reads hostile markup as text and nothing in it runs', () => {
    const message = post(106);
    expect(adapter.readText(message)).toContain('<script>window.__pwned = true</script> Dicari admin online');
    expect(message.querySelector('script, img[onerror], a[onclick]')).toBeNull();
    expect((window as unknown as { __pwned?: boolean }).__pwned).toBeUndefined();
  });

  it('points at .text-content and puts the banner under the bubble, inside the message', () => {
    const message = post(101);
    const text = adapter.textElement(message)!;
    expect(text.matches('.text-content')).toBe(true);
    const slot = adapter.bannerSlot(message);
    expect(slot.parent.matches('.message-content-wrapper')).toBe(true);
    expect(slot.before).toBe(message.querySelector('.message-content')!.nextSibling);
    expect(message.contains(slot.parent)).toBe(true);
  });

  it('maps a node inside a message back to it, but not a service message', () => {
    const message = post(104);
    expect(adapter.postContaining!(message.querySelector('em')!.firstChild!)).toBe(message);
    expect(adapter.postContaining!(document.querySelector('.action-message-content')!)).toBeNull();
  });

  it('reads the message id from the element id when data-message-id is missing', () => {
    const message = post(105);
    message.removeAttribute('data-message-id');
    expect(adapter.postId(message)).toBe(`${CHANNEL}_105`);
    message.id = 'message105';
    expect(adapter.postId(message)).toBe(`${CHANNEL}_105`);
  });

  it('sees messages appended to the list', () => {
    expect(fixture.appendPosts!(5)).toEqual([`${CHANNEL}_109`, `${CHANNEL}_110`]);
    expect(posts().map((found) => adapter.postId(found)).slice(-2)).toEqual([`${CHANNEL}_109`, `${CHANNEL}_110`]);
  });

  it('reads the new id and text when an element is recycled for another message', () => {
    const element = post(107);
    expect(fixture.recycle!()).toEqual({ from: `${CHANNEL}_107`, to: `${CHANNEL}_201` });
    expect(element.isConnected).toBe(true);
    expect(adapter.postId(element)).toBe(`${CHANNEL}_201`);
    expect(adapter.readText(element)).toMatch(/^Reminder: legal work abroad/);
    const japan = post(102);
    fixture.recycle!();
    expect(adapter.postId(japan)).toBe(`${CHANNEL}_202`);
    expect(adapter.readText(japan)).toContain('LOKER MARKETING ONLINE 💰 Myawaddy (Myanmar) 💰');
  });

  it('follows SPA navigation: the chat id comes from the new hash', () => {
    const ids = fixture.navigate!('group');
    expect(posts().map((found) => adapter.postId(found))).toEqual(ids);
    expect(ids[0]).toBe('-1001900000004_301');
    for (const id of ids) expect(expectations).toHaveProperty([id]);
    const reply = posts()[2]!;
    expect(adapter.author!(reply)).toEqual({ name: 'Pak Hendra' });
    expect(adapter.readText(reply)).toMatch(/^Jangan percaya!/);
    expect(adapter.readText(reply)).not.toContain('Phnom Penh, gaji 15jt');
  });
});

describe('telegram-a isActive and matches', () => {
  it.each([
    ['https://web.telegram.org/a/', true],
    ['https://web.telegram.org/a/#-1001700000002', true],
    ['https://web.telegram.org/a', true],
    ['https://web.telegram.org/k/', false],
    ['https://web.telegram.org/', false],
    ['https://web.telegram.org/about', false],
    ['http://web.telegram.org/a/', false],
    ['http://localhost:1234/a/', false],
  ])('%s → %s', (url, active) => {
    expect(adapter.isActive(new URL(url))).toBe(active);
  });

  it('matches only the production origin', () => {
    expect(adapter.matches).toEqual(['https://web.telegram.org/a/*']);
  });
});
