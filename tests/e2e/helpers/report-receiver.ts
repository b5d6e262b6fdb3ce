import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

/**
 * A reference receiver for Waspada reports, for tests only (never shipped). Listens on 127.0.0.1, records every
 * request, drops duplicates by Idempotency-Key as a real receiver should, and can misbehave on demand.
 */

export type ReceiverMode =
  | 'ok' // 201 {"ok": true, "id": ...}
  | 'error' // 500
  | 'html' // 200 text/html, as a proxy or login page would
  | 'redirect' // 302 to another address
  | 'slow' // answers after `slowMs`
  | 'reject'; // 422 with a JSON error

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** The status this receiver answered. */
  status: number;
}

export interface ReceiverOptions {
  /** Serve HTTPS with this key and certificate (PEM). */
  tls?: { key: string; cert: string };
  port?: number;
  mode?: ReceiverMode;
  slowMs?: number;
  /** Answer CORS preflights (default true): browsers send one before the extension's POST. */
  cors?: boolean;
}

export class ReportReceiver {
  mode: ReceiverMode;
  slowMs: number;
  readonly requests: ReceivedRequest[] = [];
  /** Idempotency keys accepted (2xx with a fresh key), each with the payload first received. */
  readonly accepted = new Map<string, unknown>();
  /** CORS preflights answered (not counted in `requests`). */
  preflights = 0;
  private server: Server | null = null;
  private port: number;

  private constructor(private readonly options: ReceiverOptions) {
    this.mode = options.mode ?? 'ok';
    this.slowMs = options.slowMs ?? 60_000;
    this.port = options.port ?? 0;
  }

  static async start(options: ReceiverOptions = {}): Promise<ReportReceiver> {
    const receiver = new ReportReceiver(options);
    await receiver.listen();
    return receiver;
  }

  get url(): string {
    return `${this.options.tls ? 'https' : 'http'}://127.0.0.1:${this.port}/reports`;
  }

  get running(): boolean {
    return this.server !== null;
  }

  /** Requests this receiver answered with a 2xx. */
  get successfulRequests(): ReceivedRequest[] {
    return this.requests.filter((r) => r.status >= 200 && r.status < 300);
  }

  async listen(): Promise<void> {
    if (this.server) return;
    const handler = (req: IncomingMessage, res: ServerResponse) => void this.handle(req, res);
    const server = this.options.tls ? createHttpsServer(this.options.tls, handler) : createHttpServer(handler);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Stops listening (same port on the next `listen`), cutting any connection still open. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    if (this.options.cors !== false) {
      res.setHeader('access-control-allow-origin', '*');
      if (req.method === 'OPTIONS') {
        this.preflights++;
        return void res
          .writeHead(204, {
            'access-control-allow-methods': 'POST',
            'access-control-allow-headers': 'content-type, idempotency-key',
            'access-control-max-age': '600',
          })
          .end();
      }
    }
    const record = (status: number): void =>
      void this.requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body, status });

    if (this.mode === 'slow') await new Promise((resolve) => setTimeout(resolve, this.slowMs));
    if (res.destroyed) return record(0);
    switch (this.mode) {
      case 'error':
        record(500);
        return void res.writeHead(500, { 'content-type': 'application/json' }).end('{"ok":false,"error":"database down"}');
      case 'html':
        record(200);
        return void res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Please log in</body></html>');
      case 'redirect':
        record(302);
        return void res.writeHead(302, { location: 'https://elsewhere.invalid/collect' }).end();
      case 'reject':
        record(422);
        return void res.writeHead(422, { 'content-type': 'application/json' }).end('{"ok":false,"error":"post.text is required"}');
    }
    if (req.method !== 'POST' || !/^application\/json\b/.test(req.headers['content-type'] ?? '')) {
      record(415);
      return void res.writeHead(415, { 'content-type': 'application/json' }).end('{"ok":false,"error":"POST JSON only"}');
    }
    const key = req.headers['idempotency-key'];
    let payload: unknown;
    try {
      payload = JSON.parse(body);
    } catch {
      record(400);
      return void res.writeHead(400, { 'content-type': 'application/json' }).end('{"ok":false,"error":"invalid JSON"}');
    }
    if (typeof key !== 'string' || !key) {
      record(400);
      return void res.writeHead(400, { 'content-type': 'application/json' }).end('{"ok":false,"error":"Idempotency-Key missing"}');
    }
    const duplicate = this.accepted.has(key);
    if (!duplicate) this.accepted.set(key, payload);
    record(duplicate ? 200 : 201);
    res.writeHead(duplicate ? 200 : 201, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, id: key, duplicate }));
  }
}
