import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { describeIssues } from '../server/http/api-error';
import { createOrganisation, firstPassword, NewOrganisationSchema } from '../server/auth/organisations';
import { loadConfig } from '../server/config';
import { migrate } from '../server/database/migrate';
import { openDb } from '../server/database/open-db';

/**
 * The super-admin's command line, run on the server machine with the server's environment (DATA_DIR or
 * DATABASE_URL). With PGlite, stop the server first: its database is one process's at a time.
 *
 *   npm run admin -- create-organisation --name "Bay Care" --admin-email ana@bay.example --admin-name "Ana Cole"
 *
 * prints a first password for the admin, once. To choose it instead, give `--password-file <file>`
 * (`-` reads standard input): never the password itself, which would stay in the shell's history.
 */
const USAGE = [
  'usage: npm run admin -- create-organisation --name <name> --admin-email <email> --admin-name <name> [--password-file <file or ->]',
];
const EXIT_BAD_INPUT = 2;

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== 'create-organisation') return fail(USAGE);
  let values: { name?: string; 'admin-email'?: string; 'admin-name'?: string; 'password-file'?: string };
  try {
    ({ values } = parseArgs({
      args: [...rest],
      options: { name: { type: 'string' }, 'admin-email': { type: 'string' }, 'admin-name': { type: 'string' }, 'password-file': { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return fail([(error as Error).message, ...USAGE]);
  }
  const chosen = values['password-file'] === undefined ? null : await readPassword(values['password-file']);
  if (chosen instanceof Error) return fail([chosen.message]);
  const parsed = NewOrganisationSchema.safeParse({
    name: values.name,
    adminEmail: values['admin-email'],
    adminName: values['admin-name'],
    adminPassword: chosen ?? firstPassword(),
  });
  if (!parsed.success) return fail([describeIssues(parsed.error.issues, 'the organisation'), ...USAGE]);

  const db = await openDb(loadConfig());
  try {
    await migrate(db);
    const made = await createOrganisation(db, parsed.data);
    if (made === 'email-taken') return fail([`Someone already signs in with ${parsed.data.adminEmail}. Use another email address.`]);
    const lines = [
      `Made the organisation "${parsed.data.name}" (${made.organisationId}).`,
      `Its first admin, ${parsed.data.adminName}, signs in as ${parsed.data.adminEmail}.`,
      chosen === null
        ? `First password (shown only now; hand it over in person, and ask them to change it after signing in): ${parsed.data.adminPassword}`
        : 'Their password is the one in the file you gave.',
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  } finally {
    await db.close();
  }
}

/** The first line of the file (or of standard input for `-`), without its line ending. */
async function readPassword(file: string): Promise<string | Error> {
  try {
    const text = file === '-' ? await readStdin() : await readFile(file, 'utf8');
    return text.split(/\r?\n/)[0] ?? '';
  } catch (error) {
    return new Error(`cannot read the password from ${file === '-' ? 'standard input' : file}: ${(error as Error).message}`);
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function fail(lines: readonly string[]): number {
  process.stderr.write(`${lines.join('\n')}\n`);
  return EXIT_BAD_INPUT;
}

process.exitCode = await main(process.argv.slice(2));
