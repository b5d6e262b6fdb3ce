import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'waspada-scan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI: `npm run --silent scan -- ...args`, or tsx directly (same script, less start-up). */
function run(args: string[], stdin?: string, viaNpm = false): Promise<Run> {
  const [command, argv] = viaNpm
    ? ['npm', ['run', '--silent', 'scan', '--', ...args]]
    : [process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'scripts', 'scan.ts'), ...args]];
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv as string[], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

const lines = (out: string) => out.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);

const SCAM = 'Lowongan CS di Kamboja, gaji 15jt, tiket + visa ditanggung, tanpa pengalaman. Japri 0812-3456-7890';
const NEWS = 'Polisi menangkap tersangka TPPO yang merekrut korban ke Kamboja dengan gaji 15 juta.';

describe('scan CLI', () => {
  it('writes one result per post, in order, with evidence quoted from the post', async () => {
    const file = join(dir, 'posts.jsonl');
    writeFileSync(file, [
      JSON.stringify({ id: 'a', text: SCAM }),
      JSON.stringify({ id: 'b', text: NEWS }),
      JSON.stringify({ id: 3, text: 'Selamat pagi semua' }),
    ].join('\n'));
    const { code, stdout, stderr } = await run([file], undefined, true);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = lines(stdout);
    expect(out.map((o) => o.id)).toEqual(['a', 'b', 3]);
    expect(out.map((o) => o.level)).toEqual(['high', 'none', 'none']);
    expect(out[0]).toMatchObject({ lang: 'id', score: expect.any(Number) });
    const signals = out[0]!.signals as { id: string; family: string; evidence: string[] }[];
    expect(signals.find((s) => s.family === 'destination')).toEqual({ id: 'destination.cambodia', family: 'destination', evidence: ['Kamboja'] });
    for (const signal of signals) for (const quote of signal.evidence) expect(SCAM).toContain(quote);
  });

  it('reports bad lines in place, goes on, and exits 1', async () => {
    const input = [
      JSON.stringify({ id: 'ok1', text: SCAM }),
      '{not json',
      '',
      JSON.stringify({ id: 'no-text' }),
      JSON.stringify({ id: 'wrong', text: 42 }),
      '[1, 2]',
      JSON.stringify({ id: 'ok2', text: NEWS }),
    ].join('\n');
    const { code, stdout } = await run([], input);
    expect(code).toBe(1);
    const out = lines(stdout);
    // the blank line is skipped, every other line gets exactly one result
    expect(out.map((o) => [o.id, 'error' in o])).toEqual([
      ['ok1', false],
      [null, true],
      ['no-text', true],
      ['wrong', true],
      [null, true],
      ['ok2', false],
    ]);
    expect(out[1]!.error).toMatch(/^line 2: not JSON/);
    expect(out[2]!.error).toBe('line 4: no "text" string');
  });

  it('reads standard input when no file is given and exits 0 when all lines pass', async () => {
    const { code, stdout } = await run([], `${JSON.stringify({ id: 'x', text: SCAM })}\r\n`);
    expect(code).toBe(0);
    expect(lines(stdout)).toMatchObject([{ id: 'x', level: 'high' }]);
  });

  it('says so on stderr and exits 2 when the file cannot be read', async () => {
    const { code, stdout, stderr } = await run([join(dir, 'missing.jsonl')]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/cannot read .*missing\.jsonl/);
    const asDirectory = await run([dir]);
    expect(asDirectory.code).toBe(2);
  });

  it('gets through 100,000 lines, in order, without an error', { timeout: 300_000 }, async () => {
    const file = join(dir, 'big.jsonl');
    const texts = [SCAM, NEWS, 'Selamat pagi semua, jangan lupa sarapan', 'Hiring CSR in Cambodia! $1,200/month, free flight, DM @jobcambo'];
    const input: string[] = [];
    for (let i = 0; i < 100_000; i++) input.push(JSON.stringify({ id: i, text: texts[i % texts.length] }));
    writeFileSync(file, `${input.join('\n')}\n`);
    const { code, stdout, stderr } = await run([file]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = stdout.split('\n').filter(Boolean);
    expect(out).toHaveLength(100_000);
    for (let i = 0; i < out.length; i += 997) {
      const row = JSON.parse(out[i]!) as { id: number; level: string };
      expect(row.id).toBe(i);
      expect(row.level).toBe(i % 4 === 0 || i % 4 === 3 ? 'high' : 'none');
    }
    expect((JSON.parse(out[99_999]!) as { id: number }).id).toBe(99_999);
  });
});
