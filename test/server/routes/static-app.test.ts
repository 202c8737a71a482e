import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeServerWorld, type ServerWorld } from '../../support/server-world';

const INDEX = '<!doctype html><title>Hearth</title><div id="root"></div>';

describe('the PWA build', () => {
  let world: ServerWorld;
  let staticDir: string;
  beforeAll(async () => {
    staticDir = await mkdtemp(path.join(os.tmpdir(), 'hearth-dist-'));
    await mkdir(path.join(staticDir, 'assets'));
    await writeFile(path.join(staticDir, 'index.html'), INDEX);
    await writeFile(path.join(staticDir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    await writeFile(path.join(staticDir, 'registerSW.js'), '/* register */');
    await writeFile(path.join(staticDir, 'manifest.webmanifest'), '{"name":"Hearth"}');
    await writeFile(path.join(staticDir, 'icon-192.png'), 'png');
    await writeFile(path.join(staticDir, 'assets', 'index-abc123.js'), 'console.log("app")');
    world = await makeServerWorld({ staticDir });
  });
  afterAll(async () => {
    await world.close();
    await rm(staticDir, { recursive: true, force: true });
  });

  const get = (url: string) => world.app.inject({ method: 'GET', url });

  it('serves index.html at / and for the paths the app routes itself, never cached without checking', async () => {
    for (const url of ['/', '/index.html', '/visits/123', '/person/123', '/visits/123?from=list']) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.body, url).toBe(INDEX);
      expect(response.headers['content-type'], url).toMatch(/^text\/html/);
      expect(response.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('serves the service worker and manifest to be checked every time', async () => {
    for (const url of ['/sw.js', '/registerSW.js', '/manifest.webmanifest']) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['cache-control'], url).toBe('no-cache');
    }
    expect((await get('/sw.js')).headers['content-type']).toMatch(/javascript/);
  });

  it('caches hashed assets for good', async () => {
    const response = await get('/assets/index-abc123.js');
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('answers a missing file with 404, not the app page', async () => {
    for (const url of ['/assets/index-old999.js', '/missing.png']) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.body, url).not.toContain('<div id="root">');
    }
  });

  it('answers an unknown /api address with a JSON 404', async () => {
    for (const url of ['/api/nothing', '/api/visits/x/y/z', '/api']) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.json(), url).toMatchObject({ error: { code: 'not-found' } });
      expect(response.headers['cache-control'], url).toBe('no-store');
    }
  });
});

describe('before the PWA is built', () => {
  let world: ServerWorld;
  beforeAll(async () => {
    world = await makeServerWorld();
  });
  afterAll(() => world.close());

  it('says to run npm run build instead of failing', async () => {
    for (const url of ['/', '/visits/123']) {
      const response = await world.app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('npm run build');
    }
    expect((await world.app.inject({ method: 'GET', url: '/api/health' })).json()).toEqual({ ok: true });
  });
});
