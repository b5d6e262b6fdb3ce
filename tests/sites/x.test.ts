import { beforeEach, describe, expect, it } from 'vitest';
import { xAdapter as adapter } from '../../src/sites/x';
import { loadFixture, readExpectations, type FixtureApi } from './fixtures';

const PAGE_URL = 'https://x.com/home';
const expectations = readExpectations('x')['home.html']!;
const status = (n: number) => `1800000000000000${n}`;

function posts(): Element[] {
  return adapter.findPosts(document);
}

function post(n: number): Element {
  const found = posts().find((candidate) => adapter.postId(candidate) === status(n));
  if (!found) throw new Error(`no post ${n}`);
  return found;
}

describe('x adapter on home.html', () => {
  let fixture: FixtureApi;
  beforeEach(() => {
    fixture = loadFixture('x', 'home.html', PAGE_URL);
  });

  it('finds every post once (a quoted post is not a separate post; a "Who to follow" cell is none)', () => {
    expect(posts().map((found) => adapter.postId(found))).toEqual([101, 102, 103, 104, 105, 106, 107, 108].map(status));
    expect(posts().every((found) => found.matches('article[data-testid="tweet"]'))).toBe(true);
  });

  it('knows every post of the page in expectations.json', () => {
    for (const found of posts()) expect(expectations).toHaveProperty([adapter.postId(found)!]);
  });

  it('finds a post when handed its timeline cell', () => {
    const article = post(104);
    expect(adapter.findPosts(article.closest('[data-testid="cellInnerDiv"]')!)).toEqual([article]);
  });

  it('reads emoji alt text, newlines, mentions and hashtags', () => {
    expect(adapter.readText(post(101))).toBe(
      '🚨 URGENT HIRING 🇰🇭 Customer Service in Sihanoukville, Cambodia.\n' +
        'Salary USD 1,000–1,500/month, no experience needed, free ticket + accommodation. Travel with tourist visa, ' +
        'airport pickup provided. DM Telegram @hr_recruit_kh\n#hiring #jobs',
    );
  });

  it('joins text split across spans and reads a t.co link as the full URL it shows', () => {
    const text = adapter.readText(post(106));
    expect(text.startsWith('Loker operator game di Bavet 🇰🇭 Gaji Rp 12.000.000–18.000.000')).toBe(true);
    expect(text).toContain('Daftar: https://wa.me/6281298765432 #lokerbavet #kerjaluarnegeri');
    expect(adapter.readText(post(104))).toContain('Jadwal lengkap: https://siskop2mi.bp2mi.go.id/jadwal-eps');
  });

  it('reads a quote post without the quoted post, and keeps its own id', () => {
    const quote = post(103);
    expect(adapter.readText(quote)).toBe('Ini jelas modus TPPO, jangan ada yang daftar. Laporkan akunnya rame-rame 👇');
    expect(adapter.textElement(quote)!.closest('[role="link"]')).toBeNull();
    expect(adapter.permalink!(quote)).toBe('https://x.com/relawanpmi/status/1800000000000000103');
  });

  it('reads hostile markup as text, also in the display name, and nothing runs', () => {
    const hostile = post(105);
    expect(adapter.readText(hostile)).toContain('<script>window.__pwned = true</script> Dicari admin online');
    expect(adapter.author!(hostile)).toEqual({ name: '<img src=x onerror=alert(1)>', url: 'https://x.com/infoloker_xx' });
    expect(hostile.querySelector('script, img[onerror], a[onclick]')).toBeNull();
    expect((window as unknown as { __pwned?: boolean }).__pwned).toBeUndefined();
  });

  it('reads the grown text after "Show more", never the button', () => {
    const long = post(107);
    const element = adapter.textElement(long);
    const before = adapter.readText(long);
    expect(before).not.toContain('Show more');
    expect(before).not.toContain('Myawaddy');
    expect(fixture.expandSeeMore!()).toEqual([status(107)]);
    expect(adapter.textElement(long)).toBe(element);
    expect(adapter.readText(long)).toContain('Lokasi: Myawaddy, Myanmar (dekat perbatasan Thailand)\nGaji: 20 juta/bulan + bonus');
  });

  it('puts the banner right under the post text, inside the article', () => {
    const article = post(101);
    const text = adapter.textElement(article)!;
    const slot = adapter.bannerSlot(article);
    expect(slot).toEqual({ parent: text.parentElement, before: text.nextSibling });
    expect(article.contains(slot.parent)).toBe(true);
  });

  it('gives author and permalink', () => {
    expect(adapter.author!(post(102))).toEqual({ name: 'Safe Travel Kemlu', url: 'https://x.com/safetravelkemlu' });
    expect(adapter.permalink!(post(102))).toBe('https://x.com/safetravelkemlu/status/1800000000000000102');
  });

  it('maps a node in the quoted card to the quoting post', () => {
    const quote = post(103);
    expect(adapter.postContaining!(quote.querySelector('[role="link"] [data-testid="tweetText"] span')!)).toBe(quote);
  });

  it('sees timeline cells appended while scrolling', () => {
    expect(fixture.appendPosts!(2)).toEqual([status(109), status(110)]);
    expect(posts().map((found) => adapter.postId(found)).slice(-2)).toEqual([status(109), status(110)]);
    expect(adapter.readText(post(109))).toMatch(/Contact Telegram https:\/\/t\.me\/goldenjobs_hr$/);
  });

  it('follows SPA navigation to a post page, where the time link sits under the text', () => {
    const ids = fixture.navigate!('status');
    expect(location.pathname).toBe('/lokerasia_id/status/1800000000000000101');
    expect(posts().map((found) => adapter.postId(found))).toEqual(ids);
    for (const id of ids) expect(expectations).toHaveProperty([id]);
    expect(adapter.readText(posts()[0]!)).toMatch(/^🚨 URGENT HIRING 🇰🇭/);
  });
});

describe('x isActive and matches', () => {
  it.each([
    ['https://x.com/home', true],
    ['https://twitter.com/home', true],
    ['https://x.com/lokerasia_id/status/1800000000000000101', true],
    ['https://mobile.x.com/home', true],
    ['https://mobile.twitter.com/home', true],
    ['https://pro.x.com/', false],
    ['https://x.company.com/', false],
    ['http://x.com/home', false],
    ['http://localhost:8080/home', false],
  ])('%s → %s', (url, active) => {
    expect(adapter.isActive(new URL(url))).toBe(active);
  });

  it('matches the production origins only', () => {
    expect(adapter.matches).toEqual(['https://x.com/*', 'https://twitter.com/*', 'https://mobile.x.com/*', 'https://mobile.twitter.com/*']);
  });
});
