// EXPERIMENT (not to commit): one feed run with the extension, trace saved.
import { resolve } from 'node:path';
import { writeFileSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { BROWSERS, CHROMIUM_ARGS, closeBrowser, serveAtRealOrigins } from '../../tests/e2e/harness';
import { feedPage } from './browser';
import { TRACE_CATEGORIES, mainThreadOf, attribute, type TraceEvent } from './attribution';
import { feedPosts, readCorpus } from './posts';
const ROOT = resolve(import.meta.dirname, '../..');
const N = Number(process.env.N ?? 400);
const withExt = process.env.NOEXT ? false : true;
const corpus = readCorpus(resolve(ROOT, 'tests/fixtures/corpus.jsonl'));
const feed = feedPosts(corpus, { count: N + 50, seed: 11 });
const first = feed.find((p) => p.label === 'scam')!;
const rest = feed.filter((p) => p !== first).slice(0, N);
const html = feedPage(ROOT, first, rest, 100);
const chromium = BROWSERS.find((s) => s.name === 'chromium')!;
const browser = await puppeteer.launch({ executablePath: chromium.executable, headless: true, enableExtensions: withExt,
  args: [...CHROMIUM_ARGS, ...(withExt ? [`--disable-extensions-except=${chromium.build}`, `--load-extension=${chromium.build}`] : [])], defaultViewport: { width: 1000, height: 900 } });
let origin = 'chrome-extension://';
if (withExt) { const w = await browser.waitForTarget((t) => t.url().endsWith('/welcome.html'), { timeout: 15000 }); origin = /^chrome-extension:\/\/[^/]+/.exec(w.url())![0]; await (await w.page())?.close(); }
const page = await browser.newPage();
await serveAtRealOrigins(page, { 'https://www.facebook.com/': html });
await page.goto('https://www.facebook.com/', { waitUntil: 'load' });
await page.bringToFront();
if (withExt) { const d = Date.now()+30000; while (!(await page.evaluate((id) => (window as any).__bench.hasBanner(id), first.id))) { if (Date.now()>d) throw new Error('no first banner'); await new Promise(r=>setTimeout(r,50)); } }
await new Promise((r) => setTimeout(r, 1000));
const prof = process.env.PROF ? await page.createCDPSession() : null;
if (prof) { await prof.send('Profiler.enable'); await prof.send('Profiler.setSamplingInterval', { interval: 50 }); await prof.send('Profiler.start'); }
await page.tracing.start({ categories: process.env.EXTRA ? [...TRACE_CATEGORIES, 'toplevel', 'blink', 'cc'] : TRACE_CATEGORIES });
await page.evaluate((b, i) => (window as any).__bench.run(b, i), 10, 100);
await new Promise((r) => setTimeout(r, 1500));
const data = await page.tracing.stop();
if (prof) { const { profile } = await prof.send('Profiler.stop') as any; writeFileSync('/tmp/perf/prof.cpuprofile', JSON.stringify(profile)); }
const results = await page.evaluate(() => (window as any).__bench.results());
await closeBrowser(browser);
const events = (JSON.parse(new TextDecoder().decode(data!)) as { traceEvents: TraceEvent[] }).traceEvents;
writeFileSync('/tmp/perf/trace.json', JSON.stringify({ origin, events }));
const thread = mainThreadOf(events, 'https://www.facebook.com/')!;
const a = attribute(events, thread, origin);
const lat = results.latencies.sort((x: number, y: number) => x - y);
console.log(JSON.stringify({ per100: (a.totalMs / N * 100).toFixed(2), own: a.ownTasksMs / N * 100, inPage: a.inPageTasksMs / N * 100, frames: a.ownFramesMs / N * 100, nFrames: a.ownFrames, byCallback: a.byCallback, banners: results.banners, p95: lat[Math.floor(lat.length * 0.95)], assessed: results.assessed }, null, 1));
