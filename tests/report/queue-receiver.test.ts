// @vitest-environment node
// The queue against the reference receiver over real HTTP on loopback (the test-only flag allows http:// there).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ReportQueue } from '../../src/report/queue';
import { ReportStore } from '../../src/report/store';
import { ReportReceiver, type ReceiverMode } from '../e2e/helpers/report-receiver';
import { makePost } from './make-report';

let receiver: ReportReceiver;
let clock: number;

beforeEach(async () => {
  fakeBrowser.reset();
  clock = 1_700_000_000_000;
  receiver = await ReportReceiver.start({ slowMs: 2_000 });
});
afterEach(() => receiver.stop());

function setup() {
  const store = new ReportStore({ now: () => clock });
  const queue = new ReportQueue({
    store,
    getDestination: async () => ({ name: 'Test NGO', url: receiver.url }),
    alarms: fakeBrowser.alarms,
    now: () => clock,
    random: () => 0,
    timeoutMs: 300,
    allowInsecureLoopbackForTests: true,
  });
  return { store, queue };
}

describe('ReportQueue with the reference receiver', () => {
  it.each<[ReceiverMode, object]>([
    ['ok', { state: 'delivered' }],
    ['error', { state: 'failed', permanent: false, reason: expect.stringContaining('HTTP 500') }],
    ['html', { state: 'failed', permanent: false, reason: expect.stringContaining('text/html') }],
    ['redirect', { state: 'failed', permanent: false, reason: expect.stringContaining('HTTP 302') }],
    ['slow', { state: 'failed', permanent: false, reason: expect.stringContaining('No answer') }],
    ['reject', { state: 'failed', permanent: true, reason: expect.stringContaining('post.text is required') }],
  ])('receiver answering %s', async (mode, delivery) => {
    receiver.mode = mode;
    const { store, queue } = setup();
    const { report } = await store.saveCapture('banner', makePost());
    expect((await queue.send(report.id)).delivery).toMatchObject(delivery);
    // Nothing followed the redirect to elsewhere.
    expect(receiver.requests.every((r) => r.path === '/reports')).toBe(true);
  });

  it('receiver down, then back: the report arrives exactly once', async () => {
    await receiver.stop();
    const { store, queue } = setup();
    const { report } = await store.saveCapture('banner', makePost());
    expect((await queue.send(report.id)).delivery).toMatchObject({ state: 'failed', reason: expect.stringContaining('Could not reach') });

    await receiver.listen();
    const restarted = setup(); // as after a browser restart
    clock += 60_000;
    await restarted.queue.processDue();
    await restarted.queue.processDue();
    expect((await restarted.store.get(report.id))?.delivery.state).toBe('delivered');
    expect([...receiver.accepted.keys()]).toEqual([report.id]);
    expect(receiver.successfulRequests).toHaveLength(1);
  });
});
