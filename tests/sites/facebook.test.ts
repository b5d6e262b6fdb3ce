import { describe, expect, it } from 'vitest';
import { facebookAdapter as adapter } from '../../src/sites/facebook';
import { readingTogether } from '../../src/sites/read-cache';
import { loadFixture, readExpectations } from './fixtures';

const expectations = readExpectations('facebook');

function posts(): Element[] {
  return adapter.findPosts(document);
}

function ids(): (string | null)[] {
  return posts().map((post) => adapter.postId(post));
}

function post(id: string): Element {
  const found = posts().find((candidate) => adapter.postId(candidate) === id);
  if (!found) throw new Error(`no post ${id}`);
  return found;
}

describe('facebook adapter on the home feed (feed.html)', () => {
  const load = () => loadFixture('facebook', 'feed.html', 'https://www.facebook.com/');

  it('finds each post and comment once: no feed-unit wrapper twice, no suggestion unit, composer or stories', () => {
    load();
    expect(ids()).toEqual([
      'pfbid02Kx7RinaLokerKamboja1',
      'comment:3300001',
      'pfbid0KBRIWaspadaKamboja2',
      '778899001122',
      'pfbid0HostileLoker4',
      'pfbid0KarirAsiaMyawaddy5',
      'pfbid0NadiaAngkor6',
      'posinset:8',
    ]);
    expect(document.querySelector('[data-pagelet="FeedUnit_7"]')).not.toBeNull();
    expect(posts()).not.toContain(document.querySelector('[data-pagelet="FeedUnit_7"]'));
  });

  it('knows every post of the page in expectations.json', () => {
    load();
    for (const id of ids()) expect(expectations['feed.html']).toHaveProperty([id!]);
  });

  it('reads paragraphs, emoji alt text and the cut text, never "See more" or the comments', () => {
    load();
    const text = adapter.readText(post('pfbid02Kx7RinaLokerKamboja1'));
    expect(text.split('\n')).toEqual([
      '🔥 LOWONGAN KERJA KAMBOJA 🇰🇭 🔥',
      'Dibutuhkan segera: Customer Service / Admin Online untuk perusahaan investasi di Phnom Penh.',
      '✅ Gaji 15jt/bulan + bonus',
      '✅ Tanpa pengalaman, tanpa ijazah, yang penting bisa mengetik',
      '✅ Usia 18-35 tahun',
      '✅ Tiket pesawat, visa, mess dan makan DITANGGUNG…',
    ]);
    expect(text).not.toContain('Kak saya minat');
  });

  it('reads the grown text after "See more" replaced the message content in place', () => {
    const fixture = load();
    const scam = post('pfbid02Kx7RinaLokerKamboja1');
    const element = adapter.textElement(scam);
    const oldParagraph = element!.querySelector('[dir="auto"][style]');
    expect(fixture.expandSeeMore!('pfbid02Kx7RinaLokerKamboja1')).toEqual(['pfbid02Kx7RinaLokerKamboja1']);
    expect(oldParagraph!.isConnected).toBe(false);
    expect(adapter.textElement(scam)).toBe(element);
    const text = adapter.readText(scam);
    expect(text).toContain('✅ Berangkat minggu ini pakai visa turis, interview online 1x langsung diterima');
    expect(text).toContain('Minat? Japri WA 0812-3456-7890\n#lokerkamboja #kerjaluarnegeri #lokerterbaru');
    expect(adapter.postContaining!(element!.querySelector('a')!)).toBe(scam);
  });

  it('flags only after "See more" where the red flags sit behind it', () => {
    const fixture = load();
    const karir = post('pfbid0KarirAsiaMyawaddy5');
    expect(adapter.readText(karir)).not.toMatch(/Myawaddy|paspor/);
    fixture.expandSeeMore!();
    expect(adapter.readText(karir)).toContain('📍 Lokasi: Myawaddy, Myanmar (dekat perbatasan Thailand)\n💰 Gaji 20 juta/bulan + bonus');
  });

  it('maps nodes outside every post (the feed, the header, the side rail) to no post, and a post\'s own nodes to it', () => {
    load();
    const outside = ['[role="feed"]', '[role="banner"] input', '[role="navigation"] a'].map((selector) => document.querySelector(selector)!);
    for (const node of [...outside, outside[2]!.firstChild!]) expect(adapter.postContaining!(node)).toBeNull();
    const scam = post('pfbid02Kx7RinaLokerKamboja1');
    expect(adapter.postContaining!(scam)).toBe(scam);
    expect(adapter.postContaining!(adapter.textElement(scam)!.querySelector('img')!)).toBe(scam);
  });

  it('reads a comment as its own unit with its own id and text element', () => {
    load();
    const comment = post('comment:3300001');
    expect(comment.matches('[role="article"]')).toBe(true);
    expect(adapter.readText(comment)).toBe('Kak saya minat, masih buka? Syaratnya apa aja ya?');
    expect(adapter.textElement(comment)!.matches('span[lang]')).toBe(true);
    expect(adapter.postContaining!(adapter.textElement(comment)!)).toBe(comment);
  });

  it('reads hostile markup as text, in the message and the author name, and nothing runs', () => {
    load();
    const hostile = post('pfbid0HostileLoker4');
    expect(adapter.readText(hostile)).toContain('<script>window.__pwned = true</script> Dicari admin online');
    expect(adapter.author!(hostile)?.name).toBe('Info Loker <b>Terbaru</b> <img src=x onerror="window.__pwned = true">');
    expect(hostile.querySelector('script, img[onerror], a[onclick], b')).toBeNull();
    expect((window as unknown as { __pwned?: boolean }).__pwned).toBeUndefined();
  });

  it('reads ids from /posts/, photo fbid and story_fbid links, and the feed position when the link has no href', () => {
    load();
    expect(adapter.permalink!(post('pfbid02Kx7RinaLokerKamboja1'))).toMatch(
      /^https:\/\/www\.facebook\.com\/rina\.hrd\.778\/posts\/pfbid02Kx7RinaLokerKamboja1\?/,
    );
    expect(adapter.permalink!(post('778899001122'))).toMatch(/\/photo\/\?fbid=778899001122/);
    expect(adapter.permalink!(post('posinset:8'))).toBeNull();
    expect(adapter.author!(post('pfbid0KBRIWaspadaKamboja2'))).toEqual({
      name: 'KBRI Phnom Penh',
      url: 'https://www.facebook.com/kbriphnompenh',
    });
  });

  it('puts the banner inside the post, right above the message', () => {
    load();
    const scam = post('pfbid02Kx7RinaLokerKamboja1');
    const text = adapter.textElement(scam)!;
    expect(text.matches('[data-ad-rendering-role="story_message"]')).toBe(true);
    expect(adapter.bannerSlot(scam)).toEqual({ parent: text.parentElement, before: text });
    expect(scam.contains(text.parentElement)).toBe(true);
  });

  it('sees units appended while scrolling, built like the others', () => {
    const fixture = load();
    expect(fixture.appendPosts!(2)).toEqual(['pfbid0BeritaTPPO9', 'pfbid0LokerBavet10']);
    expect(ids().slice(-2)).toEqual(['pfbid0BeritaTPPO9', 'pfbid0LokerBavet10']);
    const bavet = post('pfbid0LokerBavet10');
    expect(bavet.getAttribute('aria-posinset')).toBe('10');
    expect(adapter.readText(bavet)).toContain('Daftar lewat t.me/lokerbavet atau wa.me/6281298765432');
    expect(adapter.author!(bavet)?.name).toBe('Loker Bavet Official');
  });

  it('follows SPA navigation to a group: pushState and the feed replaced', () => {
    const fixture = load();
    const navigated = fixture.navigate!('group');
    expect(location.pathname).toBe('/groups/infolokerjatim/');
    expect(ids()).toEqual(navigated);
    for (const id of navigated) expect(expectations['feed.html']).toHaveProperty([id]);
    expect(adapter.readText(posts()[0]!)).toMatch(/^Typing job in Laos \(Golden Triangle SEZ\) 🇱🇦/);
  });
});

describe('facebook adapter on a group (group.html)', () => {
  const load = () => loadFixture('facebook', 'group.html', 'https://www.facebook.com/groups/infolokerjatim/');

  it('finds posts and their comments and replies, each once', () => {
    load();
    expect(ids()).toEqual([
      '1122334401',
      'comment:2001',
      'comment:2003',
      'comment:2002',
      '1122334402',
      '1122334403',
      '1122334404',
      'aria::r17:',
      '1122334406',
    ]);
    for (const id of ids()) expect(expectations['group.html']).toHaveProperty([id!]);
  });

  it("keeps comments out of the post's text and the post out of the comments' text", () => {
    load();
    const scam = post('1122334401');
    expect(adapter.readText(scam)).toMatch(/^Dicari 10 orang operator game/);
    expect(adapter.readText(scam)).not.toContain('Japri WA 0812-5555-6666');
    expect(adapter.readText(post('comment:2002'))).toBe(
      'Ada lowongan CS di Kamboja juga kak, gaji 15jt, tiket & mess gratis, berangkat pakai visa turis, tanpa pengalaman 🔥 Japri WA 0812-5555-6666',
    );
    expect(adapter.readText(post('comment:2003'))).toMatch(/^Permisi kak, saya juga ditawari/);
  });

  it('falls back to the heading id when the timestamp link has no href yet', () => {
    load();
    const lazy = post('aria::r17:');
    expect(adapter.readText(lazy)).toMatch(/^Typing job in Laos/);
    expect(adapter.permalink!(lazy)).toBeNull();
  });

  it('expands the cut warning and appends group posts as articles', () => {
    const fixture = load();
    const warning = post('1122334403');
    expect(adapter.readText(warning)).not.toContain('Kamboja dan Myanmar bukan negara tujuan');
    expect(fixture.expandSeeMore!()).toEqual(['1122334403']);
    expect(adapter.readText(warning)).toContain('Kamboja dan Myanmar bukan negara tujuan penempatan.');
    expect(fixture.appendPosts!(2)).toEqual(['1122334407', '1122334408']);
    expect(post('1122334407').matches('[role="article"]')).toBe(true);
    expect(adapter.readText(post('1122334407'))).toMatch(/^LOKER MARKETING ONLINE 💰 Myawaddy \(Myanmar\) 💰/);
  });
});

describe('facebook adapter on a single-post page (post.html)', () => {
  const load = () =>
    loadFixture('facebook', 'post.html', 'https://www.facebook.com/rina.hrd.778/posts/pfbid02SinglePostRina');

  it('finds the post without an article role around it, and its comments', () => {
    load();
    expect(ids()).toEqual(['pfbid02SinglePostRina', 'comment:3001', 'comment:3002', 'comment:3003']);
    const single = post('pfbid02SinglePostRina');
    expect(single.matches('[role="article"], [aria-posinset]')).toBe(false);
    expect(single.querySelector('h2')).not.toBeNull();
    expect(adapter.readText(single)).toContain('Minat? Japri WA 0812-3456-7890');
    expect(adapter.readText(single)).not.toContain('Myawaddy');
  });

  it('finds the post from inside its message, and maps nodes back to it', () => {
    load();
    const single = post('pfbid02SinglePostRina');
    const message = document.querySelector('[data-ad-comet-preview="message"]')!;
    expect(adapter.findPosts(message)).toEqual([single]);
    expect(adapter.postContaining!(message.querySelector('img')!)).toBe(single);
  });

  it('sees comments loaded later', () => {
    const fixture = load();
    expect(fixture.appendComments!(1)).toEqual(['comment:3004']);
    expect(ids().at(-1)).toBe('comment:3004');
    expect(adapter.readText(post('comment:3004'))).toMatch(/^Sudah saya laporkan ke KP2MI/);
    for (const id of ids()) expect(expectations['post.html']).toHaveProperty([id!]);
  });
});

describe('facebook adapter inside one watcher read', () => {
  /** What the watcher reads of each post found under `root`. */
  const reading = (root: ParentNode) =>
    adapter.findPosts(root).map((post) => ({
      post,
      id: adapter.postId(post),
      text: adapter.readText(post),
      textElement: adapter.textElement(post),
      slot: adapter.bannerSlot(post),
      permalink: adapter.permalink!(post),
      author: adapter.author!(post),
    }));

  it.each([
    ['feed.html', 'https://www.facebook.com/'],
    ['group.html', 'https://www.facebook.com/groups/infolokerjatim/'],
    ['post.html', 'https://www.facebook.com/rina.hrd.778/posts/pfbid02SinglePostRina'],
  ])('%s: finds and reads the same posts from one pass over an added subtree as post by post', (page, url) => {
    loadFixture('facebook', page, url);
    const roots = [document, ...Array.from(document.querySelectorAll('[role="feed"] > *, [role="article"], [data-ad-comet-preview="message"]'))];
    for (const root of roots) {
      const alone = reading(root);
      expect(readingTogether(() => reading(root))).toEqual(alone);
    }
    expect(readingTogether(() => reading(document)).length).toBeGreaterThan(3);
  });
});

describe('facebook isActive and matches', () => {
  it.each([
    ['https://www.facebook.com/', true],
    ['https://www.facebook.com/groups/infolokerjatim/', true],
    ['https://web.facebook.com/rina.hrd.778/posts/pfbid02SinglePostRina', true],
    ['https://www.facebook.com/messages/t/123', false],
    ['https://www.facebook.com/login/', false],
    ['https://m.facebook.com/', false],
    ['https://facebook.com.evil.example/', false],
    ['http://www.facebook.com/', false],
    ['http://localhost:5173/', false],
  ])('%s → %s', (url, active) => {
    expect(adapter.isActive(new URL(url))).toBe(active);
  });

  it('matches the production origins only', () => {
    expect(adapter.matches).toEqual(['https://www.facebook.com/*', 'https://web.facebook.com/*']);
  });
});
