import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attribute, mainThreadOf, OWN_TASK_REST, type TraceEvent } from '../../scripts/bench/attribution';
import { toPageParts } from '../../scripts/bench/browser';
import { breakdown, pieceOf } from '../../scripts/bench/bundle';
import { median, pathologicalInputs, quantile } from '../../scripts/bench/detector';
import { figureProblems, REQUIRED_FIGURES } from '../../scripts/bench/figures';
import { CHATTER, FEED_MIX, feedPosts, readCorpus } from '../../scripts/bench/posts';

const corpus = readCorpus(resolve(__dirname, '../fixtures/corpus.jsonl'));

describe('bench feed posts', () => {
  const posts = feedPosts(corpus, { count: 2000, seed: 3 });

  it('are distinct posts of about 400 characters', () => {
    expect(new Set(posts.map((post) => post.text)).size).toBe(2000);
    const lengths = posts.map((post) => post.text.length).sort((a, b) => a - b);
    expect(median(lengths)).toBeGreaterThanOrEqual(360);
    expect(median(lengths)).toBeLessThanOrEqual(460);
  });

  it('mix labels like a feed where most posts are not jobs, in several languages', () => {
    for (const [label, share] of Object.entries(FEED_MIX)) {
      const seen = posts.filter((post) => post.label === label).length / posts.length;
      expect(Math.abs(seen - share), label).toBeLessThan(0.03);
    }
    expect(new Set(posts.map((post) => post.lang)).size).toBeGreaterThanOrEqual(5);
  });

  it('start with a corpus text of their label and language, padded with everyday chatter only', () => {
    for (const post of posts.slice(0, 300)) {
      const source = corpus.find((item) => post.text.startsWith(item.text.slice(0, 200)) && item.label === post.label);
      expect(source?.lang, post.text).toBe(post.lang);
      const padding = post.text.slice(source!.text.length).replace(/ #info\d+$/, '');
      const lines = [...(CHATTER[post.lang] ?? []), ...CHATTER.en!];
      expect(lines.reduce((rest, line) => rest.split(line).join(''), padding).trim(), post.text).toBe('');
    }
  });

  it('are the same feed for the same seed', () => {
    expect(feedPosts(corpus, { count: 50, seed: 3 })).toEqual(posts.slice(0, 50));
  });
});

describe('quantile', () => {
  it.each([
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.5, 5],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.95, 10],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9, 9],
    [[7], 0.99, 7],
  ])('of %j at %d is %d (nearest rank)', (values, q, expected) => {
    expect(quantile(values, q)).toBe(expected);
  });
});

describe('pathological inputs', () => {
  it('are 100 KB each', () => {
    for (const [kind, text] of Object.entries(pathologicalInputs('Lowongan CS Kamboja gaji 15jt'))) expect(text.length, kind).toBe(100_000);
  });
});

describe('feed page parts', () => {
  it.each([
    ['Gaji 15jt 💰 #lokerkamboja', [['Gaji 15jt ', ['emoji', '💰'], ' ', ['tag', '#lokerkamboja']]]],
    ['Kerja di 🇰🇭\nvisa ✈️ gratis', [['Kerja di ', ['emoji', '🇰🇭'], ['br'], 'visa ', ['emoji', '✈️'], ' gratis']]],
    ['baris satu\n\nbaris dua', [['baris satu'], ['baris dua']]],
  ])('%j renders as Facebook would', (text, parts) => {
    expect(toPageParts(text)).toEqual(parts);
  });
});

describe('bundle breakdown', () => {
  it.each([
    ['node_modules/zod/v4/core/schemas.js', 'zod'],
    ['node_modules/@wxt-dev/storage/dist/index.mjs', '@wxt-dev/storage'],
    ['src/detect/rules/default-pack.json', 'detector rule pack (JSON)'],
    ['src/detect/normalize.ts', 'detector code'],
    ['src/i18n/locales/th.json', 'UI strings, all locales'],
    ['src/channels/data/ID.json', 'official channels, all countries'],
    ['src/watcher/watcher.ts', 'watcher'],
  ])('puts %s in %s', (source, piece) => {
    expect(pieceOf(source)).toBe(piece);
  });

  it('groups modules by piece, largest first', () => {
    const pieces = breakdown({
      'src/watcher/watcher.ts': 'export function watch(){return 1}',
      'node_modules/zod/v4/a.js': `export const a = ${JSON.stringify('x'.repeat(500))};`,
      'node_modules/zod/v4/b.js': 'export const b = 2;',
    });
    expect(pieces.map((piece) => piece.piece)).toEqual(['zod', 'watcher']);
    expect(pieces[0]!.bytes).toBeGreaterThan(500);
    expect(pieces[0]!.gzipBytes).toBeLessThan(pieces[0]!.bytes);
  });
});

describe('figures line', () => {
  const good = Object.fromEntries(REQUIRED_FIGURES.map((key) => [key, 1]));
  it('is fine when every figure is a finite number', () => {
    expect(figureProblems(good)).toEqual([]);
  });
  it.each([
    [{ ...good, heap_delta_mb: Number.NaN }, 'heap_delta_mb = NaN'],
    [{ ...good, long_tasks_ext: 'none' }, 'long_tasks_ext = "none"'],
    [Object.fromEntries(Object.entries(good).filter(([key]) => key !== 'zip_sources_kb')), 'zip_sources_kb missing'],
  ])('names what is wrong in %j', (figures, problem) => {
    expect(figureProblems(figures)).toEqual([problem]);
  });
});

describe('main-thread attribution from a trace', () => {
  const EXT = 'chrome-extension://abcdefghijklmnop';
  const PAGE = 'https://www.facebook.com/';
  const thread = { pid: 1, tid: 7 };
  // one event on the page's main thread: ts and dur in µs, tdur (CPU) in µs
  const x = (name: string, ts: number, dur: number, data?: NonNullable<TraceEvent['args']>['data'], tdur = dur): TraceEvent => ({
    name,
    ph: 'X',
    pid: 1,
    tid: 7,
    ts,
    dur,
    tdur,
    ...(data ? { args: { data } } : {}),
  });
  const call = (ts: number, dur: number, url: string, functionName = 'f') => x('FunctionCall', ts, dur, { url, functionName, scriptId: url ? '5' : '0' });

  const trace: TraceEvent[] = [
    // the page's timer: its script appends posts, then our MutationObserver callback runs (500 µs of ours)
    x('RunTask', 0, 10_000),
    x('TimerFire', 10, 9_000),
    call(20, 6_000, PAGE, 'tick'),
    call(7_000, 500, `${EXT}/content-scripts/content.js`, 'onMutations'),
    x('MinorGC', 8_000, 1_000),
    // our reading slice: a task of its own, all of it ours (2,000 µs of CPU, though 3,000 µs of wall time)
    x('RunTask', 20_000, 3_000, undefined, 2_000),
    x('TimerFire', 20_010, 2_900),
    call(20_020, 1_500, `${EXT}/content-scripts/content.js`, 'runSlice'),
    // a reply on our port: a task of its own, where the page's observer reacts to the marks we wrote (counted: ours)
    x('RunTask', 30_000, 400),
    call(30_100, 100, ''),
    call(30_300, 50, PAGE, 'observer'),
    // the frame: our animation-frame callback (300 µs), then the page's observer and the page's style and layout
    x('RunTask', 40_000, 8_000),
    x('FireAnimationFrame', 40_010, 400),
    call(40_020, 300, `${EXT}/content-scripts/content.js`, 'runRender'),
    call(40_330, 50, PAGE, 'observer'),
    x('UpdateLayoutTree', 41_000, 2_000),
    x('Layout', 43_000, 3_000),
    // a page task with no extension code
    x('RunTask', 50_000, 5_000),
    call(50_010, 4_000, PAGE, 'scroll'),
  ];

  it('counts the tasks that are only ours whole, and only our callbacks inside the page tasks', () => {
    const result = attribute(trace, thread, EXT);
    expect(result.ownTasks).toBe(2);
    expect(result.ownTasksMs).toBeCloseTo(2 + 0.4);
    expect(result.inPageTasksMs).toBeCloseTo(0.5 + 0.3);
    expect(result.totalMs).toBeCloseTo(3.2);
    expect(result.allTasksMs).toBeCloseTo(10 + 2 + 0.4 + 8 + 5);
    expect(result.gcMs).toBeCloseTo(1);
  });

  it('names each callback by what called it, and what its own tasks did besides', () => {
    const { byCallback } = attribute(trace, thread, EXT);
    expect(byCallback['mutation observer, microtasks']).toBeCloseTo(0.5);
    expect(byCallback['timer tasks (reading slices)']).toBeCloseTo(1.5);
    expect(byCallback['port messages']).toBeCloseTo(0.1);
    expect(byCallback['animation frames (marks, banners)']).toBeCloseTo(0.3);
    expect(byCallback[OWN_TASK_REST]).toBeCloseTo(2 - 1.5 + 0.4 - 0.1);
    const sum = Object.values(byCallback).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(attribute(trace, thread, EXT).totalMs);
  });

  it('counts as its long tasks only those it made long', () => {
    expect(attribute(trace, thread, EXT).longTasks).toBe(0);
    const longer: TraceEvent[] = [
      // the page's 40 ms task that our 15 ms callback made long
      x('RunTask', 100_000, 55_000),
      call(100_010, 40_000, PAGE, 'tick'),
      call(140_020, 15_000, `${EXT}/content-scripts/content.js`, 'onMutations'),
      // the page's own long task, with 1 ms of ours in it: not ours
      x('RunTask', 200_000, 80_000),
      call(200_010, 79_000, PAGE, 'tick'),
      call(279_020, 900, `${EXT}/content-scripts/content.js`, 'onMutations'),
      // a 60 ms reading slice of ours
      x('RunTask', 300_000, 60_000),
      x('TimerFire', 300_010, 59_900),
      call(300_020, 59_800, `${EXT}/content-scripts/content.js`, 'runSlice'),
    ];
    expect(attribute([...trace, ...longer], thread, EXT).longTasks).toBe(2);
  });

  describe('frames', () => {
    const instant = (name: string, ts: number): TraceEvent => ({ name, ph: 'I', pid: 1, tid: 7, ts });
    const frame = (ts: number, cpu: number) => [x('RunTask', ts, cpu), x('PrePaint', ts + 10, cpu / 2), x('Paint', ts + 10 + cpu / 2, cpu / 4)];
    // the page's frame after its append, then our reading slice, then the follow-up frame Chromium draws by itself
    const pageFrameThenSlice = [
      x('RunTask', 0, 5_000),
      call(10, 4_000, PAGE, 'tick'),
      ...frame(6_000, 3_000),
      x('RunTask', 10_000, 800),
      x('TimerFire', 10_010, 700),
      call(10_020, 600, `${EXT}/content-scripts/content.js`, 'runSlice'),
    ];

    it("leaves the page the frame it draws anyway after a task of ours that changed nothing on screen", () => {
      const result = attribute([...pageFrameThenSlice, ...frame(20_000, 400)], thread, EXT);
      expect(result.ownFrames).toBe(0);
      expect(result.ownTasksMs).toBeCloseTo(0.8);
    });

    it.each([
      ['made layout stale (a banner written outside a frame)', 'InvalidateLayout'],
      ['made style stale', 'ScheduleStyleRecalculation'],
      ['asked for an animation frame', 'RequestAnimationFrame'],
    ])('counts the next frame whole as ours when our task %s', (_what, name) => {
      const result = attribute([...pageFrameThenSlice, instant(name, 10_300), ...frame(20_000, 4_000)], thread, EXT);
      expect(result.ownFrames).toBe(1);
      expect(result.ownFramesMs).toBeCloseTo(4);
    });

    it('counts a frame our animation-frame callback runs in as ours, unless the page asked for it too', () => {
      const ourFrame = [x('RunTask', 20_000, 5_000), x('FireAnimationFrame', 20_010, 900), call(20_020, 800, `${EXT}/content-scripts/content.js`, 'runRender'), x('PrePaint', 21_000, 2_000)];
      expect(attribute([...pageFrameThenSlice, ...ourFrame], thread, EXT).ownFrames).toBe(1);
      const pageTask = [x('RunTask', 15_000, 1_000), call(15_010, 900, PAGE, 'tick')];
      expect(attribute([...pageFrameThenSlice, ...pageTask, ...ourFrame], thread, EXT).ownFrames).toBe(0);
    });
  });

  it('finds nothing of an extension in a trace without one', () => {
    const pageOnly = trace.filter((event) => !(event.args?.data?.url ?? PAGE).startsWith('chrome-extension') && event.args?.data?.url !== '');
    expect(attribute(pageOnly, thread, 'chrome-extension://').totalMs).toBe(0);
  });

  it("finds the page's main thread from the trace's start", () => {
    const events: TraceEvent[] = [
      { name: 'TracingStartedInBrowser', ph: 'I', pid: 9, tid: 1, ts: 0, args: { data: { frames: [{ url: PAGE, processId: 1, isOutermostMainFrame: true }] } } },
      { name: 'thread_name', ph: 'M', pid: 1, tid: 3, ts: 0, args: { name: 'Compositor' } },
      { name: 'thread_name', ph: 'M', pid: 1, tid: 7, ts: 0, args: { name: 'CrRendererMain' } },
    ];
    expect(mainThreadOf(events, PAGE)).toEqual(thread);
  });
});
