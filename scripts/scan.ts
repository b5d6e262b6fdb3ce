/**
 * Bulk check of exported posts for NGO moderators.
 *
 *   npm run --silent scan -- [FILE]
 *
 * Reads JSON Lines `{"id", "text"}` from FILE (or standard input) and writes one JSON line per input line, in the
 * same order: `{"id", "level", "score", "lang", "signals": [{"id", "family", "evidence": ["..."]}]}`.
 * A line that is not JSON, or has no "text" string, gets `{"id", "error"}` (id null when unknown) and the run goes
 * on. Blank lines are not posts: they are skipped and get no output line.
 * Exit code: 0 when every line was assessed, 1 when some line failed, 2 when FILE cannot be read.
 * Streams both ways (line by line, honouring backpressure), so 100,000 lines or more need no more memory than a few.
 */
import { createReadStream, openSync, closeSync, fstatSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import type { Readable } from 'node:stream';
import { assessPost } from '../src/detect';

const FLUSH_AT = 64 * 1024;

type Id = string | number | null;

function idOf(value: unknown): Id {
  if (value && typeof value === 'object' && 'id' in value) {
    const id = (value as { id: unknown }).id;
    if (typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id))) return id;
  }
  return null;
}

/** One output line for one input line; `failed` tells the exit code. */
function processLine(line: string, lineNumber: number): { json: string; failed: boolean } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return { json: JSON.stringify({ id: null, error: `line ${lineNumber}: not JSON (${(error as Error).message})` }), failed: true };
  }
  const id = idOf(value);
  const text = value && typeof value === 'object' && !Array.isArray(value) ? (value as { text?: unknown }).text : undefined;
  if (typeof text !== 'string') {
    return { json: JSON.stringify({ id, error: `line ${lineNumber}: no "text" string` }), failed: true };
  }
  const assessment = assessPost(text);
  return {
    json: JSON.stringify({
      id,
      level: assessment.level,
      score: assessment.score,
      lang: assessment.lang,
      signals: assessment.signals.map((s) => ({ id: s.id, family: s.family, evidence: s.evidence.map((e) => e.text) })),
    }),
    failed: false,
  };
}

function openInput(file: string | undefined): Readable {
  if (!file) return process.stdin;
  let fd: number;
  try {
    fd = openSync(file, 'r');
    if (fstatSync(fd).isDirectory()) {
      closeSync(fd);
      throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    }
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    process.stderr.write(`scan: cannot read ${file}: ${reason}\n`);
    process.exit(2);
  }
  return createReadStream('', { fd });
}

async function main(): Promise<void> {
  const args = process.argv.slice(2).filter((a) => a !== '--');
  if (args.length > 1 || args[0] === '-h' || args[0] === '--help') {
    process.stderr.write('usage: npm run --silent scan -- [FILE]   (JSON Lines {"id","text"}; standard input when no FILE)\n');
    process.exit(args.length > 1 ? 2 : 0);
  }
  const input = openInput(args[0]);
  input.on('error', (error) => {
    process.stderr.write(`scan: cannot read ${args[0] ?? 'standard input'}: ${error.message}\n`);
    process.exit(2);
  });
  // a closed pipe (| head) ends the run quietly
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });

  const lines = createInterface({ input, crlfDelay: Infinity });
  let buffer = '';
  let failed = false;
  let lineNumber = 0;
  const flush = async () => {
    if (!buffer) return;
    const ok = process.stdout.write(buffer);
    buffer = '';
    if (!ok) await once(process.stdout, 'drain');
  };
  for await (const line of lines) {
    lineNumber++;
    if (!line.trim()) continue;
    const result = processLine(line, lineNumber);
    if (result.failed) failed = true;
    buffer += `${result.json}\n`;
    if (buffer.length >= FLUSH_AT) await flush();
  }
  await flush();
  process.exitCode = failed ? 1 : 0;
}

void main();
