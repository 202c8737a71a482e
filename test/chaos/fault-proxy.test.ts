import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FAULT_HEADER } from '../../src/server/http/fault-injection';
import { FaultProxy } from './fault-proxy';

/** A stand-in for the server: answers every request with what it received, and remembers it. */
interface Seen {
  method: string;
  url: string;
  body: string;
  fault: string | undefined;
  cookie: string | undefined;
}

describe('FaultProxy', () => {
  let upstream: http.Server;
  let upstreamPort: number;
  let proxy: FaultProxy;
  let seen: Seen[];

  beforeAll(async () => {
    upstream = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (c: Buffer) => chunks.push(c));
      request.on('end', () => {
        const entry = {
          method: request.method ?? '',
          url: request.url ?? '',
          body: Buffer.concat(chunks).toString(),
          fault: request.headers[FAULT_HEADER] as string | undefined,
          cookie: request.headers.cookie,
        };
        seen.push(entry);
        response.writeHead(201, { 'content-type': 'application/json', 'set-cookie': 'a=b; Path=/' });
        response.end(JSON.stringify(entry));
      });
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    upstreamPort = (upstream.address() as AddressInfo).port;
    proxy = await FaultProxy.start(() => upstreamPort);
  });
  afterAll(async () => {
    await proxy.close();
    upstream.closeAllConnections();
    await new Promise((resolve) => upstream.close(resolve));
  });
  beforeEach(() => {
    seen = [];
    proxy.clear();
  });

  const push = () =>
    fetch(`${proxy.url}/api/events`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: 's=1' }, body: '{"n":1}' });
  const health = () => fetch(`${proxy.url}/api/health`);

  it('passes requests and answers through unchanged', async () => {
    const response = await push();
    expect(response.status).toBe(201);
    expect(response.headers.getSetCookie()).toEqual(['a=b; Path=/']);
    expect(await response.json()).toEqual({ method: 'POST', url: '/api/events', body: '{"n":1}', cookie: 's=1' });
  });

  it('drop: cuts the connection before anything reaches the server', async () => {
    proxy.arm('drop');
    await expect(health()).rejects.toThrow();
    expect(seen).toEqual([]);
    expect((await health()).status).toBe(201); // one request only
  });

  it('delay: forwards after the delay', async () => {
    proxy.arm('delay', 60);
    const startedAt = Date.now();
    expect((await push()).status).toBe(201);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(55);
  });

  it('duplicate: the server gets the request twice, the tablet one answer', async () => {
    proxy.arm('duplicate');
    expect((await push()).status).toBe(201);
    expect(seen.map((s) => s.body)).toEqual(['{"n":1}', '{"n":1}']);
  });

  it('reset: the server answers, the tablet sees the connection cut', async () => {
    proxy.arm('reset');
    await expect(push()).rejects.toThrow();
    expect(seen).toHaveLength(1);
  });

  it('before-commit and after-commit travel as the header for the server hooks, and no further', async () => {
    proxy.arm('before-commit');
    proxy.arm('after-commit');
    await push();
    await push();
    await push();
    expect(seen.map((s) => s.fault)).toEqual(['before-commit', 'after-commit', undefined]);
  });

  it('a fault meant for a push waits for one: other requests pass', async () => {
    proxy.arm('reset');
    expect((await health()).status).toBe(201);
    expect(proxy.pending).toBe(1);
    await expect(push()).rejects.toThrow();
    expect(proxy.pending).toBe(0);
  });

  it('never lets a tablet set the fault header itself', async () => {
    await fetch(`${proxy.url}/api/events`, { method: 'POST', headers: { [FAULT_HEADER]: 'before-commit' }, body: '{}' });
    expect(seen[0]?.fault).toBeUndefined();
  });

  it('cuts the connection when the server cannot be reached', async () => {
    const unreachable = await FaultProxy.start(() => 9);
    try {
      await expect(fetch(`${unreachable.url}/api/health`)).rejects.toThrow();
    } finally {
      await unreachable.close();
    }
  });
});
