import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { runOnPage } from '../../src/content/main';
import { BANNER_TAG, shadowRootOf } from '../../src/overlay';
import { refreshProfile } from '../../src/ngo/store';
import { activePackItem } from '../../src/ngo/rule-updates';
import { hashContactList } from '../../scripts/hash-contacts';
import { generateSigningKey } from '../../scripts/rule-signing';
import { packWith } from '../ngo/helpers';
import { updateSettings } from '../../src/settings';
import type { SiteAdapter } from '../../src/sites/types';
import { whileReading } from './helpers';
import { backgroundLink } from '../helpers/background-link';

const adapter: SiteAdapter = {
  id: 'facebook',
  name: 'Test site',
  matches: ['https://www.facebook.com/*'],
  isActive: () => true,
  findPosts: (root) => [...root.querySelectorAll('article')],
  textElement: (post) => post.querySelector('p'),
  readText: (post) => post.querySelector('p')?.textContent ?? '',
  postId: (post) => post.id,
  bannerSlot: (post) => ({ parent: post, before: post.firstChild }),
};

const SALT = '5f0e6c1a9b3d47e2a8c4f61d2e9b7a30';
const RECRUITER_POST = 'Info kerja, langsung hubungi 0812 0000 1111 ya';
const TOWN_POST = 'Lowongan kerja admin di Kota Zorblax, gaji 15 juta per bulan, tiket dan mess gratis, tanpa pengalaman. Japri WA.';
const { publicKey } = generateSigningKey();
const helpline = {
  id: 'contoh-helpline', name: 'Yayasan Contoh helpline', kind: 'hotline', value: '+62 21 5550 0100', url: 'tel:+622155500100',
  purpose: 'ask-or-report-job', source: 'Yayasan Contoh, own number', verifiedOn: '2026-11-22', verified: true,
};
const policy = (extra: Record<string, unknown> = {}) => ({
  format: 1,
  organisation: { name: 'Yayasan Contoh' },
  channels: [helpline],
  knownRecruiters: { salt: SALT, hashes: hashContactList(['+62 812-0000-1111'], SALT, []).hashes },
  ruleUpdates: { url: 'https://rules.example.org/p.json', publicKey },
  ...extra,
});

let controller: AbortController;
/** Whether the extension still exists: each test's content script must stop when it ends, or it keeps drawing banners in the next. */
let extensionAlive: boolean;
const ctx = () => ({ signal: controller.signal });
const run = () => runOnPage(ctx(), [adapter], { isExtensionAlive: () => extensionAlive, intervalMs: 20 }, backgroundLink());
const banners = () => [...document.querySelectorAll(BANNER_TAG)];
const rootOf = (id: string) => shadowRootOf(document.querySelector(`#${id} > ${BANNER_TAG}`)!)!;

beforeEach(async () => {
  fakeBrowser.reset();
  controller = new AbortController();
  extensionAlive = true;
  await updateSettings({ uiLanguage: 'en', countryConfirmed: true });
  document.body.innerHTML = `<article id="recruiter"><p>${RECRUITER_POST}</p></article><article id="town"><p>${TOWN_POST}</p></article>`;
});
afterEach(() => {
  extensionAlive = false;
  controller.abort();
  vi.restoreAllMocks();
});

describe('runOnPage with an organisation profile', () => {
  it('flags a post with a listed recruiter contact, and puts the organisation and its helpline first', async () => {
    await fakeBrowser.storage.managed.set(policy());
    await refreshProfile(browser);
    await run();
    await vi.waitFor(() => expect(document.querySelector(`#recruiter > ${BANNER_TAG}`)).not.toBeNull());
    const root = rootOf('recruiter');
    expect(document.querySelector(`#recruiter > ${BANNER_TAG}`)!.getAttribute('level')).toBe('high');
    expect(root.textContent).toContain('This contact is on a list of known scam recruiters');
    expect(root.querySelector('.quote mark')?.textContent).toBe('0812 0000 1111');
    expect(root.querySelector('.org')!.textContent).toBe('Help from Yayasan Contoh: +62 21 5550 0100');
    expect(root.querySelector('.org a')!.getAttribute('href')).toBe('tel:+622155500100');
    root.querySelector<HTMLButtonElement>('button.link')!.click();
    await vi.waitFor(() => expect(root.querySelectorAll('.todo li').length).toBeGreaterThan(3));
    const channels = [...root.querySelectorAll('.todo ul:last-of-type > li')].map((li) => li.textContent);
    expect(channels[0]).toContain('Yayasan Contoh helpline: +62 21 5550 0100');
    expect(channels.length).toBeGreaterThan(1);
  });

  it('applies a profile the background stores while the page is still loading', async () => {
    // The profile lands while the page reads the rule pack: after its first read of the profile, or during it.
    whileReading('ngoRulePack', async () => {
      await fakeBrowser.storage.managed.set(policy());
      await refreshProfile(browser);
    });
    await run();
    await vi.waitFor(() => expect(document.querySelector(`#recruiter > ${BANNER_TAG}`)).not.toBeNull());
    expect(rootOf('recruiter').querySelector('.org')!.textContent).toBe('Help from Yayasan Contoh: +62 21 5550 0100');
  });

  it('has no Report button when the organisation turned reporting off, and stays off the sites it turned off', async () => {
    await fakeBrowser.storage.managed.set(policy({ features: { reporting: false } }));
    await refreshProfile(browser);
    await run();
    await vi.waitFor(() => expect(banners()).toHaveLength(1));
    const labels = [...rootOf('recruiter').querySelectorAll('.actions button')].map((b) => b.textContent);
    expect(labels).toEqual(['Dismiss', 'This is a real job']);

    await fakeBrowser.storage.managed.set(policy({ features: { disabledSites: ['facebook'] } }));
    await refreshProfile(browser);
    await vi.waitFor(() => expect(banners()).toHaveLength(0));
  });

  it('assesses the page again when a new rule pack is installed, and again when it is rolled back', async () => {
    await fakeBrowser.storage.managed.set(policy());
    await refreshProfile(browser);
    await run();
    await vi.waitFor(() => expect(banners()).toHaveLength(1));
    expect(document.querySelector(`#town > ${BANNER_TAG}`)).toBeNull();

    const pack = packWith('2099.1.1-1', (p) => {
      p.families.destination.patterns.push({ id: 'ngo_town', lang: 'any', weight: 1, re: 'kota zorblax' } as never);
    });
    await activePackItem.setValue({ version: '2099.1.1-1', pack, publicKey, url: 'https://rules.example.org/p.json', installedAt: 1 });
    await vi.waitFor(() => expect(document.querySelector(`#town > ${BANNER_TAG}`)).not.toBeNull());
    expect(rootOf('town').querySelector('.quote mark')?.textContent).toBe('Kota Zorblax');

    await activePackItem.setValue(null);
    await vi.waitFor(() => expect(document.querySelector(`#town > ${BANNER_TAG}`)).toBeNull());
  });

  it('ignores a stored pack verified by a key the profile does not name', async () => {
    await fakeBrowser.storage.managed.set(policy());
    await refreshProfile(browser);
    const pack = packWith('2099.1.1-1', (p) => {
      p.families.destination.patterns.push({ id: 'ngo_town', lang: 'any', weight: 1, re: 'kota zorblax' } as never);
    });
    await activePackItem.setValue({ version: '2099.1.1-1', pack, publicKey: generateSigningKey().publicKey, url: 'x', installedAt: 1 });
    await run();
    await vi.waitFor(() => expect(banners()).toHaveLength(1));
    await new Promise((done) => setTimeout(done, 50));
    expect(document.querySelector(`#town > ${BANNER_TAG}`)).toBeNull();
  });
});
