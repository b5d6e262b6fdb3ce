/**
 * The detector alone, in this thread: posts per second over feed-like posts after warm-up, the time per post, and
 * the slowest of several 100 KB pathological inputs.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type { Assessment } from '../../src/detect/types';

export type Assess = (text: string) => Assessment;

/**
 * The detector as the extension ships it: bundled by esbuild, as Vite does. Imported through tsx, every function
 * would carry a keepNames helper that runs each time a closure is made (about a twentieth of the time per post).
 */
export async function loadShippedDetector(root: string): Promise<Assess> {
  const bundled = await build({
    entryPoints: [resolve(root, 'src/detect/index.ts')],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const dir = await mkdtemp(join(tmpdir(), 'waspada-detector-'));
  try {
    const file = join(dir, 'detect.mjs');
    await writeFile(file, bundled.outputFiles[0]!.text);
    const { assessPost } = (await import(pathToFileURL(file).href)) as { assessPost: Assess };
    return (text) => assessPost(text);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface DetectorFigures {
  posts: number;
  rounds: number;
  /** Median over rounds of posts / the round's CPU time (this process's, so other work on the machine does not count). */
  postsPerSecond: number;
  /** Per post: the median of its times over the rounds (a post the OS preempted once still counts its own cost). */
  p50Us: number;
  p99Us: number;
  maxUs: number;
  levels: Record<string, number>;
}

/** The value below which `q` (0..1) of the sorted values lie (nearest rank). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

export function median(values: ArrayLike<number>): number {
  return quantile(Array.from(values).sort((a, b) => a - b), 0.5);
}

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

export function measureThroughput(assess: Assess, texts: readonly string[], { rounds = 7, warmupRounds = 3 } = {}): DetectorFigures {
  const levels: Record<string, number> = {};
  for (const text of texts) {
    const level = assess(text).level;
    levels[level] = (levels[level] ?? 0) + 1;
  }
  for (let round = 1; round < warmupRounds; round++) for (const text of texts) assess(text);
  const rates: number[] = [];
  // times[post * rounds + round]
  const times = new Float64Array(texts.length * rounds);
  for (let round = 0; round < rounds; round++) {
    const start = cpuMs();
    for (let post = 0; post < texts.length; post++) {
      const t0 = performance.now();
      assess(texts[post]!);
      times[post * rounds + round] = performance.now() - t0;
    }
    rates.push(texts.length / ((cpuMs() - start) / 1000));
  }
  const perPost = Array.from({ length: texts.length }, (_, post) => median(times.subarray(post * rounds, (post + 1) * rounds)));
  const sorted = perPost.sort((a, b) => a - b);
  return {
    posts: texts.length,
    rounds,
    postsPerSecond: median(rates),
    p50Us: quantile(sorted, 0.5) * 1000,
    p99Us: quantile(sorted, 0.99) * 1000,
    maxUs: sorted[sorted.length - 1]! * 1000,
    levels,
  };
}

const SIZE = 100_000;

/** Repeats `parts` (cycling) until `size` UTF-16 units, cut there. */
function fill(parts: readonly string[], size = SIZE, separator = ' '): string {
  let out = '';
  for (let i = 0; out.length < size; i++) out += parts[i % parts.length] + separator;
  return out.slice(0, size);
}

/** 100 KB inputs meant to find the detector's slow paths: long words, cue floods, emoji, mixed scripts, numbers. */
export function pathologicalInputs(sampleScam: string): Record<string, string> {
  return {
    'one 100 KB word': 'a'.repeat(SIZE),
    'one cue repeated': fill(['kamboja']),
    'cue words glued': fill(['kambojagajitiketvisa'], SIZE, ''),
    'scam post repeated': fill([sampleScam], SIZE, '\n'),
    'spaced-out letters': fill(['K A M B O J A', 'G A J I', '1 5 J T'], SIZE, '  '),
    'leetspeak': fill(['K4mb0j4', 'C@mb0d1a', 'g4j1', '5ALARY', 'v1s4']),
    'emoji and flags': fill(['🇰🇭', '1️⃣5️⃣', '👨‍👩‍👧‍👦', '🔥🔥🔥', '✅', '💰'], SIZE, ''),
    'mixed scripts': fill(['柬埔寨', 'ทำงาน', 'ကမ္ဘောဒီးယား', 'Камбоджа', '𝐊𝐚𝐦𝐛𝐨𝐣𝐚', 'Ｋａｍｂｏｊａ', 'lương', 'k\u0336a\u0336m']),
    'zero-width and marks': fill(['k\u200bam\u200cb\u200doj\u2060a', 'g\u0301\u0302\u0303aji']),
    'many numbers': fill(['Rp 12.000.000', '$1.2k-1.5k', '15jt', '0812-3456-7890', '20 triệu', '1.5w', 'USD 1,000/month', '₱40,000']),
    'digits only': fill(['1234567890'], SIZE, ''),
    'punctuation only': fill(['. , ! ? ... -- ::'], SIZE, ''),
  };
}

export interface WorstCase {
  kind: string;
  ms: number;
  level: string;
}

/** Median of `repeats` CPU timings of each input (the first call included); sorted slowest first. */
export function measurePathological(assess: Assess, inputs: Record<string, string>, repeats = 3): WorstCase[] {
  const results: WorstCase[] = [];
  for (const [kind, text] of Object.entries(inputs)) {
    const times: number[] = [];
    let level = '';
    for (let i = 0; i < repeats; i++) {
      const t0 = cpuMs();
      level = assess(text).level;
      times.push(cpuMs() - t0);
    }
    results.push({ kind, ms: median(times), level });
  }
  return results.sort((a, b) => b.ms - a.ms);
}
