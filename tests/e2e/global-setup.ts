import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { ROOT, missingBrowsers } from './harness';

/**
 * Builds the extension once for the whole E2E run (skipped when WASPADA_E2E_BUILT=1 says `npm run build` just ran),
 * and says loudly which browsers are missing: the suite skips them, except under CI where that is a failure.
 */
export default function setup() {
  const missing = missingBrowsers();
  if (missing.length > 0) {
    const packages = missing.map((spec) => spec.aptPackage).join(' ');
    const message = [
      '',
      '!'.repeat(78),
      `!! END-TO-END TESTS SKIPPED: ${missing.map((spec) => `${spec.name} (${spec.executable})`).join(', ')} not installed.`,
      `!! Install with:  sudo apt-get install ${packages}`,
      '!! (or point WASPADA_CHROMIUM / WASPADA_FIREFOX at the binaries). No test downloads a browser.',
      '!'.repeat(78),
      '',
    ].join('\n');
    if (process.env.CI === 'true') throw new Error(`CI needs the real browsers.${message}`);
    console.warn(message);
  }
  if (process.env.WASPADA_E2E_BUILT !== '1') {
    const wxt = resolve(ROOT, 'node_modules/.bin/wxt');
    for (const target of ['chrome', 'firefox']) execFileSync(wxt, ['build', '-b', target], { cwd: ROOT, stdio: 'inherit' });
  }
}
