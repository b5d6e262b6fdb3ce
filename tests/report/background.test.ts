import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { assessPost } from '../../src/detect';
import { CONTEXT_MENU_ID, handleContextMenuClick, handleReportMessage, type ReportingDeps } from '../../src/report/background';
import { getReportDestination } from '../../src/report/destination';
import { ReportQueue } from '../../src/report/queue';
import { ReportStore } from '../../src/report/store';
import { SCAM_TEXT } from './make-report';

const EXT = 'chrome-extension://waspada/';
const tab = { id: 7, index: 2, url: 'https://www.facebook.com/groups/lokerluarnegeri', active: true, pinned: false, highlighted: false, incognito: false, windowId: 1 } as Browser.tabs.Tab & { url: string };
const fromContentScript = { id: 'waspada', tab };
const fromOptionsPage = { id: 'waspada', url: `${EXT}options.html` };

let deps: ReportingDeps;
let fetchCalls: number;
let opened: string[];

beforeEach(() => {
  fakeBrowser.reset();
  fetchCalls = 0;
  opened = [];
  const store = new ReportStore({ now: () => 1_000 });
  deps = {
    store,
    queue: new ReportQueue({
      store,
      getDestination: async () => (await getReportDestination()).destination,
      alarms: fakeBrowser.alarms,
      fetch: async () => {
        fetchCalls++;
        return new Response('{"ok":true,"id":"r"}', { status: 201, headers: { 'content-type': 'application/json' } });
      },
      now: () => 1_000,
    }),
    assess: (text) => assessPost(text),
    userCountry: async () => 'ID',
    now: () => Date.parse('2026-11-22T09:00:00Z'),
    openForm: vi.fn(async (id: string) => void opened.push(id)),
    extensionOrigin: EXT,
    extensionId: 'waspada',
  };
});

const openMessage = {
  type: 'waspada:open-report',
  site: 'facebook',
  postKey: 'facebook:99',
  url: 'https://www.facebook.com/groups/lokerluarnegeri/posts/99/',
  excerpt: SCAM_TEXT.slice(0, 300),
  level: 'high',
  signals: ['destination.country'],
  postId: '99',
  text: SCAM_TEXT,
  permalink: 'https://www.facebook.com/groups/lokerluarnegeri/posts/99/',
  author: { name: 'Rina HRD', url: 'https://www.facebook.com/rina' },
};

describe('report from the banner', () => {
  it('saves a draft with the tab’s URL, the detector’s reasons and the contacts, and opens the form; sends nothing', async () => {
    expect(await handleReportMessage(deps, openMessage, fromContentScript)).toEqual({ ok: true });
    const [report] = await deps.store.list();
    expect(report).toMatchObject({
      source: 'banner',
      delivery: { state: 'saved' },
      post: {
        site: 'facebook',
        pageUrl: tab.url,
        permalink: openMessage.permalink,
        author: { name: 'Rina HRD' },
        seenAt: '2026-11-22T09:00:00.000Z',
        level: 'high',
        reasons: expect.arrayContaining([expect.objectContaining({ family: 'destination', evidence: ['Kamboja'] })]),
      },
    });
    expect(report!.post.contacts.map((c) => `${c.kind} ${c.value}`)).toEqual(['whatsapp +6281234567890', 'telegram @hrd_pp']);
    expect(opened).toEqual([report!.id]);
    expect(fetchCalls).toBe(0);
  });

  it('reporting the same post twice opens the same report', async () => {
    await handleReportMessage(deps, openMessage, fromContentScript);
    await handleReportMessage(deps, { ...openMessage, text: `${SCAM_TEXT} lagi` }, fromContentScript);
    expect(await deps.store.list()).toHaveLength(1);
    expect(new Set(opened).size).toBe(1);
  });

  it('takes the excerpt and `url` when an older banner sends no text or permalink', async () => {
    const { text: _t, permalink: _p, postId: _i, author: _a, ...older } = openMessage;
    await handleReportMessage(deps, older, fromContentScript);
    expect((await deps.store.list())[0]?.post).toMatchObject({ text: SCAM_TEXT, permalink: openMessage.url, author: null });
    await handleReportMessage(deps, { ...older, postKey: 'k2', excerpt: 'Loker Kamboja gaji 20jt', url: tab.url }, fromContentScript);
    expect((await deps.store.list())[1]?.post).toMatchObject({ permalink: null, pageUrl: tab.url });
  });

  it('ignores messages from other extensions and pages that are not web pages', async () => {
    expect(handleReportMessage(deps, openMessage, { id: 'other-extension', tab })).toBeUndefined();
    expect(await handleReportMessage(deps, openMessage, { id: 'waspada', tab: { ...tab, url: 'file:///x.html' } })).toMatchObject({ ok: false });
    expect(await deps.store.list()).toEqual([]);
  });

  it('leaves unrelated messages to other listeners', () => {
    expect(handleReportMessage(deps, { type: 'waspada:tab-stats' }, fromContentScript)).toBeUndefined();
  });
});

describe('actions from the form and the options page', () => {
  it('a content script cannot send, edit or delete reports', async () => {
    await handleReportMessage(deps, openMessage, fromContentScript);
    const [report] = await deps.store.list();
    for (const message of [
      { type: 'waspada:report-send', id: report!.id },
      { type: 'waspada:report-delete', id: report!.id },
      { type: 'waspada:report-edit', id: report!.id, note: 'x' },
    ]) {
      expect(await handleReportMessage(deps, message, fromContentScript)).toMatchObject({ ok: false, error: 'not from an extension page' });
    }
    expect(await deps.store.list()).toEqual([report]);
    expect(fetchCalls).toBe(0);
  });

  it('send delivers once to the configured NGO; an invalid destination is refused with the field named', async () => {
    await handleReportMessage(deps, openMessage, fromContentScript);
    const [report] = await deps.store.list();
    expect(await handleReportMessage(deps, { type: 'waspada:report-destination', destination: { name: 'NGO', url: 'http://ngo.example' } }, fromOptionsPage)).toEqual({
      ok: false,
      error: 'url: must be an https:// address',
    });
    expect(await handleReportMessage(deps, { type: 'waspada:report-destination', destination: { name: 'NGO', url: 'https://ngo.example/r' } }, fromOptionsPage)).toEqual({ ok: true });
    await handleReportMessage(deps, { type: 'waspada:report-edit', id: report!.id, note: 'catatan', included: { author: false } }, fromOptionsPage);
    await handleReportMessage(deps, { type: 'waspada:report-send', id: report!.id }, fromOptionsPage);
    await handleReportMessage(deps, { type: 'waspada:report-send', id: report!.id }, fromOptionsPage);
    expect(fetchCalls).toBe(1);
    expect(await deps.store.get(report!.id)).toMatchObject({ note: 'catatan', included: { author: false }, delivery: { state: 'delivered' } });
  });
});

describe('context menu', () => {
  it('creates a draft from selected text', async () => {
    const id = await handleContextMenuClick(deps, { menuItemId: CONTEXT_MENU_ID, editable: false, selectionText: SCAM_TEXT, pageUrl: 'https://t.me/s/lokerpp' }, { ...tab, url: 'https://t.me/s/lokerpp' });
    const report = await deps.store.get(id!);
    expect(report).toMatchObject({ source: 'context-menu', post: { site: 't.me', text: SCAM_TEXT, permalink: null, level: 'high' } });
    expect(opened).toEqual([id]);
  });

  it('creates a draft from a link, with the link as permalink', async () => {
    const link = 'https://www.facebook.com/groups/loker/posts/5/';
    const id = await handleContextMenuClick(deps, { menuItemId: CONTEXT_MENU_ID, editable: false, linkUrl: link, pageUrl: tab.url }, tab);
    expect(await deps.store.get(id!)).toMatchObject({ post: { permalink: link, text: link, site: 'facebook' } });
  });

  it('does nothing for another menu item or on a non-web page', async () => {
    expect(await handleContextMenuClick(deps, { menuItemId: 'other', editable: false, selectionText: 'x', pageUrl: tab.url }, tab)).toBeNull();
    expect(await handleContextMenuClick(deps, { menuItemId: CONTEXT_MENU_ID, editable: false, selectionText: 'x', pageUrl: 'chrome://settings' }, undefined)).toBeNull();
    expect(await deps.store.list()).toEqual([]);
  });
});
