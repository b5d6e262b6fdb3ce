import { describe, expect, it } from 'vitest';
import { normaliseWhitespace, outermost, readElementText } from '../../src/sites/read-text';

function element(html: string): Element {
  const host = document.createElement('div');
  host.innerHTML = html;
  return host;
}

describe('readElementText', () => {
  it.each([
    ['text split across spans joins without gaps', '<span>Ga</span><span>ji</span> <b>15</b><i>jt</i>', 'Gaji 15jt'],
    ['emoji images read as their alt text', 'Gaji <img alt="💰" src="e.png">15jt<img alt="🇰🇭">', 'Gaji 💰15jt🇰🇭'],
    ['links and hashtags keep their text', 'Japri <a href="https://wa.me/62812">wa.me/62812</a> <a href="/hashtag/loker">#loker</a>', 'Japri wa.me/62812 #loker'],
    ['<br> becomes a newline', 'baris satu<br>baris dua', 'baris satu\nbaris dua'],
    ['blocks become lines', '<div>satu</div><div>dua</div><p>tiga</p>', 'satu\ndua\ntiga'],
    ['runs of spaces and formatting whitespace collapse', '<div>\n   a   b\n</div>\n\n\n\n<div>c</div>', 'a b\nc'],
    ['nested blocks make one line break', '<div><div><p>a</p></div></div><div><div>b</div></div>', 'a\nb'],
    ['two <br> make a blank line', 'a<br><br>b', 'a\n\nb'],
    ['our own banner is never read', 'pesan<waspada-alert level="high">Waspada!</waspada-alert>', 'pesan'],
    ['scripts, styles, buttons and inputs are skipped', 'x<script>y()</script><style>p{}</style><button>Like</button><input value="z">', 'x'],
    ['hidden elements are skipped', 'a<span hidden>b</span>c', 'ac'],
    ['non-breaking spaces read as spaces', 'Rp\u00a015.000.000', 'Rp 15.000.000'],
    ['text after a deep subtree follows it', '<div><p><span><b>Gaji</b></span></p></div>15jt', 'Gaji\n15jt'],
    ['an empty block still breaks the line', 'a<div></div>b', 'a\nb'],
    ['a block closing several levels at once makes one break', '<div><div><span>a<b>b</b></span></div></div>c', 'ab\nc'],
    ['what follows a skipped or hidden element is read', '<p>a<button>Like</button>b</p><p hidden>x</p><p>c</p>', 'ab\nc'],
    ['vector images and their text are skipped', 'Gaji<svg><text>icon</text></svg> 15jt', 'Gaji 15jt'],
    ['comments in the markup are not text', 'Gaji<!-- 99jt --> 15jt', 'Gaji 15jt'],
  ])('%s', (_name, html, expected) => {
    expect(readElementText(element(html))).toBe(expected);
  });

  it.each([
    ['a button by role, a timestamp by class', 'Lowongan CS <span class="time">12:00</span><div role="button">See more</div>', 'Lowongan CS'],
    ['a skipped element with text inside and after it', '<p>Gaji <span role="button">Lihat <b>terjemahan</b></span>15jt</p>', 'Gaji 15jt'],
    ['nested skipped elements', '<div role="button"><span class="time">1j</span>Suka</div>Japri WA', 'Japri WA'],
    ['emoji inside a skipped element', 'Minat?<span class="time"><img alt="🔥"></span> DM', 'Minat? DM'],
  ])('leaves out what the skip selector names: %s', (_name, html, expected) => {
    expect(readElementText(element(html), { skip: '.time, [role="button"]' })).toBe(expected);
  });

  it('reads the root itself even when the skip selector names it', () => {
    const root = element('Gaji <span role="button">See more</span>15jt');
    root.setAttribute('role', 'button');
    expect(readElementText(root, { skip: '[role="button"]' })).toBe('Gaji 15jt');
  });

  it('reads markup written as text as text', () => {
    const root = element('&lt;script&gt;window.__pwned = true&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;');
    expect(readElementText(root)).toBe('<script>window.__pwned = true</script> <img src=x onerror=alert(1)>');
    expect(root.querySelector('script, img')).toBeNull();
  });

  it('returns an empty string for a missing element', () => {
    expect(readElementText(null)).toBe('');
  });

  it('survives very deep nesting', () => {
    let html = 'dalam';
    for (let depth = 0; depth < 5000; depth += 1) html = `<span>${html}</span>`;
    expect(readElementText(element(html))).toBe('dalam');
  });
});

describe('readElementText with pre-line sites', () => {
  it('keeps newlines written in the text when the site styles text pre-line', () => {
    const root = element('<span>Gaji 15jt\n\nJapri</span>');
    expect(readElementText(root, { whiteSpace: 'pre-line' })).toBe('Gaji 15jt\n\nJapri');
    expect(readElementText(root)).toBe('Gaji 15jt Japri');
  });
});

describe('readElementText with an inline flow', () => {
  it('does not break lines at divs when the site lays the text out inline', () => {
    const root = element('DM <div class="r-xoduu5"><span><a href="/hr">@hr</a></span></div> now');
    expect(readElementText(root, { inline: true })).toBe('DM @hr now');
    expect(readElementText(root)).toBe('DM\n@hr\nnow');
  });
});

describe('normaliseWhitespace', () => {
  it.each([
    [' a \n\n\n\n b ', 'a\n\nb'],
    ['a\t\tb', 'a b'],
    ['a \n b', 'a\nb'],
  ])('%j → %j', (input, expected) => {
    expect(normaliseWhitespace(input)).toBe(expected);
  });
});

describe('outermost', () => {
  it('drops elements nested in another listed element', () => {
    const root = element('<div id="a"><div id="b"></div></div><div id="c"></div>');
    const [a, b, c] = ['#a', '#b', '#c'].map((selector) => root.querySelector(selector)!);
    expect(outermost([b!, a!, c!]).map((el) => el.id)).toEqual(['a', 'c']);
  });
});
