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

async function launch(withExtension: boolean): Promise<Browser> {
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
      await (await welcome.page())?.close();
    } catch (error) {
      await closeBrowser(browser);
      throw new Error(`the extension's welcome page never opened: is the build loaded? (${String(error)})`);
    }
  }
  return browser;
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
  const browser = await launch(withExtension);
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
    const results = await page.evaluate(() => window.__bench!.results());
    await session.send('HeapProfiler.collectGarbage');
    await session.send('HeapProfiler.collectGarbage');
    const heap = (await session.send('Runtime.getHeapUsage')) as { usedSize: number };
    return {
      withExtension,
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
  /** From the main thread's CPU time where /proc has it, else from task durations. */
  extMainThreadMsPer100Posts: number;
  /** From CDP TaskDuration (wall time of tasks: grows when the machine is busy with other work). */
  extTaskMsPer100Posts: number;
  extScriptMsPer100Posts: number;
  /** CPU of the extension's background (where the detector runs) per 100 posts: off the page's main thread. */
  backgroundCpuMsPer100Posts: number;
  overlayLatencyP95Ms: number;
  longTasksExt: number;
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
        `  run ${runs.length}: ${withExtension ? 'with   ' : 'without'} cpu ${run.cpuMs.toFixed(0)} ms, task ${run.taskMs.toFixed(0)} ms, script ${run.scriptMs.toFixed(0)} ms, ` +
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
    extMainThreadMsPer100Posts: runs.every((run) => Number.isFinite(run.cpuMs)) ? diff((run) => run.cpuMs) / per100 : diff((run) => run.taskMs) / per100,
    extTaskMsPer100Posts: diff((run) => run.taskMs) / per100,
    extScriptMsPer100Posts: diff((run) => run.scriptMs) / per100,
    backgroundCpuMsPer100Posts: med(true, (run) => run.extensionCpuMs) / per100,
    overlayLatencyP95Ms: med(true, (run) => quantile([...run.latencies].sort((a, b) => a - b), 0.95)),
    longTasksExt: diff((run) => run.longTasks),
    heapDeltaMb: diff((run) => run.heapMb),
    startupExtraMs: diff((run) => run.startupTaskMs),
  };
}
