/**
 * NGO deployment in real Chromium: an enterprise policy file in Chromium's managed-policies folder applies a profile
 * (its helpline first in the banner, its hashed recruiter list), and the profile's signed rule pack is fetched from an
 * https:// server on 127.0.0.1 and picked up; a tampered pack is refused and the shipped rules stay.
 *
 * Stable extension id: Chromium gives an unpacked extension without a manifest "key" the id derived from its absolute
 * path (SHA-256 of the path, first 32 hex digits written a–p), so the test computes it from the build folder, writes
 * the policy for it, and checks the id Chromium actually assigned. No key goes into any manifest.
 * Allowed update URL: production accepts https:// only; here the server has a throwaway self-signed certificate and
 * Chromium runs with --ignore-certificate-errors. Nothing in the extension relaxes for tests.
 * Writing /etc/chromium/policies/managed needs root: outside CI a non-root run skips loudly; under CI it fails.
 * The user: a job seeker who confirmed Indonesia and Bahasa Indonesia on the welcome page. The profile's defaults
 * (English) stand only until the user confirms their own, so banner and options speak Indonesian; English here would
 * mean the organisation overrode the user's choice.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { BROWSERS, INDONESIAN, ROOT, closeBrowser, isInstalled, launchWithExtension, serveAtRealOrigins } from './harness';
import { t, type UiLanguage } from '../../src/i18n';
import { hasOpenssl, startTlsServer, type TlsServer } from './tls-server';
import { generateSigningKey, loadPrivateKey, signPack } from '../../scripts/rule-signing';
import { hashContactList } from '../../scripts/hash-contacts';
import { packWith } from '../ngo/helpers';

const chromium = BROWSERS.find((spec) => spec.name === 'chromium')!;
const POLICY_DIR = process.env.WASPADA_CHROMIUM_POLICY_DIR ?? '/etc/chromium/policies/managed';
const POLICY_FILE = join(POLICY_DIR, `waspada-e2e-${process.pid}.json`);
const PAGE_URL = 'https://www.facebook.com/groups/4455/';
const FIXTURE = readFileSync(resolve(ROOT, 'tests/e2e/fixtures/ngo/group.html'), 'utf8');
const PACK_VERSION = '2099.11.1-1';
const ORGANISATION = 'Yayasan Contoh E2E';
/** What the user confirmed on the welcome page; the profile below defaults to another language on purpose. */
const USER = INDONESIAN;
const USER_LANGUAGE = USER.uiLanguage as UiLanguage;

const isRoot = process.getuid?.() === 0;
const missing = [
  !isInstalled(chromium) && `Chromium (${chromium.executable})`,
  !isRoot && `root (to write ${POLICY_DIR}; this run is uid ${process.getuid?.()})`,
  !hasOpenssl() && 'openssl (for the test server certificate)',
].filter(Boolean);
if (missing.length > 0) {
  const message = `NGO DEPLOYMENT E2E SKIPPED: needs ${missing.join(', ')}`;
  if (process.env.CI === 'true') throw new Error(message);
  console.warn(`\n${'!'.repeat(78)}\n!! ${message}\n${'!'.repeat(78)}\n`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The id Chromium gives an unpacked extension that has no "key": from its absolute path (crx_file::id_util::GenerateIdForPath). */
export function unpackedExtensionId(folder: string): string {
  const hex = createHash('sha256').update(realpathSync(folder)).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

interface CdpNode {
  nodeType: number;
  nodeId: number;
  backendNodeId: number;
  localName?: string;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}
const attr = (node: CdpNode, name: string) => {
  const list = node.attributes ?? [];
  for (let i = 0; i < list.length; i += 2) if (list[i] === name) return list[i + 1] ?? '';
  return null;
};
const hasClass = (node: CdpNode, name: string) => (attr(node, 'class') ?? '').split(/\s+/).includes(name);
function* walk(node: CdpNode): Generator<CdpNode> {
  yield node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) yield* walk(child);
}
const textOf = (node: CdpNode): string => (node.nodeType === 3 ? (node.nodeValue ?? '') : (node.children ?? []).map(textOf).join(''));

interface BannerView {
  level: string | null;
  org: string | null;
  /** The advice list's channels, in order (empty until the advice is opened). */
  channels: string[];
  marks: string[];
  toggle: number | null;
}

/** What the banner of post `postId` shows, read through the closed shadow root with the DevTools protocol. */
async function bannerOf(page: Page, postId: string): Promise<BannerView | null> {
  const session = await page.createCDPSession();
  try {
    const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const article = [...walk(root)].find((node) => attr(node, 'id') === `post-${postId}`);
    const host = article?.children?.find((child) => child.localName === 'waspada-alert');
    const shadow = host?.shadowRoots?.[0];
    if (!host || !shadow) return null;
    const nodes = [...walk(shadow)];
    const org = nodes.find((node) => hasClass(node, 'org'));
    const todo = nodes.find((node) => hasClass(node, 'todo'));
    const lists = todo ? [...walk(todo)].filter((node) => node.localName === 'ul') : [];
    const channelList = lists[lists.length - 1];
    return {
      level: attr(host, 'level'),
      org: org ? textOf(org).replace(/\s+/g, ' ').trim() : null,
      channels: lists.length > 1 && channelList ? (channelList.children ?? []).filter((n) => n.localName === 'li').map((li) => textOf(li).trim()) : [],
      marks: nodes.filter((node) => node.localName === 'mark').map(textOf),
      toggle: nodes.find((node) => node.localName === 'button' && hasClass(node, 'link'))?.backendNodeId ?? null,
    };
  } finally {
    await session.detach();
  }
}

async function clickNode(page: Page, backendNodeId: number): Promise<void> {
  const session = await page.createCDPSession();
  try {
    const { object } = (await session.send('DOM.resolveNode', { backendNodeId })) as { object: { objectId: string } };
    await session.send('Runtime.callFunctionOn', { objectId: object.objectId, functionDeclaration: 'function () { this.click(); }' });
  } finally {
    await session.detach();
  }
}

async function until<T>(what: string, probe: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await probe();
  while (!ok(value)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last seen: ${JSON.stringify(value)}`);
    await new Promise((done) => setTimeout(done, 200));
    value = await probe();
  }
  return value;
}

describe.skipIf(missing.length > 0)('NGO deployment in Chromium (enterprise policy, signed rule pack)', () => {
  let server: TlsServer;
  let extensionId: string;
  let goodPack: string;
  let tamperedPack: string;
  const salt = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
  const createdDirs: string[] = [];

  beforeAll(async () => {
    server = await startTlsServer();
    const { privateKeyPem, publicKey } = generateSigningKey();
    const key = loadPrivateKey(privateKeyPem);
    const pack = packWith(PACK_VERSION, (p) => {
      p.families.destination.patterns.push({ id: 'ngo_town', lang: 'any', weight: 1, re: 'kota zorblax' } as never);
    });
    goodPack = JSON.stringify(signPack(pack, key), null, 1);
    // Changed after signing: the town is still there, but the pack also says one more thing than its signer did.
    const tampered = signPack(pack, key);
    (tampered.pack as { scoring: { high: number } }).scoring.high = 0.3;
    tamperedPack = JSON.stringify(tampered);

    extensionId = unpackedExtensionId(chromium.build);
    const profile = {
      format: 1,
      organisation: { name: ORGANISATION },
      channels: [
        {
          id: 'contoh-helpline', name: 'Yayasan Contoh E2E helpline', kind: 'hotline', value: '+62 21 5550 0100', url: 'tel:+622155500100',
          purpose: 'ask-or-report-job', source: 'Yayasan Contoh E2E, own number', verifiedOn: '2026-11-22', verified: true,
        },
      ],
      // Used only until the user confirms their own (USER): never what this test's user sees.
      defaults: { country: 'ID', language: 'en' },
      knownRecruiters: { salt, hashes: hashContactList(['+62 812-0000-1111'], salt, []).hashes },
      ruleUpdates: { url: `${server.origin}/rules.json`, publicKey, checkEveryHours: 24 },
    };
    // Folders this run creates go again afterwards (when empty), as the file does.
    for (let dir = POLICY_DIR; dir !== '/' && !existsSync(dir); dir = dirname(dir)) createdDirs.unshift(dir);
    mkdirSync(POLICY_DIR, { recursive: true });
    // A run killed before its clean-up left its file behind: remove files of runs whose process is gone.
    for (const name of readdirSync(POLICY_DIR)) {
      const pid = /^waspada-e2e-(\d+)\.json$/.exec(name)?.[1];
      if (pid && !isAlive(Number(pid))) rmSync(join(POLICY_DIR, name), { force: true });
    }
    writeFileSync(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [extensionId]: profile } } }, null, 2));
    process.once('exit', () => rmSync(POLICY_FILE, { force: true }));
  });

  afterAll(async () => {
    rmSync(POLICY_FILE, { force: true });
    for (const dir of [...createdDirs].reverse()) {
      try {
        rmdirSync(dir);
      } catch {
        // not empty: someone else's policies live there too
      }
    }
    await server?.close();
  });

  async function launch(): Promise<Browser> {
    const browser = await launchWithExtension(chromium, { profile: USER, args: ['--ignore-certificate-errors'] });
    const worker = await browser.waitForTarget((target) => target.type() === 'service_worker' && target.url().startsWith('chrome-extension://'));
    const assigned = new URL(worker.url()).host;
    if (assigned !== extensionId) {
      await closeBrowser(browser);
      throw new Error(`Chromium gave the extension id ${assigned}, the policy was written for ${extensionId} (computed from ${realpathSync(chromium.build)})`);
    }
    return browser;
  }

  async function openOptions(browser: Browser): Promise<Page> {
    const page = await browser.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html#organisation`, { waitUntil: 'load' });
    return page;
  }
  const attribute = (page: Page, selector: string, name: string) =>
    page.evaluate((s, n) => document.querySelector(s)?.getAttribute(n) ?? null, selector, name);

  async function openGroup(browser: Browser): Promise<Page> {
    const page = await browser.newPage();
    await serveAtRealOrigins(page, { [PAGE_URL]: FIXTURE });
    await page.goto(PAGE_URL, { waitUntil: 'load' });
    // Waspada pauses in hidden tabs: the page under test is the one in front.
    await page.bringToFront();
    return page;
  }

  it('applies the policy profile (helpline first, listed recruiter flagged) and picks up the signed pack', async () => {
    server.routes.set('/rules.json', { body: goodPack });
    const browser = await launch();
    try {
      const options = await openOptions(browser);
      expect(await until('the policy profile in options', () => attribute(options, '[data-profile-source]', 'data-profile-source'), (v) => v === 'policy')).toBe('policy');
      expect(await until('the signed pack in use', () => attribute(options, '[data-rule-pack]', 'data-rule-pack'), (v) => v === PACK_VERSION)).toBe(PACK_VERSION);
      expect(server.requests).toEqual(['/rules.json']);

      const page = await openGroup(browser);
      const recruiter = await until('a banner on the recruiter post', () => bannerOf(page, '1201'), (b) => b !== null);
      expect(recruiter!.level).toBe('high');
      expect(recruiter!.marks).toContain('0812 0000 1111');
      // In the user's language (DevTools leaves out whitespace-only text nodes, hence the normalised space)
      expect(recruiter!.org!.replace(/:\s*/, ': ')).toBe(`${t(USER_LANGUAGE, 'banner.org.help', { name: ORGANISATION })} +62 21 5550 0100`);
      await clickNode(page, recruiter!.toggle!);
      const opened = await until('the advice list', () => bannerOf(page, '1201'), (b) => (b?.channels.length ?? 0) > 1);
      expect(opened!.channels[0]).toContain('Yayasan Contoh E2E helpline: +62 21 5550 0100');
      expect(opened!.channels.slice(1).join('\n')).toContain('KP2MI');

      const town = await until('a banner from the downloaded rules', () => bannerOf(page, '1202'), (b) => b !== null);
      expect(town!.marks).toContain('Kota Zorblax');
      expect(await bannerOf(page, '1203')).toBeNull();
    } finally {
      await closeBrowser(browser);
    }
  });

  it('refuses a tampered pack, says why in options, and keeps the shipped rules', async () => {
    server.routes.set('/rules.json', { body: tamperedPack });
    server.requests.length = 0;
    const browser = await launch();
    try {
      const options = await openOptions(browser);
      expect(await until('the refusal in options', () => attribute(options, '[data-rule-outcome]', 'data-rule-outcome'), (v) => v === 'rejected')).toBe('rejected');
      const text = await options.evaluate(() => document.querySelector('section#organisation')!.textContent ?? '');
      // "Last check, {date}: the download was refused (the signature does not match). …" in the user's language
      const refusal = t(USER_LANGUAGE, 'options.rules.last.rejected', { reason: t(USER_LANGUAGE, 'options.rules.reason.bad-signature') });
      for (const part of refusal.split('{date}')) expect(text).toContain(part);
      expect(await attribute(options, '[data-rule-pack]', 'data-rule-pack')).toBe('shipped');
      expect(server.requests).toEqual(['/rules.json']);

      const page = await openGroup(browser);
      const recruiter = await until('a banner on the recruiter post', () => bannerOf(page, '1201'), (b) => b !== null);
      expect(recruiter!.level).toBe('high');
      // the shipped rules do not know the town: give the page time to assess everything, then check nothing showed
      await page.waitForSelector('[data-waspada-level]');
      await new Promise((done) => setTimeout(done, 1000));
      expect(await bannerOf(page, '1202')).toBeNull();
      expect(await page.evaluate(() => document.querySelector('#post-1202 [data-waspada-level]')?.getAttribute('data-waspada-level'))).toBe('none');
    } finally {
      await closeBrowser(browser);
    }
  });
});
