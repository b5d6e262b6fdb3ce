import { describe, expect, it } from 'vitest';
import { portTransport, remoteAssessor, type PortLike } from '../../src/content/background';
import type { Assessment } from '../../src/detect/types';

const none: Assessment = { level: 'none', score: 0, lang: 'id', signals: [] };

/** A port the test answers by hand; `close()` is the background going away. */
function fakePort() {
  const listeners: Array<(message: unknown) => void> = [];
  const closers: Array<() => void> = [];
  const posted: Array<{ id: number; texts: string[] }> = [];
  const port: PortLike = {
    postMessage: (message) => posted.push(message as { id: number; texts: string[] }),
    onMessage: { addListener: (listener) => listeners.push(listener) },
    onDisconnect: { addListener: (listener) => closers.push(listener) },
  };
  return { port, posted, answer: (reply: unknown) => listeners.forEach((l) => l(reply)), close: () => closers.forEach((l) => l()) };
}

describe('assessing over a port', () => {
  it('opens one port, sends what a turn asked as one batch, and matches answers by id', async () => {
    const ports: ReturnType<typeof fakePort>[] = [];
    const assess = remoteAssessor(portTransport(() => (ports.push(fakePort()), ports.at(-1)!.port)));
    const first = assess('a');
    const second = assess('b');
    await Promise.resolve();
    expect(ports).toHaveLength(1);
    expect(ports[0]!.posted).toEqual([{ type: 'waspada:assess', id: 1, texts: ['a', 'b'] }]);
    ports[0]!.answer({ id: 99, assessments: [] }); // not ours
    ports[0]!.answer({ id: 1, assessments: [{ ...none, lang: 'a' }, { ...none, lang: 'b' }] });
    expect((await first).lang).toBe('a');
    expect((await second).lang).toBe('b');
  });

  it('sends a batch again on a new port when the background went away, once', async () => {
    const ports: ReturnType<typeof fakePort>[] = [];
    const assess = remoteAssessor(portTransport(() => (ports.push(fakePort()), ports.at(-1)!.port)));
    const answer = assess('a');
    await Promise.resolve();
    ports[0]!.close();
    expect(ports).toHaveLength(2);
    expect(ports[1]!.posted.map((m) => m.texts)).toEqual([['a']]);
    ports[1]!.close();
    await expect(answer).rejects.toThrow('went away');
  });

  it('fails a batch whose answer does not fit it', async () => {
    const port = fakePort();
    const assess = remoteAssessor(portTransport(() => port.port));
    const answer = assess('a');
    await Promise.resolve();
    port.answer({ id: 1, assessments: [{ level: 'maybe' }] });
    await expect(answer).rejects.toThrow('no assessments');
  });

  it('fails at once when no port can be opened (the extension is gone)', async () => {
    const assess = remoteAssessor(
      portTransport(() => {
        throw new Error('Extension context invalidated.');
      }),
    );
    await expect(assess('a')).rejects.toThrow('invalidated');
  });
});
