import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { FAULT_HEADER } from '../../src/server/http/fault-injection';
import type { ProxyFault } from './plan';

interface Armed {
  fault: ProxyFault;
  delayMs: number;
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'upgrade', 'proxy-connection']);
/** A fresh connection per forwarded request: a server restart never leaves a stale pooled socket behind. */
const NO_POOL = new http.Agent({ keepAlive: false });
const FORWARDED_KEPT = 100;

/** Which requests a fault waits for: cutting and slowing hit anything, the rest only a push of events. */
function appliesTo(fault: ProxyFault, request: http.IncomingMessage): boolean {
  if (fault === 'drop' || fault === 'delay') return true;
  return request.method === 'POST' && request.url === '/api/events';
}

/**
 * A small HTTP proxy between one simulated tablet and the real server (node:http, no dependencies).
 * Each armed fault hits the next request it applies to:
 * - drop: the connection is cut before anything reaches the server;
 * - delay: forwarded after `delayMs`;
 * - duplicate: sent to the server twice at once; the tablet gets the first answer;
 * - reset: forwarded, and once the server has answered, the connection is cut instead of the answer;
 * - before-commit / after-commit: forwarded with the x-hearth-fault header, for the server's own hooks
 *   (src/server/http/fault-injection.ts, on only with HEARTH_FAULT_INJECTION=1).
 * When the server cannot be reached (restarting), the tablet's connection is cut, as a network would.
 */
export class FaultProxy {
  private armed: Armed[] = [];
  /** The latest requests sent on to the server (at most FORWARDED_KEPT), one line each. */
  readonly forwarded: string[] = [];

  private constructor(
    private readonly server: http.Server,
    private readonly upstreamPort: () => number,
  ) {}

  static async start(upstreamPort: () => number): Promise<FaultProxy> {
    const server = http.createServer();
    const proxy = new FaultProxy(server, upstreamPort);
    server.on('request', (request, response) => void proxy.handle(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  arm(fault: ProxyFault, delayMs = 0): void {
    this.armed.push({ fault, delayMs });
  }

  /** Faults not yet used. */
  get pending(): number {
    return this.armed.length;
  }

  clear(): void {
    this.armed = [];
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private take(request: http.IncomingMessage): Armed | null {
    const index = this.armed.findIndex((a) => appliesTo(a.fault, request));
    return index < 0 ? null : this.armed.splice(index, 1)[0]!;
  }

  private async handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    let body: Buffer;
    try {
      body = await readAll(request);
    } catch {
      return; // the tablet gave up before sending it all: nothing goes on
    }
    const armed = this.take(request);
    const cut = (): void => void request.socket.destroy();
    try {
      switch (armed?.fault) {
        case 'drop':
          return cut();
        case 'delay':
          await new Promise((resolve) => setTimeout(resolve, armed.delayMs));
          return answer(response, await this.forward(request, body));
        case 'duplicate': {
          const [first, second] = await Promise.allSettled([this.forward(request, body), this.forward(request, body)]);
          if (first.status === 'fulfilled') return answer(response, first.value);
          if (second.status === 'fulfilled') return answer(response, second.value);
          return cut();
        }
        case 'reset':
          await this.forward(request, body);
          return cut();
        case 'before-commit':
        case 'after-commit':
          return answer(response, await this.forward(request, body, { [FAULT_HEADER]: armed.fault }));
        case undefined:
          return answer(response, await this.forward(request, body));
      }
    } catch {
      cut(); // the server could not be reached, or cut the connection itself (after-commit)
    }
  }

  private forward(request: http.IncomingMessage, body: Buffer, extra: Record<string, string> = {}): Promise<Answer> {
    const headers: http.OutgoingHttpHeaders = { ...extra, 'content-length': body.length };
    for (const [name, value] of Object.entries(request.headers)) {
      if (!HOP_BY_HOP.has(name) && name !== FAULT_HEADER && value !== undefined) headers[name] = value;
    }
    this.forwarded.push(`${request.method} ${request.url}${extra[FAULT_HEADER] ? ` (${extra[FAULT_HEADER]})` : ''}`);
    if (this.forwarded.length > FORWARDED_KEPT) this.forwarded.shift();
    return new Promise<Answer>((resolve, reject) => {
      const upstream = http.request(
        { host: '127.0.0.1', port: this.upstreamPort(), method: request.method, path: request.url, headers, agent: NO_POOL },
        (res) => {
          readAll(res).then((data) => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: data }), reject);
        },
      );
      upstream.on('error', reject);
      upstream.end(body);
    });
  }
}

function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
    stream.on('aborted', () => reject(new Error('aborted')));
  });
}

function answer(response: http.ServerResponse, { status, headers, body }: Answer): void {
  const out: http.OutgoingHttpHeaders = { 'content-length': body.length };
  for (const [name, value] of Object.entries(headers)) {
    if (!HOP_BY_HOP.has(name) && value !== undefined) out[name] = value;
  }
  response.writeHead(status, out);
  response.end(body);
}
