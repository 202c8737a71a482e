import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN, DEMO_CARE_WORKER } from '../../src/server/seed/demo-data';
import { makeServerWorld, type ServerWorld } from '../support/server-world';

/**
 * B3 path-traversal: every route with an id or a path in its URL, given names that try to climb out of
 * the media directory (or the app's build). A canary file sits outside both; no answer may contain it.
 */
const CANARY = `hearth-canary-${randomBytes(8).toString('hex')}`;
const CANARY_SHA = createHash('sha256').update(CANARY).digest('hex');

function vectors(canaryPath: string, realSha: string): string[] {
  const absolute = canaryPath.replaceAll('\\', '/');
  return [
    '../../etc/passwd',
    '..%2f..%2fetc%2fpasswd',
    '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '%2e%2e/%2e%2e/etc/passwd',
    '%252e%252e%252fetc%252fpasswd',
    '..%5c..%5cetc%5cpasswd',
    '..\\..\\canary.txt',
    '%c0%ae%c0%ae%c0%afetc%c0%afpasswd',
    '%ef%bc%8e%ef%bc%8e%ef%bc%8fcanary.txt',
    '....//....//etc/passwd',
    '..;/..;/etc/passwd',
    '%00',
    'abc%00.jpg',
    `${realSha}%00`,
    `${realSha}%00.html`,
    `${realSha}/../../canary.txt`,
    `${realSha}%2f..%2f..%2fcanary.txt`,
    `${realSha}.html`,
    realSha.toUpperCase(),
    `${realSha}%0a`,
    ` ${realSha}`,
    CANARY_SHA,
    encodeURIComponent(absolute),
    `%2f${encodeURIComponent(absolute.replace(/^\//, ''))}`,
    '%2fetc%2fpasswd',
    'C:%5cWindows%5cwin.ini',
    'file:%2f%2f%2fetc%2fpasswd',
    '..',
    '.',
    '%2e',
    'a'.repeat(5_000),
    '9'.repeat(300),
    `${'../'.repeat(40)}etc/passwd`,
  ];
}

describe('B3 path-traversal: ids and names that climb out of the media directory read nothing', () => {
  let world: ServerWorld;
  let staticDir: string;
  let outside: string;
  let canaryPath: string;
  let cookies: string[];
  let realSha: string;

  beforeAll(async () => {
    outside = await mkdtemp(path.join(os.tmpdir(), 'hearth-traversal-'));
    staticDir = path.join(outside, 'app', 'dist');
    await mkdir(path.join(staticDir, 'assets'), { recursive: true });
    await writeFile(path.join(staticDir, 'index.html'), '<!doctype html><title>Hearth</title>');
    await writeFile(path.join(staticDir, 'assets', 'app-1234.js'), 'console.log("app")');
    canaryPath = path.join(outside, 'canary.txt');
    await writeFile(canaryPath, CANARY);
    world = await makeServerWorld({ staticDir });
    // Canaries next to the media directory and inside the data directory too, with names a climb would reach.
    await writeFile(path.join(world.dataDir, 'canary.txt'), CANARY);
    await writeFile(path.join(world.dataDir, CANARY_SHA), CANARY);
    await writeFile(path.join(staticDir, '..', 'canary.txt'), CANARY);
    // On an enrolled tablet: fetching a visit's pack needs one, and the route's own answer is what is tested.
    cookies = [await world.signInOnTablet(), await world.signIn(DEMO_ADMIN), await world.signIn(DEMO_CARE_WORKER)];
    const [row] = await world.db.query<{ sha256: string }>('select sha256 from media where organisation_id = $1 limit 1', [world.demo.organisationId]);
    realSha = row!.sha256;
  }, 60_000);
  afterAll(async () => {
    await world.close();
    await rm(outside, { recursive: true, force: true });
  });

  /** The first answer that is not "your role may not": the route's own verdict on the id. */
  async function answerAs(method: string, url: string) {
    let last;
    for (const cookie of cookies) {
      last = await world.app.inject({
        method: method as 'GET',
        url,
        headers: { cookie, ...(method === 'PATCH' ? { 'tus-resumable': '1.0.0', 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' } : {}) },
        ...(['POST', 'PUT'].includes(method) ? { payload: {} } : method === 'PATCH' ? { payload: Buffer.from('x') } : {}),
      });
      if (last.statusCode !== 403) return last;
    }
    return last!;
  }

  it('answers 400 or 404 on every route with an id, and never shows the canary or /etc/passwd', async () => {
    const routes = world.app.routeTable.filter((r) => /[:*]/.test(r.url));
    expect(routes.map((r) => r.url)).toEqual(expect.arrayContaining(['/api/media/:sha256', '/api/uploads/:id', '/*']));
    const problems: string[] = [];
    const byStatus: Record<string, number> = {};
    let requests = 0;
    for (const { method, url } of routes) {
      const params = url.match(/:[A-Za-z0-9_]+|\*$/g) ?? [];
      for (const vector of vectors(canaryPath, realSha)) {
        for (const param of params) {
          const concrete = url.replace(param, vector).replace(/:[A-Za-z0-9_]+/g, '0190f5a2-7b3c-7d4e-8f00-0000000000aa');
          const response = await answerAs(method, concrete);
          requests++;
          byStatus[response.statusCode] = (byStatus[response.statusCode] ?? 0) + 1;
          const where = `${method} ${concrete.slice(0, 120)} → ${response.statusCode}`;
          const body = response.rawPayload.toString('latin1');
          if (body.includes(CANARY)) problems.push(`${where}: the canary leaked`);
          if (body.includes('root:x:0:0')) problems.push(`${where}: /etc/passwd leaked`);
          if (response.headers['x-content-type-options'] !== 'nosniff') problems.push(`${where}: no security headers`);
          // The app's own pages (index.html for a path without an extension) are not a leak; anything else must be refused.
          // (A URL with raw '..' segments is resolved before routing, like a browser does, so it may land on a page too.)
          const isHtml = String(response.headers['content-type']).startsWith('text/html');
          const isAppPage = response.statusCode === 200 && isHtml && (method === 'HEAD' ? body === '' : body.includes('<title>Hearth</title>'));
          if (!isAppPage && ![400, 404].includes(response.statusCode)) problems.push(`${where}: ${body.slice(0, 160)}`);
        }
      }
    }
    console.log(JSON.stringify({ routes: routes.length, vectors: vectors(canaryPath, realSha).length, requests, canaryLeaks: problems.filter((p) => p.includes('leaked')).length, byStatus }));
    expect(problems).toEqual([]);
  }, 120_000);

  it('never follows a stored path out of the media directory, even one the database was made to hold', async () => {
    await world.db.query('insert into media (organisation_id, sha256, bytes, type, path) values ($1, $2, $3, $4, $5)', [
      world.demo.organisationId,
      CANARY_SHA,
      CANARY.length,
      'image/jpeg',
      '../canary.txt',
    ]);
    const response = await world.app.inject({ method: 'GET', url: `/api/media/${CANARY_SHA}`, headers: { cookie: cookies[0]! } });
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain(CANARY);
    await world.db.query('delete from media where organisation_id = $1 and sha256 = $2', [world.demo.organisationId, CANARY_SHA]);
  });

  it('writes no file outside the media and uploads directories, whatever the upload is called', async () => {
    const before = (await readdir(world.dataDir)).sort();
    const names = ['../../canary.txt', '../escaped.jpg', '/etc/cron.d/x', '..\\..\\x.jpg', 'a/../../b.jpg'];
    for (const filename of names) {
      const metadata = [`carerId ${Buffer.from(world.demo.carers.Grace!).toString('base64')}`, `kind ${Buffer.from('photo').toString('base64')}`, `filename ${Buffer.from(filename).toString('base64')}`].join(',');
      const created = await world.app.inject({ method: 'POST', url: '/api/uploads', headers: { cookie: cookies[0]!, 'tus-resumable': '1.0.0', 'upload-length': '5', 'upload-metadata': metadata } });
      expect(created.statusCode, filename).toBe(201);
      expect(String(created.headers.location)).toMatch(/^\/api\/uploads\/[0-9a-f]{32}$/);
      await world.app.inject({ method: 'DELETE', url: String(created.headers.location), headers: { cookie: cookies[0]!, 'tus-resumable': '1.0.0' } });
    }
    expect((await readdir(world.dataDir)).sort()).toEqual(before);
    expect((await readdir(outside)).sort()).toEqual(['app', 'canary.txt']);
  });
});
