import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Assessment } from '../../src/detect/types';
import type { SiteAdapter } from '../../src/sites/types';
import { DEFAULT_SETTINGS, type Settings } from '../../src/settings/schema';
import { BANNER_TAG, createOverlay, shadowRootOf } from '../../src/overlay';
import { bannerKit } from '../../src/overlay/kit';
import { LEVEL_ATTRIBUTE, isActiveFor, showsBanner, startWatcher, type WatcherOptions } from '../../src/watcher/watcher';

/** A tiny site: <article data-post-id> posts whose <p class="msg"> holds the text; banners go first in the post. */
const testAdapter: SiteAdapter = {
  id: 'facebook',
  name: 'Test site',
  matches: ['https://www.facebook.com/*'],
  isActive: () => true,
  findPosts(root) {
    const posts = [...root.querySelectorAll('article')];
    return root instanceof Element && root.matches('article') ? [root, ...posts] : posts;
  },
  textElement: (post) => post.querySelector('.msg'),
  readText: (post) => post.querySelector('.msg')?.textContent ?? '',
  postId: (post) => post.getAttribute('data-post-id'),
  bannerSlot: (post) => ({ parent: post, before: post.firstChild }),
};

/** A stand-in detector so these tests do not move with the real one: SCAM → high, CAUTION → caution. */
function fakeAssess(text: string): Assessment {
  const level = text.includes('SCAM') ? 'high' : text.includes('CAUTION') ? 'caution' : 'none';
  if (level === 'none') return { level, score: 0, lang: 'en', signals: [] };
  const word = level === 'high' ? 'SCAM' : 'CAUTION';
  const start = text.indexOf(word);
  return {
    level,
    score: level === 'high' ? 0.9 : 0.5,
    lang: 'en',
    signals: [{ id: 'destination.country', family: 'destination', weight: 0.5, evidence: [{ start, end: start + word.length, text: word }] }],
  };
}

/** Slices run only when the test says so. */
function manualScheduler() {
  const queue: Array<() => void> = [];
  const scheduler = (slice: () => void) => {
    queue.push(slice);
    return () => {
      const index = queue.indexOf(slice);
      if (index >= 0) queue.splice(index, 1);
    };
  };
  return {
    scheduler,
    pending: () => queue.length,
    /** Runs slices until the queue is empty; returns how many ran. */
    runAll() {
      let slices = 0;
      while (queue.length > 0 && slices < 1000) {
        queue.shift()!();
        slices++;
      }
      return slices;
    },
  };
}

const mutationsDelivered = () => new Promise((resolve) => setTimeout(resolve, 0));

function post(id: string, text: string): HTMLElement {
  const article = document.createElement('article');
  article.setAttribute('data-post-id', id);
  const header = document.createElement('h3');
  header.textContent = `Author of ${id}`;
  const message = document.createElement('p');
  message.className = 'msg';
  message.textContent = text;
  article.append(header, message);
  return article;
}

const bannersIn = (root: ParentNode) => root.querySelectorAll(BANNER_TAG);
const levelOf = (article: Element) => article.querySelector('.msg')?.getAttribute(LEVEL_ATTRIBUTE);

let controller: AbortController;
let slices: ReturnType<typeof manualScheduler>;
let feed: HTMLElement;

function start(overrides: Partial<WatcherOptions> = {}) {
  return startWatcher({
    adapter: testAdapter,
    assess: fakeAssess,
    overlay: createOverlay(document),
    settings: DEFAULT_SETTINGS,
    signal: controller.signal,
    scheduler: slices.scheduler,
    renderScheduler: slices.scheduler,
    banner: bannerKit('ID', 'id'),
    onDismiss: vi.fn(),
    onRealJob: vi.fn(),
    onReport: vi.fn(),
    ...overrides,
  });
}

beforeEach(() => {
  document.body.innerHTML = '';
  feed = document.createElement('div');
  feed.setAttribute('role', 'feed');
  document.body.append(feed);
  controller = new AbortController();
  slices = manualScheduler();
});
afterEach(() => controller.abort());

describe('pure rules', () => {
  it.each([
    ['high', 'all', false, true],
    ['caution', 'all', false, true],
    ['caution', 'high', false, false],
    ['high', 'high', false, true],
    ['high', 'all', true, false],
    ['none', 'all', false, false],
  ] as const)('level %s, sensitivity %s, hidden %s → banner %s', (level, sensitivity, hidden, expected) => {
    expect(showsBanner(level, sensitivity, hidden)).toBe(expected);
  });

  it.each([
    ['running', {}, true],
    ['site turned off', { disabledSites: ['facebook'] }, false],
    ['another site turned off', { disabledSites: ['x'] }, true],
    ['paused for an hour', { pausedUntil: 1_000 + 3_600_000 }, false],
    ['pause over', { pausedUntil: 999 }, true],
  ] as const)('%s', (_name, patch, expected) => {
    expect(isActiveFor('facebook', { ...DEFAULT_SETTINGS, ...patch } as Settings, 1_000)).toBe(expected);
  });
});

describe('watcher', () => {
  it('puts one banner on each scam post and marks every assessed text', () => {
    feed.append(post('1', 'SCAM job, free ticket'), post('2', 'Bakery needs a cashier'), post('3', 'another SCAM offer'));
    start();
    slices.runAll();
    const [scam, legit, scam2] = feed.querySelectorAll('article');
    expect(bannersIn(scam!)).toHaveLength(1);
    expect(bannersIn(scam2!)).toHaveLength(1);
    expect(bannersIn(legit!)).toHaveLength(0);
    expect(bannersIn(document)).toHaveLength(2);
    expect(bannersIn(scam!)[0]!.getAttribute('level')).toBe('high');
    expect([levelOf(scam!), levelOf(legit!), levelOf(scam2!)]).toEqual(['high', 'none', 'high']);
  });

  it('keeps exactly one banner per post however often the site re-renders it', async () => {
    const article = post('1', 'SCAM job in the compound');
    feed.append(article);
    start();
    slices.runAll();
    for (let round = 0; round < 5; round++) {
      // A React-like re-render: the site rebuilds the post's children, dropping ours, with the same text.
      article.replaceChildren(...post('1', 'SCAM job in the compound').childNodes);
      await mutationsDelivered();
      slices.runAll();
      expect(bannersIn(article)).toHaveLength(1);
    }
    // And a re-render that keeps our banner but rewrites the message text node by node.
    article.querySelector('.msg')!.textContent = 'SCAM job in the compound';
    await mutationsDelivered();
    slices.runAll();
    expect(bannersIn(document)).toHaveLength(1);
    expect(levelOf(article)).toBe('high');
  });

  it('re-assesses a recycled node that now shows another post', async () => {
    const article = post('1', 'SCAM job abroad');
    feed.append(article);
    start();
    slices.runAll();
    expect(bannersIn(article)).toHaveLength(1);

    // Virtualised lists reuse the node: new id and new text.
    article.setAttribute('data-post-id', '2');
    article.querySelector('.msg')!.textContent = 'Selling a used bicycle';
    await mutationsDelivered();
    slices.runAll();
    expect(bannersIn(article)).toHaveLength(0);
    expect(levelOf(article)).toBe('none');

    article.setAttribute('data-post-id', '3');
    article.querySelector('.msg')!.textContent = 'CAUTION: work abroad';
    await mutationsDelivered();
    slices.runAll();
    expect(bannersIn(article)).toHaveLength(1);
    expect(levelOf(article)).toBe('caution');
  });

  it('keys a recycled node anew when only its id changes (same text): feedback follows the post, not the node', async () => {
    const adapter: SiteAdapter = { ...testAdapter, idAttributes: ['data-post-id'] };
    // The same scam text posted twice (copy-paste campaigns do that); the user dismissed message 1 only.
    const article = post('1', 'SCAM job abroad, same words everywhere');
    feed.append(article);
    start({ adapter, hiddenKeys: ['facebook:1'] });
    slices.runAll();
    expect(bannersIn(article)).toHaveLength(0);

    // The list reuses the node for message 2: a new id attribute, not one character of text changes.
    article.setAttribute('data-post-id', '2');
    await mutationsDelivered();
    slices.runAll();
    expect(bannersIn(article)).toHaveLength(1);

    // And back to a dismissed one.
    article.setAttribute('data-post-id', '1');
    await mutationsDelivered();
    slices.runAll();
    expect(bannersIn(article)).toHaveLength(0);
  });

  it('watches only the adapter\'s id attributes', async () => {
    const observed: MutationObserverInit[] = [];
    const createObserver = (callback: MutationCallback) => {
      const real = new MutationObserver(callback);
      return { observe: (target: Node, init: MutationObserverInit) => (observed.push(init), real.observe(target, init)), disconnect: () => real.disconnect() };
    };
    start({ adapter: { ...testAdapter, idAttributes: ['data-post-id'] }, createObserver });
    start({ adapter: testAdapter, createObserver });
    expect(observed.map((init) => [init.attributes ?? false, init.attributeFilter ?? null])).toEqual([
      [true, ['data-post-id']],
      [false, null],
    ]);
  });

  it('takes away a banner host the page writes into a post', async () => {
    const scam = post('1', 'SCAM job abroad');
    const clean = post('2', 'Bakery needs a cashier');
    feed.append(scam, clean);
    start();
    slices.runAll();
    expect(bannersIn(scam)).toHaveLength(1);
    const fake = document.createElement(BANNER_TAG);
    fake.setAttribute('level', 'high');
    clean.querySelector('.msg')!.before(fake);
    scam.querySelector('.msg')!.before(document.createElement(BANNER_TAG));
    await mutationsDelivered();
    slices.runAll();
    expect(bannersIn(clean)).toHaveLength(0);
    expect(bannersIn(scam)).toHaveLength(1);
    expect(shadowRootOf(bannersIn(scam)[0]!)).toBeDefined();
  });

  it('re-assesses text that grows behind "See more"', async () => {
    const article = post('1', 'Work abroad, good pay… See more');
    feed.append(article);
    start();
    slices.runAll();
    expect(levelOf(article)).toBe('none');

    const more = document.createElement('span');
    more.textContent = ' in the SCAM compound, free ticket';
    article.querySelector('.msg')!.append(more);
    await mutationsDelivered();
    slices.runAll();
    expect(levelOf(article)).toBe('high');
    expect(bannersIn(article)).toHaveLength(1);
  });

  it('asks the adapter for the post around text that arrives after its container', async () => {
    // Like Facebook: a post counts only once its message is rendered, and the message arrives later.
    const adapter: SiteAdapter = {
      ...testAdapter,
      findPosts: (root) => testAdapter.findPosts(root).filter((post) => post.querySelector('.msg')),
      postContaining: (node) => (node.nodeType === 1 ? (node as Element) : node.parentElement)?.closest('article') ?? null,
    };
    const article = post('1', '');
    article.querySelector('.msg')!.remove();
    feed.append(article);
    start({ adapter });
    slices.runAll();
    const message = document.createElement('p');
    message.className = 'msg';
    message.textContent = 'SCAM job abroad';
    article.append(message);
    await mutationsDelivered();
    slices.runAll();
    expect(bannersIn(article)).toHaveLength(1);
  });

  it('finds posts appended later', async () => {
    start();
    slices.runAll();
    feed.append(post('9', 'late SCAM post'));
    await mutationsDelivered();
    slices.runAll();
    expect(bannersIn(feed)).toHaveLength(1);
  });

  it('keeps a dismissed post dismissed through re-renders and in the next page load', async () => {
    const onDismiss = vi.fn();
    const article = post('1', 'SCAM job abroad');
    feed.append(article);
    start({ onDismiss });
    slices.runAll();

    const dismiss = [...shadowRootOf(bannersIn(article)[0]!)!.querySelectorAll('button')].find((b) => b.textContent === 'Sembunyikan');
    dismiss!.click();
    expect(bannersIn(article)).toHaveLength(0);
    await vi.waitFor(() => expect(onDismiss).toHaveBeenCalledTimes(1));
    const entry = onDismiss.mock.calls[0]![0];
    expect(entry).toMatchObject({ key: 'facebook:1', site: 'facebook', excerpt: 'SCAM job abroad' });

    article.replaceChildren(...post('1', 'SCAM job abroad').childNodes);
    await mutationsDelivered();
    slices.runAll();
    expect(bannersIn(article)).toHaveLength(0);
    expect(levelOf(article)).toBe('high');

    // Next page load: the stored key hides it from the start.
    controller.abort();
    controller = new AbortController();
    start({ hiddenKeys: [entry.key] });
    slices.runAll();
    expect(bannersIn(document)).toHaveLength(0);
  });

  it('hides the banner and records the post when the user says it is a real job', async () => {
    const onRealJob = vi.fn();
    feed.append(post('1', 'SCAM job abroad'));
    start({ onRealJob });
    slices.runAll();
    const realJob = [...shadowRootOf(bannersIn(feed)[0]!)!.querySelectorAll('button')].find((b) => b.textContent === 'Ini lowongan asli');
    realJob!.click();
    expect(bannersIn(feed)).toHaveLength(0);
    await vi.waitFor(() => expect(onRealJob).toHaveBeenCalledWith(expect.objectContaining({ key: 'facebook:1' })));
  });

  it('hands Report a message naming the post and its reasons', () => {
    const onReport = vi.fn();
    feed.append(post('7', 'SCAM job abroad'));
    start({ onReport });
    slices.runAll();
    const report = [...shadowRootOf(bannersIn(feed)[0]!)!.querySelectorAll('button')].find((b) => b.textContent === 'Laporkan');
    report!.click();
    expect(onReport).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'waspada:open-report', site: 'facebook', postKey: 'facebook:7', level: 'high', signals: ['destination.country'] }),
    );
  });

  it('gives Report the whole text, the post id, and the permalink and author the adapter reads', () => {
    const onReport = vi.fn();
    const long = `SCAM job abroad ${'detail '.repeat(80)}`;
    feed.append(post('8', long));
    start({
      onReport,
      adapter: {
        ...testAdapter,
        permalink: (p) => `https://www.facebook.com/groups/g/posts/${p.getAttribute('data-post-id')}/`,
        author: () => ({ name: 'Rina HRD', url: 'https://www.facebook.com/rina' }),
      },
    });
    slices.runAll();
    [...shadowRootOf(bannersIn(feed)[0]!)!.querySelectorAll('button')].find((b) => b.textContent === 'Laporkan')!.click();
    const message = onReport.mock.calls[0]![0];
    expect(message).toMatchObject({ postId: '8', permalink: 'https://www.facebook.com/groups/g/posts/8/', author: { name: 'Rina HRD' } });
    expect(message.text).toBe(long);
    expect(message.excerpt).toHaveLength(300);
  });

  it('keeps hostile post text as text', () => {
    const hostile = '<script>globalThis.__pwned=2</script> Apply: SCAM <img src=x onerror=pwn()>';
    feed.append(post('1', hostile));
    start();
    slices.runAll();
    const root = shadowRootOf(bannersIn(feed)[0]!)!;
    expect(root.querySelector('img, script')).toBeNull();
    expect(root.querySelector('q')!.textContent).toContain('SCAM <img src=x onerror=pwn()>');
    expect((globalThis as { __pwned?: unknown }).__pwned).toBeUndefined();
  });

  it("hides caution banners under sensitivity 'high' and shows them again under 'all'", () => {
    feed.append(post('1', 'CAUTION: work abroad'), post('2', 'SCAM job'));
    const watcher = start();
    slices.runAll();
    expect(bannersIn(feed)).toHaveLength(2);

    watcher.updateSettings({ ...DEFAULT_SETTINGS, sensitivity: 'high' });
    expect([...bannersIn(feed)].map((b) => b.getAttribute('level'))).toEqual(['high']);
    expect(levelOf(feed.querySelector('article')!)).toBe('caution');

    watcher.updateSettings({ ...DEFAULT_SETTINGS, sensitivity: 'all' });
    expect(bannersIn(feed)).toHaveLength(2);
  });

  it('re-renders banners in the new language when the setting changes', () => {
    feed.append(post('1', 'SCAM job'));
    const watcher = start();
    slices.runAll();
    const host = bannersIn(feed)[0]!;
    expect(shadowRootOf(host)!.textContent).toContain('Tanda bahaya');
    watcher.updateSettings({ ...DEFAULT_SETTINGS, uiLanguage: 'en' }, bannerKit('ID', 'en'));
    expect(bannersIn(feed)[0]).toBe(host);
    expect(shadowRootOf(host)!.textContent).toContain('Danger: this looks like a job scam');
  });

  it('stops on a turned-off site or a pause, and comes back when the pause ends', () => {
    let resume: (() => void) | undefined;
    feed.append(post('1', 'SCAM job'));
    const watcher = start({ setTimer: (callback) => ((resume = callback), () => {}) });
    slices.runAll();
    expect(bannersIn(feed)).toHaveLength(1);

    watcher.updateSettings({ ...DEFAULT_SETTINGS, disabledSites: ['facebook'] });
    expect(bannersIn(feed)).toHaveLength(0);
    expect(levelOf(feed.querySelector('article')!)).toBeNull();
    expect(watcher.stats().active).toBe(false);

    const pause = { ...DEFAULT_SETTINGS, pausedUntil: Date.now() + 60_000 };
    watcher.updateSettings(pause);
    slices.runAll();
    expect(bannersIn(feed)).toHaveLength(0);

    vi.spyOn(Date, 'now').mockReturnValue(pause.pausedUntil + 1);
    resume!();
    vi.restoreAllMocks();
    slices.runAll();
    expect(bannersIn(feed)).toHaveLength(1);
  });

  it('works in slices that yield instead of assessing a long feed at once', () => {
    for (let i = 0; i < 40; i++) feed.append(post(String(i), i % 2 ? 'SCAM job' : 'plain post'));
    let clock = 0;
    // Each reading of the clock costs 1 ms: a 4 ms budget covers a few posts per slice.
    start({ now: () => clock++ });
    const count = slices.runAll();
    expect(count).toBeGreaterThan(5);
    expect(bannersIn(feed)).toHaveLength(20);
  });

  it('waits for assessments made elsewhere, asks once per text, and drops an answer about text the post no longer shows', async () => {
    const asked: string[] = [];
    const answers = new Map<string, (assessment: Assessment) => void>();
    const assess = (text: string) => {
      asked.push(text);
      return new Promise<Assessment>((resolve) => answers.set(text, resolve));
    };
    const first = post('1', 'SCAM job abroad');
    const twin = post('2', 'SCAM job abroad');
    const changing = post('3', 'CAUTION: work abroad');
    feed.append(first, twin, changing);
    start({ assess });
    slices.runAll();
    expect(asked).toEqual(['SCAM job abroad', 'CAUTION: work abroad']);
    expect(bannersIn(feed)).toHaveLength(0);
    expect(levelOf(first)).toBeNull();

    // Before the answer comes, the third post's text changes.
    changing.querySelector('.msg')!.textContent = 'Selling a used bicycle';
    await mutationsDelivered();
    slices.runAll();
    answers.get('SCAM job abroad')!(fakeAssess('SCAM job abroad'));
    answers.get('CAUTION: work abroad')!(fakeAssess('CAUTION: work abroad'));
    answers.get('Selling a used bicycle')!(fakeAssess('Selling a used bicycle'));
    await mutationsDelivered();
    slices.runAll();
    expect(bannersIn(first)).toHaveLength(1);
    expect(bannersIn(twin)).toHaveLength(1);
    expect(bannersIn(changing)).toHaveLength(0);
    expect(levelOf(changing)).toBe('none');
  });

  it('leaves a post unmarked when its assessment fails, and tries again when the post changes', async () => {
    let failing = true;
    const assess = (text: string) => (failing ? Promise.reject(new Error('background gone')) : Promise.resolve(fakeAssess(text)));
    const article = post('1', 'SCAM job abroad');
    feed.append(article);
    start({ assess });
    slices.runAll();
    await mutationsDelivered();
    slices.runAll();
    expect(levelOf(article)).toBeNull();

    failing = false;
    article.querySelector('.msg')!.textContent = 'SCAM job abroad, free ticket';
    await mutationsDelivered();
    slices.runAll();
    await mutationsDelivered();
    slices.runAll();
    expect(bannersIn(article)).toHaveLength(1);
  });

  it('rescans once instead of diffing a huge batch of mutations', async () => {
    const adapter = { ...testAdapter, findPosts: vi.fn(testAdapter.findPosts) };
    start({ adapter, rescanThreshold: 10 });
    slices.runAll();
    adapter.findPosts.mockClear();
    for (let i = 0; i < 30; i++) feed.append(post(String(i), 'SCAM job'));
    await mutationsDelivered();
    slices.runAll();
    expect(adapter.findPosts).toHaveBeenCalledTimes(1);
    expect(adapter.findPosts).toHaveBeenCalledWith(document);
    expect(bannersIn(feed)).toHaveLength(30);
  });

  it('waits while the tab is hidden and catches up when it is shown', async () => {
    let visibility: DocumentVisibilityState = 'visible';
    vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility);
    start();
    slices.runAll();
    visibility = 'hidden';
    feed.append(post('1', 'SCAM job'));
    await mutationsDelivered();
    expect(slices.pending()).toBe(0);
    expect(bannersIn(feed)).toHaveLength(0);

    visibility = 'visible';
    document.dispatchEvent(new Event('visibilitychange'));
    slices.runAll();
    expect(bannersIn(feed)).toHaveLength(1);
    vi.restoreAllMocks();
  });

  it('rescans after SPA navigation', () => {
    const watcher = start({ createObserver: () => ({ observe() {}, disconnect() {} }) });
    slices.runAll();
    // Mutations this observer never reports: only a rescan finds the new page's posts.
    feed.append(post('1', 'SCAM job'));
    watcher.rescan();
    slices.runAll();
    expect(bannersIn(feed)).toHaveLength(1);
  });

  it('assesses every post again when the detector changes (new rules, an NGO profile), once each', () => {
    let scamWord = 'SCAM';
    const assess = vi.fn((text: string) => fakeAssess(text.replaceAll(scamWord, 'SCAM')));
    feed.append(post('1', 'ZORBLAX job'), post('2', 'SCAM job'), post('3', 'cooking class'));
    const watcher = start({ assess });
    slices.runAll();
    expect(bannersIn(feed)).toHaveLength(1);
    expect(assess).toHaveBeenCalledTimes(3);

    scamWord = 'ZORBLAX';
    watcher.reassess();
    slices.runAll();
    expect(assess).toHaveBeenCalledTimes(6);
    expect([...feed.querySelectorAll('article')].map(levelOf)).toEqual(['high', 'high', 'none']);
    expect(bannersIn(feed)).toHaveLength(2);
    expect(watcher.stats().checked).toBe(3);
  });

  it('tears everything down when its context is invalidated', async () => {
    const disconnect = vi.fn();
    const onStats = vi.fn();
    feed.append(post('1', 'SCAM job'));
    start({
      onStats,
      createObserver: (callback) => {
        const real = new MutationObserver(callback);
        return { observe: (target, init) => real.observe(target, init), disconnect: () => (disconnect(), real.disconnect()) };
      },
    });
    slices.runAll();
    expect(onStats).toHaveBeenLastCalledWith({ checked: 1, flagged: 1, active: true });

    controller.abort();
    expect(disconnect).toHaveBeenCalled();
    expect(bannersIn(document)).toHaveLength(0);
    expect(levelOf(feed.querySelector('article')!)).toBeNull();

    feed.append(post('2', 'SCAM job'));
    await mutationsDelivered();
    expect(slices.pending()).toBe(0);
    expect(bannersIn(document)).toHaveLength(0);
  });
});
