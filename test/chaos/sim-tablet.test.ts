import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { recordOutcome } from '../../src/local-db/record-event';
import { makeSession } from '../support/factories';
import { browserFetch, SimTablet } from './sim-tablet';

const DEVICE = '0190f5a2-7b3c-7d4e-8f00-00000000d0c1';
const VISIT = '0190f5a2-7b3c-7d4e-8f00-0000000000a1';
const CARER = '0190f5a2-7b3c-7d4e-8f00-0000000000c1';
/** Nothing listens here: every sync finds the office unreachable. */
const NOWHERE = 'http://127.0.0.1:9';

describe('SimTablet', () => {
  let tablets: SimTablet[] = [];
  const tablet = async () => {
    const t = new SimTablet(DEVICE, NOWHERE, { cookies: new Map(), session: makeSession() }, () => 0.5);
    tablets.push(t);
    await t.setUp();
    return t;
  };
  afterEach(async () => {
    await Promise.all(tablets.map((t) => t.shutDown()));
    tablets = [];
  });
  const record = (t: SimTablet) => recordOutcome(t.db, { visitId: VISIT, outcome: 'chosen', chosenCarerId: CARER, orderShown: [CARER] }, t.clock);

  it('keeps each tablet in its own IndexedDB, even under the same database name', async () => {
    const first = await tablet();
    const second = await tablet();
    await record(first);
    expect(await first.countOutbox()).toBe(1);
    expect(await second.countOutbox()).toBe(0);
  });

  it('keeps what was committed through a crash, and counts only committed outbox rows', async () => {
    const t = await tablet();
    const event = await record(t);
    await t.kill(true);
    expect(await t.outboxIds()).toEqual([event.id]);
    expect(t.committed.map((e) => e.id)).toEqual([event.id]);
  });

  it('fails fast while offline, without touching the network', async () => {
    const t = await tablet();
    t.goOffline();
    expect(await t.transport.health()).toBe(false);
  });
});

describe('browserFetch', () => {
  let server: http.Server | undefined;
  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('keeps cookies as a browser does, and a killed page cuts its requests', async () => {
    server = http.createServer((request, response) => {
      if (request.url === '/hang') return; // never answers
      response.writeHead(200, { 'set-cookie': 'hearth_session=abc; HttpOnly; Path=/' });
      response.end(request.headers.cookie ?? '');
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const cookies = new Map<string, string>();
    let page = new AbortController();
    const fetchImpl = browserFetch(cookies, () => true, () => page.signal);

    expect(await (await fetchImpl(`${url}/login`)).text()).toBe('');
    expect(await (await fetchImpl(`${url}/again`)).text()).toBe('hearth_session=abc');

    const hanging = fetchImpl(`${url}/hang`);
    page.abort();
    await expect(hanging).rejects.toThrow();
    page = new AbortController();
  });
});
