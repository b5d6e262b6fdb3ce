import { describe, expect, it } from 'vitest';
import { facebookMobileAdapter as adapter } from '../../src/sites/facebook-mobile';
import { loadFixture, readExpectations } from './fixtures';

const expectations = readExpectations('facebook-mobile');

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

describe('facebook-mobile adapter on the MTouch feed (m-feed.html)', () => {
  const load = () => loadFixture('facebook-mobile', 'm-feed.html', 'https://m.facebook.com/');

  it('finds each feed unit with a message once, not the Reels unit, composer or top bar', () => {
    load();
    expect(ids()).toEqual(['tracking:21', 'tracking:22', 'tracking:23', 'tracking:24', 'tracking:25', 'tracking:26']);
    for (const id of ids()) expect(expectations['m-feed.html']).toHaveProperty([id!]);
  });

  it('reads the message text area, not the author, time, actions or "See more"', () => {
    load();
    const text = adapter.readText(post('tracking:21'));
    expect(text.split('\n')[0]).toBe('🔥 LOWONGAN KERJA KAMBOJA 🇰🇭 🔥');
    expect(text).toContain('✅ Gaji 15jt/bulan + bonus\n✅ Tanpa pengalaman');
    expect(text.endsWith('✅ Tiket pesawat, visa, mess dan makan DITANGGUNG…')).toBe(true);
    expect(text).not.toMatch(/Rina HRD|2h|Like|See more/);
  });

  it('falls back to the longest text area when there is no ServerTextArea', () => {
    load();
    const local = post('tracking:23');
    expect(adapter.textElement(local)!.getAttribute('data-mcomponent')).toBe('TextArea');
    expect(adapter.readText(local)).toMatch(/^Dicari kasir dan pramuniaga/);
  });

  it('reads the grown text after "See more" rewrote the text area', () => {
    const fixture = load();
    const karir = post('tracking:25');
    const element = adapter.textElement(karir);
    expect(adapter.readText(karir)).not.toContain('Myawaddy');
    expect(fixture.expandSeeMore!('tracking:25')).toEqual(['tracking:25']);
    expect(adapter.textElement(karir)).toBe(element);
    expect(adapter.readText(karir)).toContain('📍 Lokasi: Myawaddy, Myanmar (dekat perbatasan Thailand)\n💰 Gaji 20 juta/bulan + bonus');
    expect(adapter.postContaining!(element!.querySelector('span')!)).toBe(karir);
  });

  it('reads hostile markup as text and nothing runs', () => {
    load();
    const hostile = post('tracking:24');
    expect(adapter.readText(hostile)).toContain('<script>window.__pwned = true</script> Dicari admin online');
    expect(hostile.querySelector('script, img[onerror], a[onclick], b')).toBeNull();
    expect((window as unknown as { __pwned?: boolean }).__pwned).toBeUndefined();
  });

  it('puts the banner inside the unit, right above the message', () => {
    load();
    const unit = post('tracking:22');
    const text = adapter.textElement(unit)!;
    expect(adapter.bannerSlot(unit)).toEqual({ parent: text.parentElement, before: text });
    expect(unit.contains(text.parentElement)).toBe(true);
  });

  it('sees units appended while scrolling and follows SPA navigation', () => {
    const fixture = load();
    expect(fixture.appendPosts!(2)).toEqual(['tracking:31', 'tracking:32']);
    expect(ids().slice(-2)).toEqual(['tracking:31', 'tracking:32']);
    expect(adapter.readText(post('tracking:31'))).toContain('Daftar lewat t.me/lokerbavet atau wa.me/6281298765432');
    const navigated = fixture.navigate!('group');
    expect(location.pathname).toBe('/groups/infolokerjatim/');
    expect(ids()).toEqual(navigated);
    for (const id of navigated) expect(expectations['m-feed.html']).toHaveProperty([id]);
  });
});

describe('facebook-mobile adapter on a classic story page (m-story.html)', () => {
  const load = () =>
    loadFixture('facebook-mobile', 'm-story.html', 'https://m.facebook.com/story.php?story_fbid=1029384756&id=100012345678');

  it('finds the story in #m_story_permalink_view and each comment', () => {
    load();
    expect(ids()).toEqual([
      '1029384756',
      'comment:1029384756_4001',
      'comment:1029384756_4002',
      'comment:1029384756_4003',
    ]);
    expect(post('1029384756').id).toBe('m_story_permalink_view');
  });

  it('reads the story without its comments, and emoji once (not the hidden copy)', () => {
    load();
    const text = adapter.readText(post('1029384756'));
    expect(text.split('\n')[0]).toBe('🔥 LOWONGAN KERJA KAMBOJA 🇰🇭 🔥');
    expect(text).toContain('Minat? Japri WA 0812-3456-7890\n#lokerkamboja #kerjaluarnegeri #lokerterbaru');
    expect(text).not.toContain('Myawaddy');
    expect(adapter.author!(post('1029384756'))).toEqual({
      name: 'Rina HRD',
      url: 'https://m.facebook.com/rina.hrd.778?refid=52&__tn__=C-R',
    });
    expect(adapter.permalink!(post('1029384756'))).toMatch(/^https:\/\/m\.facebook\.com\/story\.php\?story_fbid=1029384756/);
  });

  it('reads a comment with its own author, and sees comments loaded later', () => {
    const fixture = load();
    const comment = post('comment:1029384756_4002');
    expect(adapter.readText(comment)).toBe(
      'DM saya juga ada lowongan di Myawaddy, gaji 20 juta, tanpa pengalaman, tiket & visa gratis, berangkat minggu ini 🔥 WA 0857-9999-1212',
    );
    expect(adapter.author!(comment)?.name).toBe('Agen Kerja Asia');
    expect(fixture.appendComments!(1)).toEqual(['comment:1029384756_4004']);
    expect(ids().at(-1)).toBe('comment:1029384756_4004');
    for (const id of ids()) expect(expectations['m-story.html']).toHaveProperty([id!]);
  });
});

describe('facebook-mobile adapter on a basic group page (mbasic-group.html)', () => {
  const load = () => loadFixture('facebook-mobile', 'mbasic-group.html', 'https://mbasic.facebook.com/groups/infolokerjatim/');

  it('finds each article once, with ids from data-ft', () => {
    load();
    expect(ids()).toEqual(['5566001', '5566002', '5566003', '5566004', '5566005']);
    for (const id of ids()) expect(expectations['mbasic-group.html']).toHaveProperty([id!]);
  });

  it('reads the whole text behind a classic "More" cut, without the ellipsis or the link', () => {
    const fixture = load();
    const warning = post('5566002');
    const text = adapter.readText(warning);
    expect(text).toContain('2. Persyaratan sangat ringan dan gaji fantastis, misalnya 15–25 juta untuk admin');
    expect(text).toContain('Kamboja dan Myanmar bukan negara tujuan penempatan.');
    expect(text).not.toMatch(/\.\.\.|More/);
    expect(fixture.expandSeeMore!('5566002')).toEqual(['5566002']);
    expect(adapter.readText(warning)).toBe(text);
  });

  it('joins emoji images and text and sees more stories appended', () => {
    const fixture = load();
    expect(adapter.readText(post('5566004'))).toMatch(/^LOKER MARKETING ONLINE 💰 Myawaddy \(Myanmar\) 💰 gaji 20 juta/);
    expect(fixture.appendPosts!(2)).toEqual(['5566006', '5566007']);
    expect(adapter.readText(post('5566007'))).toMatch(/^Typing job in Laos \(Golden Triangle SEZ\) 🇱🇦/);
    expect(adapter.author!(post('5566007'))?.name).toBe('Golden Jobs');
  });
});

describe('facebook-mobile isActive and matches', () => {
  it.each([
    ['https://m.facebook.com/', true],
    ['https://m.facebook.com/story.php?story_fbid=1029384756&id=100012345678', true],
    ['https://mbasic.facebook.com/groups/infolokerjatim/', true],
    ['https://m.facebook.com/messages/read/?tid=1', false],
    ['https://m.facebook.com/login.php', false],
    ['https://www.facebook.com/', false],
    ['http://m.facebook.com/', false],
    ['http://localhost:8000/', false],
  ])('%s → %s', (url, active) => {
    expect(adapter.isActive(new URL(url))).toBe(active);
  });

  it('matches the production origins only', () => {
    expect(adapter.matches).toEqual(['https://m.facebook.com/*', 'https://mbasic.facebook.com/*']);
  });
});
