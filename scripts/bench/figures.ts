/** The figures `npm run bench` prints as its last line (zip sizes come as zip_<kind>_kb, one per zip). */
export const REQUIRED_FIGURES = [
  'detector_posts_per_s',
  'detector_p99_us',
  'worst_case_ms_100kb',
  'ext_main_thread_ms_per_100_posts',
  'overlay_latency_p95_ms',
  'long_tasks_ext',
  'heap_delta_mb',
  'content_script_gzip_kb',
  'zip_chrome_kb',
  'zip_firefox_kb',
  'zip_sources_kb',
] as const;

/** What is wrong with a figures line: missing keys, values that are not finite numbers. Empty when all is well. */
export function figureProblems(figures: Record<string, unknown>): string[] {
  const missing = REQUIRED_FIGURES.filter((key) => !(key in figures)).map((key) => `${key} missing`);
  const broken = Object.entries(figures)
    .filter(([, value]) => typeof value !== 'number' || !Number.isFinite(value))
    .map(([key, value]) => `${key} = ${typeof value === 'number' ? String(value) : JSON.stringify(value)}`);
  return [...missing, ...broken];
}
