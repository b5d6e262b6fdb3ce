import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser, type Browser } from 'wxt/browser';
import { CONTEXT_MENU_ID, defaultReportingDeps, handleContextMenuClick, handleReportMessage, type ReportingDeps } from '../../src/report/background';
import { getReportDestination, setReportDestination } from '../../src/report/destination';
import { ReportQueue } from '../../src/report/queue';
import { ReportStore } from '../../src/report/store';
import { importProfileText, refreshProfile, removeImportedProfile } from '../../src/ngo/store';
import { hashContactList } from '../../scripts/hash-contacts';
import { SCAM_TEXT } from './make-report';

const tab = { id: 7, index: 2, url: 'https://www.facebook.com/groups/lokerluarnegeri', active: true, pinned: false, highlighted: false, incognito: false, windowId: 1 } as Browser.tabs.Tab & { url: string };
const fromOptionsPage = { id: 'waspada', url: 'chrome-extension://waspada/options.html' };
const profile = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 1, organisation: { name: 'Yayasan Contoh' }, reportEndpoint: 'https://reports.contoh.example/waspada', ...extra });

let posted: string[];
function depsWith(overrides: Partial<ReportingDeps> = {}): ReportingDeps {
  const store = new ReportStore({ now: () => 1_000 });
  return {
    ...defaultReportingDeps(),
    store,
    queue: new ReportQueue({
      store,
      getDestination: async () => (await getReportDestination()).destination,
      alarms: fakeBrowser.alarms,
      fetch: async (url) => {
        posted.push(String(url));
        return new Response('{"ok":true,"id":"r"}', { status: 201, headers: { 'content-type': 'application/json' } });
      },
      now: () => 1_000,
    }),
    openForm: vi.fn(async () => {}),
    extensionOrigin: 'chrome-extension://waspada/',
    extensionId: 'waspada',
    ...overrides,
  };
}

describe('reporting under an NGO profile', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    posted = [];
  });

  it("sends to the profile's endpoint while the profile applies, and to the user's receiver otherwise", async () => {
    await setReportDestination({ name: 'My NGO', url: 'https://mine.example/r' });
    expect(await getReportDestination()).toMatchObject({ destination: { name: 'My NGO' } });
    await importProfileText(profile(), 'file', 'contoh.json', browser);
    expect(await getReportDestination()).toEqual({
      destination: { name: 'Yayasan Contoh', url: 'https://reports.contoh.example/waspada' },
      problem: null,
      fromProfile: 'Yayasan Contoh',
    });

    const deps = depsWith();
    const id = await handleContextMenuClick(deps, { menuItemId: CONTEXT_MENU_ID, editable: false, selectionText: SCAM_TEXT, pageUrl: tab.url }, tab);
    await handleReportMessage(deps, { type: 'waspada:report-send', id: id! }, fromOptionsPage);
    expect(posted).toEqual(['https://reports.contoh.example/waspada']);

    await removeImportedProfile(browser);
    expect((await getReportDestination()).destination?.url).toBe('https://mine.example/r');
  });

  it('gives a report the reasons the banner gave, NGO rules included', async () => {
    const salt = '00112233445566778899aabbccddeeff';
    await importProfileText(profile({ knownRecruiters: { salt, hashes: hashContactList(['+62 812-0000-1111'], salt, []).hashes } }), 'file', 'contoh.json', browser);
    const deps = depsWith();
    const id = await handleContextMenuClick(deps, { menuItemId: CONTEXT_MENU_ID, editable: false, selectionText: 'Info kerja, hubungi 0812 0000 1111', pageUrl: tab.url }, tab);
    const report = await deps.store.get(id!);
    expect(report?.post.level).toBe('high');
    expect(report?.post.reasons.map((reason) => reason.family)).toContain('known_recruiter');
  });

  it('makes no report from the context menu when the organisation turned reporting off', async () => {
    await fakeBrowser.storage.managed.set(JSON.parse(profile({ features: { reporting: false } })));
    await refreshProfile(browser);
    const deps = depsWith();
    expect(await handleContextMenuClick(deps, { menuItemId: CONTEXT_MENU_ID, editable: false, selectionText: SCAM_TEXT, pageUrl: tab.url }, tab)).toBeNull();
    expect(await deps.store.list()).toEqual([]);
  });
});
