/**
 * An https:// server on 127.0.0.1 with a throwaway self-signed certificate (made by openssl), for tests of code that
 * only ever talks https. The browser under test is started with --ignore-certificate-errors: production code gets no
 * test-only allowance for http:// or loopback.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Served {
  status?: number;
  body: string;
}

export interface TlsServer {
  origin: string;
  /** Paths requested so far, in order. */
  requests: string[];
  /** What each path answers; change it between browser runs. */
  routes: Map<string, Served>;
  close(): Promise<void>;
}

export function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export async function startTlsServer(): Promise<TlsServer> {
  const dir = mkdtempSync(join(tmpdir(), 'waspada-tls-'));
  try {
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
      '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    ], { stdio: 'ignore' });
    const key = readFileSync(join(dir, 'key.pem'));
    const cert = readFileSync(join(dir, 'cert.pem'));
    const routes = new Map<string, Served>();
    const requests: string[] = [];
    const server = createServer({ key, cert }, (request, response) => {
      const path = new URL(request.url ?? '/', 'https://127.0.0.1').pathname;
      requests.push(path);
      // Rule packs and profiles are public files: hosts are asked to allow any origin (see DEPLOY.md).
      response.setHeader('Access-Control-Allow-Origin', '*');
      const served = routes.get(path);
      response.writeHead(served?.status ?? (served ? 200 : 404), { 'Content-Type': 'application/json' });
      response.end(served?.body ?? '');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return {
      origin: `https://127.0.0.1:${port}`,
      requests,
      routes,
      close: () => new Promise((resolve) => server.close(() => resolve())),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
