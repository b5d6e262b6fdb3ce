/**
 * The extension in real Chromium: the benchmark feed (feed.html, served at https://www.facebook.com/) appends posts
 * in batches while it scrolls, once with the built extension and once without, alternating. Main-thread time comes
 * from CDP Performance metrics (content scripts run in an isolated world on the page's main thread, so they count);
 * latency and long tasks are recorded by the page itself; the JS heap is read after GC (the isolated world lives in
 * the page's isolate).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type CDPSession, type Page } from 'puppeteer-core';
import { BROWSERS, CHROMIUM_ARGS, closeBrowser, serveAtRealOrigins } from '../../tests/e2e/harness';
import { attribute, mainThreadOf, TRACE_CATEGORIES, type Attribution, type TraceEvent } from './attribution';
import { median, quantile } from './detector';
import type { FeedPost } from './posts';

const FEED_URL = 'https://www.facebook.com/';

type Part = string | ['emoji', string] | ['tag', string] | ['br'];
interface PagePost {
  id: string;
  name: string;
  paragraphs: Part[][];
}

const EMOJI = /(\p{Regional_Indicator}{2}|[0-9#*]\uFE0F?\u20E3|\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic}\uFE0F?)*)/u;
const HASHTAG = /(#[\p{L}\p{N}_]+)/u;

/** A post's text as Facebook renders it: paragraphs at blank lines, <br> at line breaks, emoji as images, hashtags as links. */
export function toPageParts(text: string): Part[][] {
  return text.split(/\n{2,}/).map((paragraph) => {
    const parts: Part[] = [];
    paragraph.split('\n').forEach((line, index) => {
      if (index > 0) parts.push(['br']);
      for (const piece of line.split(EMOJI)) {
        if (!piece) continue;
        if (EMOJI.test(piece) && piece.match(EMOJI)![0] === piece) {
          parts.push(['emoji', piece]);
          continue;
        }
        for (const bit of piece.split(HASHTAG)) {
          if (bit) parts.push(HASHTAG.test(bit) && bit.startsWith('#') ? ['tag', bit] : bit);
        }
      }
    });
    return parts;
  });
}

const NAMES = ['Rina HRD', 'Budi Santoso', 'Sari Wulandari', 'Info Loker Jatim', 'Dewi Anggraini', 'Agus Prasetyo', 'Nguyễn Văn An', 'Somchai K.'];

/** The feed page with its posts in it. */
export function feedPage(root: string, first: FeedPost, posts: readonly FeedPost[], keep = 100): string {
  const toPage = (post: FeedPost, index: number): PagePost => ({ id: post.id, name: NAMES[index % NAMES.length]!, paragraphs: toPageParts(post.text) });
  const data = JSON.stringify({ first: toPage(first, 0), posts: posts.map((post, index) => toPage(post, index + 1)), keep });
  // `</script>` inside the data would end the script early
  return readFileSync(resolve(root, 'scripts/bench/feed.html'), 'utf8').replace('/*BENCH_DATA*/null', data.replace(/<\//g, '<\\/'));
}

export interface FeedRun {
  withExtension: boolean;
  /** CPU time of the page's main thread during the feed (ms), from /proc; NaN where that cannot be read. */
  cpuMs: number;
  /** CPU time of the extension's own processes (its background) during the feed, ms; NaN without the extension or /proc. */
  extensionCpuMs: number;
  /** The extension's share of the main thread's CPU during the feed, from the trace (see attribution.ts). */
  attribution: Attribution;
  /** Main-thread task time during the feed (ms), CDP TaskDuration. */
  taskMs: number;
  /** Of which script (ms), CDP ScriptDuration. */
  scriptMs: number;
  /** Main-thread task time from navigation until the feed started (page load, content script start). */
  startupTaskMs: number;
  /** JS heap used after GC at the end (MB). */
  heapMb: number;
  longTasks: number;
  longTaskMs: number;
  /** Post inserted → banner present, ms, for every flagged post. */
  latencies: number[];
  banners: number;
  /** Posts whose text element carries the watcher's level attribute. */
  assessed: number;
  inserted: number;
  /**
   * Runs without the extension: CPU of a frame in which the page alone puts a plain 120 px block in its newest post
   * (median of FLOOR_FRAMES), what any visible change the size of a banner costs on this page. NaN with the extension.
   */
  plainBlockFrameMs: number;
}

const FLOOR_FRAMES = 20;

/**
 * The page's price for a frame that inserts a plain block into a post (no shadow root, no text), measured from a
 * trace: the floor under a banner drawn in a frame of its own, whatever the banner is made of.
 */
async function plainBlockFrameMs(page: Page): Promise<number> {
  await page.tracing.start({ categories: TRACE_CATEGORIES });
  await page.evaluate(async (frames) => {
    const units = document.querySelector('[role="feed"]')!.children;
    for (let i = 0; i < frames; i++) {
      await new Promise((done) => setTimeout(done, 60));
      await new Promise<void>((done) =>
        requestAnimationFrame(() => {
          const message = units[units.length - 1]!.querySelector('[data-ad-rendering-role="story_message"]');
          const block = document.createElement('div');
          block.style.height = '120px';
          message?.parentElement?.insertBefore(block, message);
          done();
        }),
      );
    }
  }, FLOOR_FRAMES);
  const trace = await page.tracing.stop();
  const events = (JSON.parse(trace ? new TextDecoder().decode(trace) : '{}') as { traceEvents?: TraceEvent[] }).traceEvents ?? [];
  const thread = mainThreadOf(events, FEED_URL);
  if (!thread) return Number.NaN;
  const main = events.filter((event) => event.pid === thread.pid && event.tid === thread.tid && event.ph === 'X');
  const frames = main
    .filter((task) => task.name === 'RunTask' && main.some((event) => event.name === 'FireAnimationFrame' && event.ts >= task.ts && event.ts < task.ts + (task.dur ?? 0)))
    .map((task) => (task.tdur ?? task.dur ?? 0) / 1000);
  return frames.length ? median(frames) : Number.NaN;
}

export interface FeedOptions {
  root: string;
  page: string;
  /** The post the page starts with; the extension is ready once it has a banner. */
  firstId: string;
  postCount: number;
  batch: number;
  intervalMs: number;
  settleMs: number;
}

/** The browser, and the origin of the extension's scripts in it (any extension's, without one). */
async function launch(withExtension: boolean): Promise<{ browser: Browser; extensionOrigin: string }> {
  const chromium = BROWSERS.find((spec) => spec.name === 'chromium')!;
  const extension = withExtension ? [`--disable-extensions-except=${chromium.build}`, `--load-extension=${chromium.build}`] : [];
  const browser = await puppeteer.launch({
    executablePath: chromium.executable,
    headless: true,
    enableExtensions: withExtension,
    args: [...CHROMIUM_ARGS, ...extension],
    defaultViewport: { width: 1000, height: 900 },
  });
  if (withExtension) {
    // A fresh install opens the welcome page in front: it would hide the feed (the watcher pauses in hidden tabs)
    // and take the CPU. Close it before the feed opens.
    try {
      const welcome = await browser.waitForTarget((target) => target.url().endsWith('/welcome.html'), { timeout: 15_000 });
      // URL.origin is 'null' for chrome-extension: URLs
      const extensionOrigin = /^chrome-extension:\/\/[^/]+/.exec(welcome.url())?.[0] ?? 'chrome-extension://';
      await (await welcome.page())?.close();
      return { browser, extensionOrigin };
    } catch (error) {
      await closeBrowser(browser);
      throw new Error(`the extension's welcome page never opened: is the build loaded? (${String(error)})`);
    }
  }
  return { browser, extensionOrigin: 'chrome-extension://' };
}

async function metrics(session: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = (await session.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return Object.fromEntries(list.map((metric) => [metric.name, metric.value]));
}

async function waitFor(page: Page, predicate: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** The id of the renderer process that runs the page's main frame, read from the start of a moment's trace. */
async function rendererPid(page: Page): Promise<number | undefined> {
  await page.tracing.start({ categories: ['disabled-by-default-devtools.timeline'] });
  const data = await page.tracing.stop();
  const trace = JSON.parse(data ? new TextDecoder().decode(data) : '{}') as {
    traceEvents?: { name: string; args?: { data?: { frames?: { url: string; processId: number; isOutermostMainFrame?: boolean }[] } } }[];
  };
  const started = trace.traceEvents?.find((event) => event.name === 'TracingStartedInBrowser');
  return started?.args?.data?.frames?.find((frame) => frame.isOutermostMainFrame ?? frame.url.startsWith(FEED_URL))?.processId;
}

let clockTicks: number | undefined;
/**
 * CPU time (ms) of a renderer's main thread (on Linux its thread id is the process id), from /proc. Unlike task
 * durations, it does not grow when other work on the machine takes the CPU away from the browser.
 */
function mainThreadCpuMs(pid: number | undefined): number {
  const stat = pid === undefined ? '' : `/proc/${pid}/task/${pid}/stat`;
  if (!stat || !existsSync(stat)) return Number.NaN;
  clockTicks ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  // fields after the command name, which is in parentheses and may hold spaces: state is field 3, utime 14, stime 15
  const text = readFileSync(stat, 'utf8');
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) / clockTicks) * 1000;
}

/** CPU time (ms) of a whole process, all its threads, from /proc; NaN where that cannot be read. */
function processCpuMs(pid: number): number {
  const stat = `/proc/${pid}/stat`;
  if (!existsSync(stat)) return Number.NaN;
  clockTicks ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  const text = readFileSync(stat, 'utf8');
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) / clockTicks) * 1000;
}

/**
 * The extension's own processes under this browser (its service worker runs in one): renderers started with
 * --extension-process, found among the browser's descendants only (other browsers may run on the machine).
 */
function extensionPids(browserPid: number | undefined): number[] {
  if (browserPid === undefined || !existsSync('/proc')) return [];
  const parent = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const text = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parent.set(Number(entry), Number(text.slice(text.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // the process ended meanwhile
    }
  }
  const isOurs = (pid: number) => {
    for (let p: number | undefined = pid, depth = 0; p && depth < 10; p = parent.get(p), depth++) if (p === browserPid) return true;
    return false;
  };
  return [...parent.keys()].filter((pid) => {
    if (!isOurs(pid)) return false;
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--extension-process');
    } catch {
      return false;
    }
  });
}

const totalCpuMs = (pids: number[]) => pids.reduce((sum, pid) => sum + processCpuMs(pid), 0);

interface PageResults {
  inserted: number;
  banners: number;
  latencies: number[];
  longTasks: number;
  longTaskMs: number;
  assessed: number;
}

declare global {
  interface Window {
    __bench?: { run(batch: number, intervalMs: number): Promise<number>; hasBanner(id: string): boolean; results(): PageResults };
  }
}

/** One run of the feed in a fresh browser. */
export async function runFeed(withExtension: boolean, options: FeedOptions): Promise<FeedRun> {
  const { browser, extensionOrigin } = await launch(withExtension);
  try {
    const page = await browser.newPage();
    await serveAtRealOrigins(page, { [FEED_URL]: options.page });
    const session = await page.createCDPSession();
    await session.send('Performance.enable');
    await page.goto(FEED_URL, { waitUntil: 'load' });
    await page.bringToFront();
    if (withExtension) {
      await waitFor(page, () => page.evaluate((id) => window.__bench!.hasBanner(id), options.firstId), 30_000, 'the extension to flag the first post');
    }
    const pid = await rendererPid(page);
    // the same quiet second in both runs, so the content script's start is over before the feed begins
    await sleep(1000);
    // traced on both sides, so that the tracing's own cost falls on both
    await page.tracing.start({ categories: TRACE_CATEGORIES });
    const before = await metrics(session);
    const cpuBefore = mainThreadCpuMs(pid);
    const extension = withExtension ? extensionPids(browser.process()?.pid) : [];
    const extensionBefore = totalCpuMs(extension);
    await page.evaluate((batch, interval) => window.__bench!.run(batch, interval), options.batch, options.intervalMs);
    if (withExtension) {
      const total = options.postCount + 1;
      // a watcher that misses posts shows in the table (assessed n/m), it does not stop the benchmark
      await waitFor(page, async () => (await page.evaluate(() => window.__bench!.results().assessed)) >= total, 60_000, 'the watcher').catch(() => {});
    }
    await sleep(options.settleMs);
    const after = await metrics(session);
    const cpuAfter = mainThreadCpuMs(pid);
    const extensionAfter = totalCpuMs(extension);
    const trace = await page.tracing.stop();
    const events = (JSON.parse(trace ? new TextDecoder().decode(trace) : '{}') as { traceEvents?: TraceEvent[] }).traceEvents ?? [];
    const thread = mainThreadOf(events, FEED_URL);
    if (!thread) throw new Error("the trace does not show the feed's main thread");
    const attribution = attribute(events, thread, extensionOrigin);
    const results = await page.evaluate(() => window.__bench!.results());
    await session.send('HeapProfiler.collectGarbage');
    await session.send('HeapProfiler.collectGarbage');
    const heap = (await session.send('Runtime.getHeapUsage')) as { usedSize: number };
    const floor = withExtension ? Number.NaN : await plainBlockFrameMs(page);
    return {
      plainBlockFrameMs: floor,
      withExtension,
      attribution,
      cpuMs: cpuAfter - cpuBefore,
      extensionCpuMs: extension.length ? extensionAfter - extensionBefore : Number.NaN,
      taskMs: (after.TaskDuration! - before.TaskDuration!) * 1000,
      scriptMs: (after.ScriptDuration! - before.ScriptDuration!) * 1000,
      startupTaskMs: before.TaskDuration! * 1000,
      heapMb: heap.usedSize / 2 ** 20,
      ...results,
    };
  } finally {
    await closeBrowser(browser);
  }
}

export interface ExtensionFigures {
  runs: FeedRun[];
  postCount: number;
  /**
   * The extension's attributable main-thread CPU (its own tasks and its callbacks in the page's, from the trace:
   * attribution.ts), median of the runs with the extension.
   */
  extMainThreadMsPer100Posts: number;
  /** Frames only the extension asked for, per 100 posts (median). */
  extFramesPer100Posts: number;
  /** CPU of one frame only the extension asked for (median over the runs with it of their mean). */
  extMsPerOwnFrame: number;
  /** CPU of a frame in which the page alone inserts a plain 120 px block in a post (median of the runs without it). */
  plainBlockFrameMs: number;
  /** Of which its own tasks (timer slices, port replies) and its callbacks inside the page's tasks. */
  extOwnTasksMsPer100Posts: number;
  extInPageMsPer100Posts: number;
  /** Per kind of extension callback (attribution.ts), median over the runs with it, ms per 100 posts. */
  extByCallbackMsPer100Posts: Record<string, number>;
  /** Garbage collection on the main thread, with minus without (medians): not in the figure above, noisy. */
  gcDeltaMsPer100Posts: number;
  /** What the same method attributes to an extension in the runs without one (should be 0). */
  falseAttributionMsPer100Posts: number;
  /** The main thread's CPU from /proc, with minus without (medians): everything, noise included. */
  extCpuDeltaMsPer100Posts: number;
  /** From CDP TaskDuration (wall time of tasks: grows when the machine is busy with other work). */
  extTaskMsPer100Posts: number;
  extScriptMsPer100Posts: number;
  /** CPU of the extension's background (where the detector runs) per 100 posts: off the page's main thread. */
  backgroundCpuMsPer100Posts: number;
  overlayLatencyP95Ms: number;
  /** Long tasks that are the extension's, from the trace (see attribution.ts). */
  longTasksExt: number;
  /** Long tasks (PerformanceObserver) with minus without: a check on the above, noisy. */
  longTasksDelta: number;
  heapDeltaMb: number;
  startupExtraMs: number;
}

/** Alternates runs without and with the extension (`pairs` of each) and compares their medians. */
export async function benchExtension(options: FeedOptions, pairs: number, log: (line: string) => void): Promise<ExtensionFigures> {
  const runs: FeedRun[] = [];
  for (let pair = 0; pair < pairs; pair++) {
    // alternate which goes first, so a drift in the machine's load falls on both sides
    for (const withExtension of pair % 2 === 0 ? [false, true] : [true, false]) {
      const run = await runFeed(withExtension, options);
      runs.push(run);
      log(
        `  run ${runs.length}: ${withExtension ? 'with   ' : 'without'} cpu ${run.cpuMs.toFixed(0)} ms, ` +
          `attributed ${run.attribution.totalMs.toFixed(1)} ms (own tasks ${run.attribution.ownTasksMs.toFixed(1)}, in page's ${run.attribution.inPageTasksMs.toFixed(1)}, ` +
          `${run.attribution.ownFrames} own frames ${run.attribution.ownFramesMs.toFixed(1)}), task ${run.taskMs.toFixed(0)} ms, script ${run.scriptMs.toFixed(0)} ms, ` +
          `long tasks ${run.longTasks}, heap ${run.heapMb.toFixed(1)} MB` +
          (withExtension
            ? `, background cpu ${run.extensionCpuMs.toFixed(0)} ms, banners ${run.banners}, assessed ${run.assessed}/${run.inserted}, latency p95 ${quantile([...run.latencies].sort((a, b) => a - b), 0.95).toFixed(0)} ms`
            : ''),
      );
    }
  }
  const side = (withExtension: boolean) => runs.filter((run) => run.withExtension === withExtension);
  const med = (withExtension: boolean, pick: (run: FeedRun) => number) => median(side(withExtension).map(pick));
  const diff = (pick: (run: FeedRun) => number) => med(true, pick) - med(false, pick);
  const per100 = options.postCount / 100;
  return {
    runs,
    postCount: options.postCount,
    extMainThreadMsPer100Posts: med(true, (run) => run.attribution.totalMs) / per100,
    extFramesPer100Posts: med(true, (run) => run.attribution.ownFrames) / per100,
    extMsPerOwnFrame: med(true, (run) => (run.attribution.ownFrames ? run.attribution.ownFramesMs / run.attribution.ownFrames : 0)),
    plainBlockFrameMs: med(false, (run) => run.plainBlockFrameMs),
    extOwnTasksMsPer100Posts: med(true, (run) => run.attribution.ownTasksMs) / per100,
    extInPageMsPer100Posts: med(true, (run) => run.attribution.inPageTasksMs) / per100,
    extByCallbackMsPer100Posts: Object.fromEntries(
      [...new Set(side(true).flatMap((run) => Object.keys(run.attribution.byCallback)))].map((name) => [
        name,
        med(true, (run) => run.attribution.byCallback[name] ?? 0) / per100,
      ]),
    ),
    gcDeltaMsPer100Posts: diff((run) => run.attribution.gcMs) / per100,
    falseAttributionMsPer100Posts: med(false, (run) => run.attribution.totalMs) / per100,
    extCpuDeltaMsPer100Posts: runs.every((run) => Number.isFinite(run.cpuMs)) ? diff((run) => run.cpuMs) / per100 : diff((run) => run.taskMs) / per100,
    extTaskMsPer100Posts: diff((run) => run.taskMs) / per100,
    extScriptMsPer100Posts: diff((run) => run.scriptMs) / per100,
    backgroundCpuMsPer100Posts: med(true, (run) => run.extensionCpuMs) / per100,
    overlayLatencyP95Ms: med(true, (run) => quantile([...run.latencies].sort((a, b) => a - b), 0.95)),
    longTasksExt: med(true, (run) => run.attribution.longTasks),
    longTasksDelta: diff((run) => run.longTasks),
    heapDeltaMb: diff((run) => run.heapMb),
    startupExtraMs: diff((run) => run.startupTaskMs),
  };
}
