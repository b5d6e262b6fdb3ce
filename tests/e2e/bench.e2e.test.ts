import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { figureProblems } from '../../scripts/bench/figures';
import { BROWSERS, ROOT, isInstalled } from './harness';

const chromium = BROWSERS.find((spec) => spec.name === 'chromium')!;

/** The benchmark is not a test: this only checks that its harness still runs and prints every figure. No timing is judged. */
describe.skipIf(!isInstalled(chromium))('npm run bench -- --quick', () => {
  it('prints a table and, last, one JSON line where every figure is a finite number', async () => {
    const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((done, fail) => {
      const child = spawn('npm', ['run', '--silent', 'bench', '--', '--quick'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
      child.on('error', fail);
      child.on('close', (exit) => done({ code: exit, stdout: out, stderr: err }));
    });
    expect(code, stderr.slice(-3000)).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines.length, 'the table').toBeGreaterThan(10);
    const figures = JSON.parse(lines[lines.length - 1]!) as Record<string, unknown>;
    expect(figureProblems(figures)).toEqual([]);
  }, 600_000);
});
