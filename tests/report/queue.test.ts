import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ReportDestination } from '../../src/report/destination';
import { backoffDelay, REPORT_ALARM, ReportQueue, type Backoff } from '../../src/report/queue';
import { ReportPayloadSchema } from '../../src/report/schema';
import { ReportStore } from '../../src/report/store';
import { makePost } from './make-report';

const DESTINATION: ReportDestination = { name: 'Migrant Care', url: 'https://reports.ngo.example/waspada' };
const BACKOFF: Backoff = { baseMs: 60_000, capMs: 3_600_000, maxAttempts: 5 };

let clock: number;
let calls: Array<{ url: string; init: RequestInit }>;
let answers: Array<(init: RequestInit) => Promise<Response>>;

const json = (status: number, body: unknown, headers: Record<string, string> = {}) => async () =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const ack = json(201, { ok: true, id: 'rcpt-1' });

const fakeFetch: typeof fetch = async (input, init = {}) => {
  calls.push({ url: String(input), init });
  const answer = answers.shift();
  if (!answer) throw new TypeError('fetch failed: connection refused');
  return answer(init);
};

function makeQueue(overrides: Partial<ConstructorParameters<typeof ReportQueue>[0]> = {}) {
  const store = new ReportStore({ now: () => clock });
  const queue = new ReportQueue({
    store,
    getDestination: async () => DESTINATION,
    alarms: fakeBrowser.alarms,
    fetch: fakeFetch,
    now: () => clock,
    random: () => 0.5,
    backoff: BACKOFF,
    timeoutMs: 50,
    ...overrides,
  });
  return { store, queue };
}

async function savedReport(store: ReportStore) {
  return (await store.saveCapture('banner', makePost())).report;
}

beforeEach(() => {
  fakeBrowser.reset();
  clock = 1_700_000_000_000;
  calls = [];
  answers = [];
});

describe('backoffDelay', () => {
  it.each([
    [1, 0, 30_000],
    [1, 1, 60_000],
    [2, 0.5, 90_000],
    [3, 0, 120_000],
    [10, 1, 3_600_000], // capped
  ])('attempt %i with jitter %f waits %i ms', (attempts, random, expected) => {
    expect(backoffDelay(attempts, random, BACKOFF)).toBe(expected);
  });
});

describe('ReportQueue', () => {
  it('POSTs the payload with the report id as idempotency key and marks it delivered after a JSON ack', async () => {
    const { store, queue } = makeQueue();
    const report = await savedReport(store);
    answers.push(ack);

    const after = await queue.send(report.id);

    expect(after.delivery).toEqual({ state: 'delivered', attempts: 1, deliveredAt: clock, receipt: 'rcpt-1' });
    expect(calls).toHaveLength(1);
    const { url, init } = calls[0]!;
    expect(url).toBe(DESTINATION.url);
    expect(init).toMatchObject({ method: 'POST', redirect: 'manual', credentials: 'omit' });
    expect(init.headers).toMatchObject({ 'Content-Type': 'application/json', 'Idempotency-Key': report.id });
    expect(ReportPayloadSchema.parse(JSON.parse(String(init.body))).id).toBe(report.id);
    expect(await fakeBrowser.alarms.get(REPORT_ALARM)).toBeUndefined();

    // Delivered means done: pressing send again or the alarm firing sends nothing more.
    await queue.send(report.id);
    await queue.processDue();
    expect(calls).toHaveLength(1);
  });

  it('after a 500 it waits with backoff on an alarm, then retries and delivers', async () => {
    const { store, queue } = makeQueue();
    const report = await savedReport(store);
    answers.push(json(500, { error: 'db' }));

    const failed = await queue.send(report.id);
    expect(failed.delivery).toEqual({
      state: 'failed',
      code: 'server-error',
      attempts: 1,
      permanent: false,
      nextAttemptAt: clock + 45_000,
      reason: 'The receiver had a problem (HTTP 500).',
    });
    expect((await fakeBrowser.alarms.get(REPORT_ALARM))?.scheduledTime).toBe(clock + 45_000);

    // Not due yet: nothing sent.
    await queue.processDue();
    expect(calls).toHaveLength(1);

    clock += 45_000;
    answers.push(json(500, {}));
    await queue.processDue();
    expect((await store.get(report.id))?.delivery).toMatchObject({ state: 'failed', attempts: 2, nextAttemptAt: clock + 90_000 });

    clock += 90_000;
    answers.push(ack);
    await queue.processDue();
    expect((await store.get(report.id))?.delivery).toMatchObject({ state: 'delivered', attempts: 3 });
    expect(calls.map((c) => (c.init.headers as Record<string, string>)['Idempotency-Key'])).toEqual([report.id, report.id, report.id]);
  });

  it.each([
    ['a timeout', async (init: RequestInit) => new Promise<Response>((_, reject) => init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))), /No answer from the receiver within/],
    ['a refused connection', undefined, /Could not reach the receiver/],
    ['HTML instead of JSON', async () => new Response('<html>login</html>', { status: 200, headers: { 'content-type': 'text/html' } }), /without a JSON acknowledgement \(text\/html\)/],
    ['JSON that is not an ack', json(200, { status: 'received' }), /without \{"ok": true/],
    ['a redirect', async () => new Response(null, { status: 302, headers: { location: 'https://elsewhere.example/' } }), /redirected the report \(HTTP 302\); redirects are not followed/],
    ['a browser opaque redirect', async () => ({ type: 'opaqueredirect', status: 0, headers: new Headers() }) as Response, /redirected the report; redirects are not followed/],
  ])('%s is a failure that is retried later, with the reason', async (_name, answer, reason) => {
    const { store, queue } = makeQueue();
    const report = await savedReport(store);
    if (answer) answers.push(answer);
    const after = await queue.send(report.id);
    expect(after.delivery).toMatchObject({ state: 'failed', permanent: false, attempts: 1, reason: expect.stringMatching(reason) });
    expect(await fakeBrowser.alarms.get(REPORT_ALARM)).toBeDefined();
  });

  it('a 4xx is a permanent failure with the receiver’s reason, and no retry is scheduled', async () => {
    const { store, queue } = makeQueue();
    const report = await savedReport(store);
    answers.push(json(422, { ok: false, error: 'post.text is required' }));
    const after = await queue.send(report.id);
    expect(after.delivery).toEqual({
      state: 'failed',
      code: 'refused',
      attempts: 1,
      permanent: true,
      nextAttemptAt: null,
      reason: 'The receiver refused the report (HTTP 422): post.text is required.',
    });
    expect(await fakeBrowser.alarms.get(REPORT_ALARM)).toBeUndefined();
    clock += 10 * 3_600_000;
    await queue.processDue();
    expect(calls).toHaveLength(1);
    // The user can still retry by hand.
    answers.push(ack);
    expect((await queue.send(report.id)).delivery.state).toBe('delivered');
  });

  it('429 waits at least as long as Retry-After says', async () => {
    const { store, queue } = makeQueue();
    const report = await savedReport(store);
    answers.push(json(429, {}, { 'retry-after': '600' }));
    const after = await queue.send(report.id);
    expect(after.delivery).toMatchObject({ state: 'failed', permanent: false, nextAttemptAt: clock + 600_000 });
  });

  it('stops retrying on its own after the last attempt', async () => {
    const { store, queue } = makeQueue();
    const report = await savedReport(store);
    await queue.send(report.id);
    for (let i = 1; i < BACKOFF.maxAttempts; i++) {
      clock += BACKOFF.capMs;
      await queue.processDue();
    }
    expect(calls).toHaveLength(BACKOFF.maxAttempts);
    expect((await store.get(report.id))?.delivery).toMatchObject({ state: 'failed', permanent: true, reason: expect.stringContaining('Stopped after 5 attempts') });
  });

  it.each([
    ['no organisation set up', async () => null, /No organisation is set up/],
    ['an http:// address', async () => ({ ...DESTINATION, url: 'http://reports.ngo.example/' }), /must start with https/],
    ['http:// on loopback without the test-only flag', async () => ({ ...DESTINATION, url: 'http://127.0.0.1:9/' }), /must start with https/],
  ])('sends nothing with %s', async (_name, getDestination, reason) => {
    const { store, queue } = makeQueue({ getDestination });
    const report = await savedReport(store);
    const after = await queue.send(report.id);
    expect(after.delivery).toMatchObject({ state: 'failed', permanent: true, reason: expect.stringMatching(reason) });
    expect(calls).toHaveLength(0);
  });

  it('a new queue after a restart picks up from storage and re-arms its alarm', async () => {
    const first = makeQueue();
    const report = await savedReport(first.store);
    await first.queue.send(report.id); // connection refused
    await fakeBrowser.alarms.clearAll(); // alarms may not survive a browser restart

    const second = makeQueue();
    await second.queue.schedule();
    const alarm = await fakeBrowser.alarms.get(REPORT_ALARM);
    expect(alarm?.scheduledTime).toBe(clock + 45_000);

    clock = alarm!.scheduledTime;
    answers.push(ack);
    await second.queue.processDue();
    expect((await second.store.get(report.id))?.delivery).toMatchObject({ state: 'delivered', attempts: 2 });
  });

  it('an attempt cut off by a worker shutdown is retried by the next queue with the same idempotency key', async () => {
    const first = makeQueue();
    const report = await savedReport(first.store);
    answers.push(() => new Promise<Response>(() => {})); // the worker dies while waiting
    void first.queue.send(report.id);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect((await first.store.get(report.id))?.delivery).toMatchObject({ state: 'sending', attempts: 1 });

    const second = makeQueue({ timeoutMs: 5_000 });
    clock += BACKOFF.baseMs;
    answers.push(ack);
    await second.queue.processDue();
    expect((await second.store.get(report.id))?.delivery).toMatchObject({ state: 'delivered', attempts: 2 });
    expect(new Set(calls.map((c) => (c.init.headers as Record<string, string>)['Idempotency-Key']))).toEqual(new Set([report.id]));
  });

  it('a deleted report does not stop the others', async () => {
    const { store, queue } = makeQueue();
    const a = await savedReport(store);
    const b = (await store.saveCapture('banner', makePost({ permalink: 'https://x.com/r/status/2', site: 'x' }))).report;
    await store.setDelivery(a.id, { state: 'sending', attempts: 0, nextAttemptAt: clock });
    await store.setDelivery(b.id, { state: 'sending', attempts: 0, nextAttemptAt: clock });
    answers.push(async () => {
      await store.remove(a.id);
      return ack();
    }, ack);
    await queue.processDue();
    expect(await store.get(a.id)).toBeNull();
    expect((await store.get(b.id))?.delivery.state).toBe('delivered');
  });
});

describe('ReportQueue.retryWaitingNow (browser start)', () => {
  it('tries waiting reports at once, but not saved, delivered or permanently refused ones', async () => {
    const { store, queue } = makeQueue();
    const waiting = await savedReport(store);
    const draft = (await store.saveCapture('banner', makePost({ permalink: 'https://x.com/a/status/1', site: 'x' }))).report;
    const refused = (await store.saveCapture('banner', makePost({ permalink: 'https://x.com/a/status/2', site: 'x' }))).report;
    await store.setDelivery(waiting.id, { state: 'failed', code: 'unreachable', attempts: 1, permanent: false, nextAttemptAt: clock + 3_600_000, reason: 'down' });
    await store.setDelivery(refused.id, { state: 'failed', code: 'refused', attempts: 1, permanent: true, nextAttemptAt: null, reason: '422' });
    answers.push(ack);
    await queue.retryWaitingNow();
    expect(calls).toHaveLength(1);
    expect((await store.get(waiting.id))?.delivery).toMatchObject({ state: 'delivered', attempts: 2 });
    expect((await store.get(draft.id))?.delivery.state).toBe('saved');
    expect((await store.get(refused.id))?.delivery.state).toBe('failed');
  });
});
