/**
 * Bytes: the gzipped content script of the Chrome build, each zip `npm run zip` makes, and a breakdown of the content
 * script by piece (zod, preact, rule pack, locales...) from a source-mapped build of that entrypoint alone.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { transformSync } from 'esbuild';

export interface ZipSizes {
  /** File name → bytes. */
  [file: string]: number;
}

export interface PieceCost {
  piece: string;
  /** Minified bytes of this piece in the built content script. */
  bytes: number;
  /** Its bytes gzipped on their own (an upper bound of what removing it saves). */
  gzipBytes: number;
}

export const gzipSize = (text: string | Buffer) => gzipSync(text).length;

/** Runs `npm run zip` (which builds both browsers first) and returns the size of each zip of this version. */
export function makeZips(root: string, log: (line: string) => void): ZipSizes {
  log('building and zipping both browsers (npm run zip)...');
  execFileSync('npm', ['run', '--silent', 'zip'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const { version, name } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string; name: string };
  const outDir = resolve(root, '.output');
  const sizes: ZipSizes = {};
  for (const file of readdirSync(outDir)) {
    if (file.startsWith(`${name}-${version}-`) && file.endsWith('.zip')) sizes[file] = statSync(join(outDir, file)).size;
  }
  if (Object.keys(sizes).length === 0) throw new Error(`npm run zip made no ${name}-${version}-*.zip in ${outDir}`);
  return sizes;
}

/** Gzipped size of the content script of the Chrome build in .output. */
export function contentScriptGzipBytes(root: string): number {
  const file = resolve(root, '.output/chrome-mv3/content-scripts/content.js');
  if (!existsSync(file)) throw new Error(`no content script at ${file}: build first`);
  return gzipSize(readFileSync(file));
}

/** The piece of the bundle a source belongs to, in the product's words. */
export function pieceOf(source: string): string {
  const path = source.replace(/\\/g, '/');
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1];
  if (pkg) return pkg;
  const rules: [RegExp, string][] = [
    [/src\/detect\/rules\/[^/]+\.json$/, 'detector rule pack (JSON)'],
    [/src\/detect\//, 'detector code'],
    [/src\/i18n\/locales\//, 'UI strings, all locales'],
    [/src\/i18n\//, 'i18n code'],
    [/src\/channels\/data\//, 'official channels, all countries'],
    [/src\/channels\//, 'channels code + schema'],
    [/src\/checklist\//, 'checklists'],
    [/src\/overlay\//, 'overlay (banner)'],
    [/src\/watcher\//, 'watcher'],
    [/src\/sites\//, 'site adapters'],
    [/src\/settings\//, 'settings + schema'],
    [/src\/zod\.ts$/, 'zod setup'],
    [/src\/content\/|entrypoints\//, 'content script glue'],
  ];
  for (const [pattern, piece] of rules) if (pattern.test(path)) return piece;
  return path.includes('src/') ? `other: ${path.slice(path.indexOf('src/'))}` : 'bundler glue';
}

/** Minified alone, per module (id → rendered code), largest first. */
export function moduleCosts(modules: Record<string, string>): (PieceCost & { code: string })[] {
  return Object.entries(modules)
    .filter(([, code]) => code.trim())
    .map(([id, code]) => {
      const minified = transformSync(code, { minify: true, loader: 'js', logLevel: 'silent' }).code;
      return { piece: id, code: minified, bytes: Buffer.byteLength(minified), gzipBytes: gzipSize(minified) };
    })
    .sort((a, b) => b.bytes - a.bytes);
}

/** Groups modules (id → rendered code) by piece: bytes once minified alone, and gzipped together. */
export function breakdown(modules: Record<string, string>, classify: (source: string) => string = pieceOf): PieceCost[] {
  const texts = new Map<string, string[]>();
  for (const module of moduleCosts(modules)) {
    const piece = classify(module.piece);
    let list = texts.get(piece);
    if (!list) texts.set(piece, (list = []));
    list.push(module.code);
  }
  return [...texts.entries()]
    .map(([piece, parts]) => {
      const text = parts.join('');
      return { piece, bytes: Buffer.byteLength(text), gzipBytes: gzipSize(text) };
    })
    .sort((a, b) => b.bytes - a.bytes);
}

/**
 * Builds the content script alone (in a temporary folder) and records the code rollup rendered for each module
 * that made it into the bundle (tree-shaken, before minification), then splits it by piece.
 */
export async function contentScriptBreakdown(
  root: string,
): Promise<{ pieces: PieceCost[]; modules: PieceCost[]; bytes: number; gzipBytes: number }> {
  const outDir = await mkdtemp(join(tmpdir(), 'waspada-bundle-'));
  const modules: Record<string, string> = {};
  const recordModules = {
    name: 'waspada-bench-modules',
    generateBundle(_options: unknown, bundle: Record<string, { type: string; fileName: string; modules?: Record<string, { code: string | null }> }>) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !chunk.fileName.endsWith('content.js')) continue;
        for (const [id, module] of Object.entries(chunk.modules ?? {})) modules[relative(root, id.replace(/^\0/, ''))] = module.code ?? '';
      }
    },
  };
  try {
    const { build } = await import('wxt');
    await build({
      root,
      browser: 'chrome',
      outDir,
      filterEntrypoints: ['content'],
      logger: silentLogger,
      vite: () => ({ logLevel: 'silent', plugins: [recordModules] }),
    });
    const file = readdirSync(outDir).map((name) => join(outDir, name, 'content-scripts/content.js')).find((path) => existsSync(path));
    if (!file || Object.keys(modules).length === 0) throw new Error(`no content script built under ${outDir}`);
    const code = readFileSync(file);
    const perModule = moduleCosts(modules).map(({ piece, bytes, gzipBytes }) => ({ piece, bytes, gzipBytes }));
    return { pieces: breakdown(modules), modules: perModule, bytes: code.length, gzipBytes: gzipSize(code) };
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

const quiet = () => {};
const silentLogger = { debug: quiet, log: quiet, info: quiet, warn: quiet, error: console.error, fatal: console.error, success: quiet, level: 0 } as never;
