import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createPageService, forContentScript, handlePageMessage, serveAssessPort, type AssessPort } from '../../src/background/page-service';
import { ASSESS_PORT, MAX_ASSESS_BATCH } from '../../src/messages';
import { bannerKit } from '../../src/overlay/kit';
import { dismissPost, getRealJobFeedback, markRealJob, updateSettings } from '../../src/settings';

const SCAM = 'Dibutuhkan CS di Kamboja, gaji 15 juta per bulan, tiket dan mess gratis, tanpa pengalaman. Japri WA 0812-3456-7890.';
const ID = 'waspada@test';
const fromContentScript = (message: unknown, senderId = ID) =>
  handlePageMessage(createPageService(), message, { id: senderId, tab: { id: 3 } as never, url: 'https://www.facebook.com/' }, ID);

beforeEach(() => fakeBrowser.reset());

describe('page service for content scripts', () => {
  it('hands out the stored settings, the hidden posts and the banner in the user’s language', async () => {
    await updateSettings({ uiLanguage: 'en', country: 'PH' });
    await dismissPost({ key: 'facebook:1', site: 'facebook', excerpt: 'x', url: 'u', at: 1 });
    await markRealJob({ key: 'x:2', site: 'x', excerpt: 'y', url: 'u', at: 2 });
    const state = await fromContentScript({ type: 'waspada:page-state' });
    expect(state).toMatchObject({ settings: { uiLanguage: 'en', country: 'PH' }, hiddenKeys: ['facebook:1', 'x:2'] });
    expect(state).toHaveProperty('banner', bannerKit('PH', 'en'));
  });

  it('assesses a batch of texts in order, sending signals only for flagged posts', async () => {
    const reply = (await fromContentScript({ type: 'waspada:assess', texts: [SCAM, 'Selamat pagi semua!'] })) as { assessments: { level: string; signals: unknown[] }[] };
    expect(reply.assessments.map((a) => a.level)).toEqual(['high', 'none']);
    expect(reply.assessments[0]!.signals.length).toBeGreaterThan(0);
    expect(reply.assessments[1]!.signals).toEqual([]);
  });

  it('drops the signals of a post it does not flag', () => {
    const none = { level: 'none' as const, score: 0.2, lang: 'id', signals: [{ id: 'warning.news', family: 'warning' as const, weight: -1, evidence: [] }] };
    expect(forContentScript(none)).toEqual({ ...none, signals: [] });
  });

  it('stores feedback after checking it', async () => {
    const entry = { key: 'facebook:9', site: 'facebook', excerpt: SCAM.slice(0, 50), url: 'https://www.facebook.com/', at: 5 };
    expect(await fromContentScript({ type: 'waspada:feedback', kind: 'realJob', entry })).toBeNull();
    expect(await getRealJobFeedback()).toEqual([entry]);
    expect(fromContentScript({ type: 'waspada:feedback', kind: 'realJob', entry: { ...entry, key: '' } })).toBeUndefined();
  });

  it.each([
    ['another extension', { type: 'waspada:page-state' }, 'other@ext'],
    ['an unknown message', { type: 'waspada:format-disk' }, ID],
    ['no texts', { type: 'waspada:assess', texts: [] }, ID],
    ['too many texts at once', { type: 'waspada:assess', texts: Array(MAX_ASSESS_BATCH + 1).fill('x') }, ID],
    ['a text that is not a string', { type: 'waspada:assess', texts: [42] }, ID],
  ])('leaves %s unanswered', (_name, message, sender) => {
    expect(fromContentScript(message, sender)).toBeUndefined();
  });
});

describe('assess port', () => {
  function open(name = ASSESS_PORT, senderId = ID) {
    const replies: unknown[] = [];
    let listener: ((message: unknown) => void) | undefined;
    const port: AssessPort = { name, sender: { id: senderId }, postMessage: (m) => replies.push(m), onMessage: { addListener: (l) => (listener = l) } };
    serveAssessPort(createPageService(), port, ID);
    return { replies, send: (message: unknown) => listener?.(message), listening: () => listener !== undefined };
  }

  it('answers each request with its id', async () => {
    const port = open();
    port.send({ type: 'waspada:assess', id: 7, texts: [SCAM] });
    await vi.waitFor(() => expect(port.replies).toMatchObject([{ id: 7, assessments: [{ level: 'high' }] }]));
  });

  it('ignores requests without an id and malformed ones', async () => {
    const port = open();
    port.send({ type: 'waspada:assess', texts: [SCAM] });
    port.send({ type: 'waspada:assess', id: 1, texts: 'not a list' });
    await new Promise((done) => setTimeout(done, 20));
    expect(port.replies).toEqual([]);
  });

  it.each([
    ['another name', 'waspada:other', ID],
    ['another extension', ASSESS_PORT, 'other@ext'],
  ])('does not listen on a port with %s', (_name, name, sender) => {
    expect(open(name, sender).listening()).toBe(false);
  });
});
