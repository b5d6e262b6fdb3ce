import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

/**
 * An HTTP proxy for browser tests that records every connection the browser opens, from its first moment (a
 * service worker that sends at start-up is seen too, which a debugger attached later would miss). Tunnels only to
 * loopback; anything else is refused and recorded. Test code, not shipped.
 */
export class RecordingProxy {
  /** "host:port" of each CONNECT (https) and "METHOD url" of each plain request, in order. */
  readonly seen: string[] = [];
  private readonly sockets = new Set<Socket>();

  private constructor(private readonly server: Server) {}

  static async start(): Promise<RecordingProxy> {
    const server = createServer();
    const proxy = new RecordingProxy(server);
    server.on('connection', (socket) => {
      proxy.sockets.add(socket);
      socket.on('close', () => proxy.sockets.delete(socket));
    });
    server.on('request', (req, res) => {
      proxy.seen.push(`${req.method} ${req.url}`);
      res.writeHead(403).end();
    });
    server.on('connect', (req, client: Socket, head: Buffer) => {
      const target = req.url ?? '';
      proxy.seen.push(target);
      const [host, port] = target.split(/:(?=\d+$)/);
      if (host !== '127.0.0.1' || !port) return void client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      const upstream = connect(Number(port), host, () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      proxy.sockets.add(upstream);
      upstream.on('close', () => proxy.sockets.delete(upstream));
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  /** Chromium flags that send all its traffic here, loopback included. */
  get chromiumArgs(): string[] {
    return [`--proxy-server=http://127.0.0.1:${(this.server.address() as AddressInfo).port}`, '--proxy-bypass-list=<-loopback>'];
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
