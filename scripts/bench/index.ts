/**
 * `npm run bench`: what Waspada costs. Prints a table, then as its last line one JSON object of figures.
 * `npm run bench -- --quick`: the same harness on a small feed with one run each (CI runs it so it cannot rot).
 * `npm run bench -- --detector`: the detector alone (a few seconds), while working on it.
 * Progress goes to stderr; stdout holds only the table and the JSON line. Nothing here asserts a timing: the run
 * fails only when the harness itself breaks (a figure missing or not a finite number).
 */
import { resolve } from 'node:path';
import { assessPost } from '../../src/detect';
import { benchExtension, feedPage } from './browser';
import { contentScriptBreakdown, contentScriptGzipBytes, makeZips } from './bundle';
import { figureProblems } from './figures';
import { loadShippedDetector, measurePathological, measureThroughput, pathologicalInputs } from './detector';
import { feedPosts, readCorpus, type FeedPost } from './posts';

const ROOT = resolve(import.meta.dirname, '../..');
const quick = process.argv.includes('--quick');
const detectorOnly = process.argv.includes('--detector');

// The feed appends `batch` posts every `intervalMs` and keeps the newest `keep` units whole (see feed.html).
const SETTINGS = quick
  ? { detectorPosts: 1000, rounds: 3, warmup: 2, feedPosts: 200, pairs: 1, batch: 20, intervalMs: 100, keep: 100, settleMs: 500 }
  : { detectorPosts: 2000, rounds: 7, warmup: 3, feedPosts: 2000, pairs: 5, batch: 10, intervalMs: 100, keep: 100, settleMs: 1500 };

const log = (line: string) => process.stderr.write(`${line}\n`);
const kb = (bytes: number) => bytes / 1024;
const round = (value: number, digits = 2) => Number(value.toFixed(digits));

function table(rows: [string, string][]): string {
  const width = Math.max(...rows.filter(([, value]) => value !== '').map(([label]) => label.length));
  return rows.map(([label, value]) => (value === '' ? `\n${label}` : `  ${label.padEnd(width)}  ${value}`)).join('\n');
}

async function main() {
  const corpus = readCorpus(resolve(ROOT, 'tests/fixtures/corpus.jsonl'));

  log(`detector: ${SETTINGS.detectorPosts} feed posts, ${SETTINGS.rounds} rounds...`);
  const detectorPosts = feedPosts(corpus, { count: SETTINGS.detectorPosts, seed: 7 });
  const shipped = await loadShippedDetector(ROOT);
  const detector = measureThroughput(shipped, detectorPosts.map((post) => post.text), {
    rounds: SETTINGS.rounds,
    warmupRounds: SETTINGS.warmup,
  });
  const sampleScam = corpus.find((item) => item.label === 'scam')!.text;
  const worst = measurePathological(shipped, pathologicalInputs(sampleScam));

  const detectorRows: [string, string][] = [
    [`Detector (${detector.posts} posts of ~400 chars, ${detector.rounds} rounds, one thread)`, ''],
    ['posts/s (median round)', `${Math.round(detector.postsPerSecond)}   target >= 50000`],
    ['per post p50 / p99 / max', `${detector.p50Us.toFixed(1)} / ${detector.p99Us.toFixed(1)} / ${detector.maxUs.toFixed(0)} µs`],
    ['levels', Object.entries(detector.levels).map(([level, n]) => `${level} ${n}`).join(', ')],
    ['100 KB inputs (median of 3, slowest first)', ''],
    ...worst.map((w): [string, string] => [w.kind, `${w.ms.toFixed(1)} ms (${w.level})`]),
  ];
  const detectorFigures = {
    detector_posts_per_s: Math.round(detector.postsPerSecond),
    detector_p99_us: round(detector.p99Us, 1),
    worst_case_ms_100kb: round(worst[0]!.ms, 1),
  };
  if (detectorOnly) {
    console.log(table(detectorRows).trimStart());
    console.log(JSON.stringify(detectorFigures));
    return;
  }

  const zips = makeZips(ROOT, log);
  const contentGzip = contentScriptGzipBytes(ROOT);
  log('content script breakdown (source build of the content entrypoint alone)...');
  const bundle = await contentScriptBreakdown(ROOT);

  // The feed: the page starts with one flagged post (the sign the content script runs), then appends the rest.
  const feed = feedPosts(corpus, { count: SETTINGS.feedPosts + 50, seed: 11 });
  const first = feed.find((post) => post.label === 'scam' && assessPost(post.text).level !== 'none');
  if (!first) throw new Error('no scam post of the feed is flagged: the detector is not working');
  const rest: FeedPost[] = feed.filter((post) => post !== first).slice(0, SETTINGS.feedPosts);
  log(
    `Chromium: ${rest.length} posts in batches of ${SETTINGS.batch} every ${SETTINGS.intervalMs} ms (newest ${SETTINGS.keep} kept whole), ` +
      `${SETTINGS.pairs} run(s) with and without the extension...`,
  );
  const browser = await benchExtension(
    {
      root: ROOT,
      page: feedPage(ROOT, first, rest, SETTINGS.keep),
      firstId: first.id,
      postCount: rest.length,
      batch: SETTINGS.batch,
      intervalMs: SETTINGS.intervalMs,
      settleMs: SETTINGS.settleMs,
    },
    SETTINGS.pairs,
    log,
  );

  const zipFigures = Object.fromEntries(
    Object.entries(zips).map(([file, bytes]) => [`zip_${/-([a-z]+)\.zip$/.exec(file)?.[1] ?? file}_kb`, round(kb(bytes), 1)]),
  );
  const figures: Record<string, number> = {
    ...detectorFigures,
    ext_main_thread_ms_per_100_posts: round(browser.extMainThreadMsPer100Posts),
    ext_cpu_delta_ms_per_100_posts: round(browser.extCpuDeltaMsPer100Posts),
    page_block_frame_ms: round(browser.plainBlockFrameMs),
    overlay_latency_p95_ms: round(browser.overlayLatencyP95Ms, 1),
    long_tasks_ext: browser.longTasksExt,
    heap_delta_mb: round(browser.heapDeltaMb),
    content_script_gzip_kb: round(kb(contentGzip), 1),
    ...zipFigures,
  };

  const withRuns = browser.runs.filter((run) => run.withExtension);
  const rows: [string, string][] = [
    ...detectorRows,
    [`Extension in Chromium (${browser.postCount} posts, median of ${SETTINGS.pairs} run(s) each side)`, ''],
    ['extension main-thread CPU / 100 posts (trace)', `${browser.extMainThreadMsPer100Posts.toFixed(2)} ms   target <= 2`],
    ['  its own tasks / its callbacks in the page\'s', `${browser.extOwnTasksMsPer100Posts.toFixed(2)} / ${browser.extInPageMsPer100Posts.toFixed(2)} ms`],
    ...Object.entries(browser.extByCallbackMsPer100Posts)
      .sort((a, b) => b[1] - a[1])
      .map(([name, ms]): [string, string] => [`  ${name}`, `${ms.toFixed(2)} ms`]),
    ['  frames only it asked for / 100 posts', `${browser.extFramesPer100Posts.toFixed(1)}, ${browser.extMsPerOwnFrame.toFixed(2)} ms each`],
    ['  the page alone, a frame adding a plain 120 px block', `${browser.plainBlockFrameMs.toFixed(2)} ms (the floor under a banner's frame)`],
    ['  attributed in the runs without it (check)', `${browser.falseAttributionMsPer100Posts.toFixed(2)} ms`],
    ['extra GC on the main thread / 100 posts (not above)', `${browser.gcDeltaMsPer100Posts.toFixed(2)} ms (with minus without)`],
    ['extra main-thread CPU / 100 posts (/proc delta)', `${browser.extCpuDeltaMsPer100Posts.toFixed(2)} ms (with minus without: includes noise)`],
    ['extra task time / 100 posts (wall)', `${browser.extTaskMsPer100Posts.toFixed(2)} ms (script ${browser.extScriptMsPer100Posts.toFixed(2)} ms)`],
    ['background CPU / 100 posts (off the page)', `${browser.backgroundCpuMsPer100Posts.toFixed(2)} ms`],
    ['banner latency p95', `${browser.overlayLatencyP95Ms.toFixed(1)} ms   target <= 100`],
    ['extra long tasks (its own, from the trace)', `${browser.longTasksExt}   target 0 (all long tasks, with minus without: ${browser.longTasksDelta})`],
    ['extra JS heap after GC', `${browser.heapDeltaMb.toFixed(2)} MB`],
    ['extra main-thread time at page start', `${browser.startupExtraMs.toFixed(1)} ms`],
    ['banners / posts assessed (median)', withRuns.map((run) => `${run.banners} / ${run.assessed} of ${run.inserted}`).join('; ')],
    ['Bytes', ''],
    ['content script gzipped', `${kb(contentGzip).toFixed(1)} KB   target <= 30`],
    ...Object.entries(zips).map(([file, bytes]): [string, string] => [file, `${kb(bytes).toFixed(1)} KB`]),
    [`Content script by piece (${kb(bundle.bytes).toFixed(0)} KB minified, ${kb(bundle.gzipBytes).toFixed(1)} KB gz; each piece minified and gzipped alone)`, ''],
    ...bundle.pieces.map((piece): [string, string] => [piece.piece, `${kb(piece.bytes).toFixed(1).padStart(6)} KB  ${kb(piece.gzipBytes).toFixed(1).padStart(5)} KB gz`]),
    ['Largest modules (minified and gzipped alone)', ''],
    ...bundle.modules.slice(0, 12).map((module): [string, string] => [module.piece, `${kb(module.bytes).toFixed(1).padStart(6)} KB  ${kb(module.gzipBytes).toFixed(1).padStart(5)} KB gz`]),
  ];
  console.log(table(rows).trimStart());
  console.log(JSON.stringify(figures));

  // the only thing the CI run checks: every figure is there and is a finite number
  const broken = figureProblems(figures);
  if (broken.length) {
    log(`bench: broken figures: ${broken.join(', ')}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  log(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
