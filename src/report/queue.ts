import { z } from '../zod';
import type { ReportDestination } from './destination';
import { buildPayload, type DeliveryStatus, type FailureCode, type StoredReport } from './schema';
import type { ReportStore } from './store';

/**
 * Delivery of reports to an NGO endpoint, run in the background.
 *
 * The queue's state is the reports' `delivery` field in storage.local, so a service worker that stops, or a browser
 * that restarts, loses nothing: a new queue reads it back and re-arms one `browser.alarms` alarm for the earliest
 * due attempt. Each attempt is written down (attempt count, next attempt time) before the request goes out, so an
 * attempt cut short by a shutdown is retried later. Every request carries the report id as `Idempotency-Key`, and a
 * report is marked delivered only after a 2xx JSON acknowledgement: the receiver may see a report twice, but can
 * always tell, and the client never stops trying before it has a receipt.
 */

export const REPORT_ALARM = 'waspada:report-queue';

export const AckSchema = z.object({ ok: z.literal(true), id: z.union([z.string().min(1).max(300), z.number()]) });

export interface Backoff {
  /** Delay before the second attempt. */
  baseMs: number;
  capMs: number;
  /** After this many attempts a report stops retrying on its own (the user can still press retry). */
  maxAttempts: number;
}
export const DEFAULT_BACKOFF: Backoff = { baseMs: 60_000, capMs: 6 * 60 * 60_000, maxAttempts: 12 };

/** Exponential backoff with "equal jitter": half the delay fixed, half random, so clients that failed together spread out. */
export function backoffDelay(attempts: number, random: number, backoff: Backoff = DEFAULT_BACKOFF): number {
  const exponential = Math.min(backoff.capMs, backoff.baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(exponential / 2 + (exponential / 2) * random);
}

export interface AlarmsLike {
  create(name: string, info: { when: number }): void | Promise<void>;
  clear(name: string): Promise<boolean> | Promise<void> | void;
}

export interface ReportQueueOptions {
  store: ReportStore;
  getDestination(): Promise<ReportDestination | null>;
  alarms: AlarmsLike;
  fetch?: typeof fetch;
  now?: () => number;
  random?: () => number;
  backoff?: Backoff;
  timeoutMs?: number;
  /**
   * TEST ONLY: accept http:// on a loopback address. Only tests construct a queue with it; the background
   * entrypoint never passes it and nothing stored or sent by a page can turn it on.
   */
  allowInsecureLoopbackForTests?: boolean;
}

type AttemptOutcome =
  | { kind: 'delivered'; receipt: string }
  | { kind: 'retry'; code: FailureCode; reason: string; notBefore?: number }
  | { kind: 'permanent'; code: FailureCode; reason: string };

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export class ReportQueue {
  private readonly fetch: typeof fetch;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly backoff: Backoff;
  private readonly timeoutMs: number;
  private running: Promise<void> | null = null;
  private again = false;

  constructor(private readonly options: ReportQueueOptions) {
    this.fetch = options.fetch ?? ((...args) => globalThis.fetch(...args));
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  /** The user pressed send (or retry): queue the report now. A delivered report is never sent again. */
  async send(id: string): Promise<StoredReport> {
    const report = await this.options.store.get(id);
    if (!report) throw new Error(`No report with id ${id}`);
    if (report.delivery.state === 'delivered') return report;
    const attempts = report.delivery.state === 'saved' ? 0 : report.delivery.attempts;
    await this.options.store.setDelivery(id, { state: 'sending', attempts, nextAttemptAt: this.now() });
    await this.processDue();
    return (await this.options.store.get(id)) ?? report;
  }

  /**
   * The browser (re)started: try every waiting report now instead of at its backoff time. A restart often means a
   * new connection, and it is rare enough not to hammer a receiver.
   */
  async retryWaitingNow(): Promise<void> {
    for (const report of await this.options.store.list()) {
      const due = dueAt(report.delivery);
      if (due !== null && due > this.now() && report.delivery.state !== 'saved' && report.delivery.state !== 'delivered') {
        await this.options.store.setDelivery(report.id, { ...report.delivery, nextAttemptAt: this.now() });
      }
    }
    await this.processDue();
  }

  /** Attempts every report that is due, one at a time; then re-arms the alarm for the next one. Never runs twice at once. */
  processDue(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          for (const report of await this.options.store.list()) {
            const due = dueAt(report.delivery);
            if (due === null || due > this.now()) continue;
            // One report's trouble (deleted mid-attempt, storage error) must not hold up the others.
            await this.attempt(report).catch((error: unknown) => console.warn('Waspada: report attempt failed', report.id, error));
          }
        } while (this.again);
        await this.schedule();
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  /** One alarm, at the earliest due attempt; none when nothing waits. Called at start-up too (alarms may not survive a restart). */
  async schedule(): Promise<void> {
    const due = (await this.options.store.list()).map((r) => dueAt(r.delivery)).filter((d): d is number => d !== null);
    if (!due.length) {
      await this.options.alarms.clear(REPORT_ALARM);
      return;
    }
    await this.options.alarms.create(REPORT_ALARM, { when: Math.max(Math.min(...due), this.now() + 1_000) });
  }

  private async attempt(report: StoredReport): Promise<void> {
    const { store } = this.options;
    const attempts = (report.delivery.state === 'saved' || report.delivery.state === 'delivered' ? 0 : report.delivery.attempts) + 1;
    // Written before the request: if the worker stops mid-request, this attempt counts and a retry is already due.
    const retryAt = this.now() + backoffDelay(attempts, this.random(), this.backoff);
    await store.setDelivery(report.id, { state: 'sending', attempts, nextAttemptAt: retryAt });

    const outcome = await this.post(report);
    const delivery: DeliveryStatus =
      outcome.kind === 'delivered'
        ? { state: 'delivered', attempts, deliveredAt: this.now(), receipt: outcome.receipt }
        : outcome.kind === 'permanent' || attempts >= this.backoff.maxAttempts
          ? {
              state: 'failed',
              code: outcome.code,
              attempts,
              permanent: true,
              nextAttemptAt: null,
              reason: outcome.kind === 'retry' ? `${outcome.reason} Stopped after ${attempts} attempts.` : outcome.reason,
            }
          : { state: 'failed', code: outcome.code, attempts, permanent: false, nextAttemptAt: Math.max(retryAt, outcome.notBefore ?? 0), reason: outcome.reason };
    await store.setDelivery(report.id, delivery);
  }

  private async post(report: StoredReport): Promise<AttemptOutcome> {
    const destination = await this.options.getDestination();
    if (!destination) return { kind: 'permanent', code: 'no-destination', reason: 'No organisation is set up to receive reports.' };
    const url = new URL(destination.url);
    const loopbackHttp = url.protocol === 'http:' && LOOPBACK.has(url.hostname) && this.options.allowInsecureLoopbackForTests === true;
    if (url.protocol !== 'https:' && !loopbackHttp) return { kind: 'permanent', code: 'not-https', reason: 'The receiver address must start with https://.' };

    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    try {
      const response = await this.fetch(url.href, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'Idempotency-Key': report.id },
        body: JSON.stringify(buildPayload(report)),
        // Never follow a redirect: it could carry the report to an address the NGO did not configure, or turn the
        // POST into a body-less GET that looks like success. A redirect is a failure the NGO must fix.
        redirect: 'manual',
        credentials: 'omit',
        cache: 'no-store',
        referrerPolicy: 'no-referrer',
        signal: controller.signal,
      });
      return await this.judge(response);
    } catch (error) {
      if (controller.signal.aborted) return { kind: 'retry', code: 'timeout', reason: `No answer from the receiver within ${Math.round(this.timeoutMs / 1000)} s.` };
      // Browsers give the same bare TypeError for a dead server, a TLS error and a missing CORS answer.
      return { kind: 'retry', code: 'unreachable', reason: `Could not reach the receiver (${error instanceof Error ? error.message : String(error)}): it is down, its certificate is not valid, or it does not allow cross-origin requests (CORS).` };
    } finally {
      clearTimeout(timer);
    }
  }

  private async judge(response: Response): Promise<AttemptOutcome> {
    const status = response.status;
    if (response.type === 'opaqueredirect' || (status >= 300 && status < 400)) {
      return { kind: 'retry', code: 'redirect', reason: `The receiver redirected the report${status ? ` (HTTP ${status})` : ''}; redirects are not followed.` };
    }
    if (status >= 200 && status < 300) {
      const type = response.headers.get('content-type') ?? '';
      const body = await response.text();
      if (!/\bjson\b/i.test(type)) return { kind: 'retry', code: 'no-ack', reason: `The receiver answered HTTP ${status} without a JSON acknowledgement (${type || 'no content type'}).` };
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        return { kind: 'retry', code: 'no-ack', reason: `The receiver answered HTTP ${status} with broken JSON.` };
      }
      const ack = AckSchema.safeParse(json);
      if (!ack.success) return { kind: 'retry', code: 'no-ack', reason: `The receiver answered HTTP ${status} without {"ok": true, "id": ...}.` };
      return { kind: 'delivered', receipt: String(ack.data.id) };
    }
    // Busy or rate-limited: worth another try, not before Retry-After when given.
    if (status === 408 || status === 425 || status === 429 || status >= 500) {
      const retryAfter = Number(response.headers.get('retry-after'));
      return {
        kind: 'retry',
        code: 'server-error',
        reason: `The receiver had a problem (HTTP ${status}).`,
        notBefore: Number.isFinite(retryAfter) && retryAfter > 0 ? this.now() + Math.min(retryAfter, 86_400) * 1000 : undefined,
      };
    }
    // Any other 4xx: the receiver refused this report; sending it again would not change that.
    return { kind: 'permanent', code: 'refused', reason: `The receiver refused the report (HTTP ${status})${await refusalDetail(response)}.` };
  }
}

/** When an attempt is due, or null when none will happen without the user. */
export function dueAt(delivery: DeliveryStatus): number | null {
  if (delivery.state === 'sending') return delivery.nextAttemptAt;
  if (delivery.state === 'failed' && !delivery.permanent) return delivery.nextAttemptAt;
  return null;
}

async function refusalDetail(response: Response): Promise<string> {
  try {
    const body = await response.text();
    const json = JSON.parse(body) as { error?: unknown; message?: unknown };
    const detail = typeof json.error === 'string' ? json.error : typeof json.message === 'string' ? json.message : '';
    return detail ? `: ${detail.replace(/\s+/g, ' ').slice(0, 200)}` : '';
  } catch {
    return '';
  }
}
