import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../src/server/auth/password';
import { openPgliteDb } from '../../src/server/database/pglite-db';

const repo = fileURLToPath(new URL('../..', import.meta.url));

describe('npm run admin -- create-organisation (on a PGlite DATA_DIR)', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'hearth-admin-cli-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  /** Runs the command the way `npm run admin -- …` does, with the server's environment. */
  function admin(args: string[], input?: string) {
    const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' };
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/admin.ts', ...args], { cwd: repo, encoding: 'utf8', env, input, timeout: 120_000 });
    return { code: run.status, stdout: run.stdout, stderr: run.stderr };
  }
  async function users() {
    const db = await openPgliteDb(path.join(dataDir, 'pglite'));
    try {
      return await db.query<{ email: string; name: string; role: string; password_hash: string; org: string }>(
        'select u.email, u.name, u.role, u.password_hash, o.name as org from users u join organisations o on o.id = u.organisation_id order by u.email',
      );
    } finally {
      await db.close();
    }
  }

  it('makes the organisation and its first admin, and prints a first password once', async () => {
    const { code, stdout, stderr } = admin(['create-organisation', '--name', 'Bay Care', '--admin-email', 'Ana@Bay.example', '--admin-name', 'Ana Cole']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Made the organisation "Bay Care" \([0-9a-f-]{36}\)\.\nIts first admin, Ana Cole, signs in as ana@bay\.example\.\n/);
    const password = /hand it over in person, and ask them to change it after signing in\): (\S+)\n$/.exec(stdout)?.[1];
    expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    const [ana] = await users();
    expect(ana).toMatchObject({ email: 'ana@bay.example', name: 'Ana Cole', role: 'admin', org: 'Bay Care' });
    expect(await verifyPassword(password!, ana!.password_hash)).toBe(true);
    expect(ana!.password_hash).not.toContain(password!);
  }, 180_000);

  it('reads a chosen password from standard input or a file, never from the command line', async () => {
    const fromStdin = admin(['create-organisation', '--name', 'Cove Care', '--admin-email', 'cai@cove.example', '--admin-name', 'Cai Bell', '--password-file', '-'], 'a-chosen-password\n');
    expect(fromStdin.code, fromStdin.stderr).toBe(0);
    expect(fromStdin.stdout).toContain('Their password is the one in the file you gave.');
    expect(fromStdin.stdout).not.toContain('a-chosen-password');

    const file = path.join(dataDir, 'password.txt');
    await writeFile(file, 'another-chosen-one\r\n');
    const fromFile = admin(['create-organisation', '--name', 'Dale Care', '--admin-email', 'dee@dale.example', '--admin-name', 'Dee Ross', '--password-file', file]);
    expect(fromFile.code, fromFile.stderr).toBe(0);

    const all = await users();
    expect(await verifyPassword('a-chosen-password', all.find((u) => u.email === 'cai@cove.example')!.password_hash)).toBe(true);
    expect(await verifyPassword('another-chosen-one', all.find((u) => u.email === 'dee@dale.example')!.password_hash)).toBe(true);

    expect(admin(['create-organisation', '--name', 'X', '--admin-email', 'x@x.example', '--admin-name', 'X', '--password', 'in-history']).code).toBe(2);
  }, 180_000);

  it('refuses an email already in use, a short password and missing options, exits 2, and makes nothing', async () => {
    const before = await users();
    const taken = admin(['create-organisation', '--name', 'Again', '--admin-email', 'ana@bay.example', '--admin-name', 'Ana Again']);
    expect(taken.code).toBe(2);
    expect(taken.stderr).toBe('Someone already signs in with ana@bay.example. Use another email address.\n');
    const short = admin(['create-organisation', '--name', 'Short', '--admin-email', 's@s.example', '--admin-name', 'S', '--password-file', '-'], 'short\n');
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('adminPassword: must be at least 10 characters');
    const missing = admin(['create-organisation', '--name', 'Half']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/adminEmail: is missing/);
    expect(admin([]).stderr).toMatch(/^usage: npm run admin -- create-organisation/);
    expect(await users()).toEqual(before);
  }, 180_000);
});
