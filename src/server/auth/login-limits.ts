import { createHash } from 'node:crypto';
import type { Db } from '../database/db';
import { asOwner } from '../database/organisation-context';
import { HttpError } from '../http/api-error';

/**
 * How many wrong passwords are let through per window. Per account: slow enough that guessing even a
 * weak password takes years, few enough that a person who mistypes is not stopped. Per address: room
 * for an office of people who share one internet connection, yet a stop to one machine trying many accounts.
 */
export const LOGIN_LIMITS = { windowMinutes: 15, perAccount: 5, perAddress: 30 } as const;

export interface Attempt {
  id: string;
  accountKey: string;
  addressKey: string;
}

/** Hashed, so the table names no email, IP address or tablet. The prefix keeps the kinds apart. */
const keyOf = (kind: 'account' | 'address' | 'device', value: string) => createHash('sha256').update(`${kind}:${value}`).digest('hex');

/**
 * Counts this attempt before the password is checked, and refuses it (429) when the account or the
 * address has had too many recent failures. `tabletId`: the enrolled tablet the attempt came from (its
 * device cookie, checked before any route): the account's failures on that tablet are counted apart
 * from its failures anywhere else (migration 0016), so someone who only knows an organiser's email
 * cannot lock them out of the tablet they work on, while guessing on that tablet is limited the same. Inserting first, in its own statement, then counting is
 * what makes parallel guesses safe: the n-th row to be committed sees at least n rows, so no more than
 * the limit get through however many arrive at once. A refused attempt is not kept, so the pause ends
 * `windowMinutes` after the failures that caused it, however often someone knocks meanwhile.
 */
export function beginAttempt(db: Db, email: string, address: string, tabletId: string | null = null): Promise<Attempt> {
  // login_attempts belongs to no organisation (it is read before anyone is known), so it is the
  // owner's table (migration 0014): reached as the owner even from inside a signed-in request.
  return asOwner(() => countAttempt(db, email, address, tabletId));
}

async function countAttempt(db: Db, email: string, address: string, tabletId: string | null): Promise<Attempt> {
  const accountKey = keyOf('account', email.trim().toLowerCase());
  const addressKey = keyOf('address', address);
  const deviceKey = tabletId === null ? null : keyOf('device', tabletId);
  const window = LOGIN_LIMITS.windowMinutes;
  const [inserted] = await db.query<{ id: string }>(
    'insert into login_attempts (account_key, address_key, device_key) values ($1, $2, $3) returning id::text as id',
    [accountKey, addressKey, deviceKey],
  );
  const [counts] = await db.query<{ account_n: number; address_n: number; account_wait: number | null; address_wait: number | null }>(
    `select count(*) filter (where account_key = $1 and device_key is not distinct from $4)::int as account_n,
            count(*) filter (where address_key = $2)::int as address_n,
            extract(epoch from min(attempted_at) filter (where account_key = $1 and device_key is not distinct from $4) + make_interval(mins => $3) - now())::float8 as account_wait,
            extract(epoch from min(attempted_at) filter (where address_key = $2) + make_interval(mins => $3) - now())::float8 as address_wait
       from login_attempts
      where (account_key = $1 or address_key = $2) and attempted_at > now() - make_interval(mins => $3)`,
    [accountKey, addressKey, window, deviceKey],
  );
  const attempt = { id: inserted!.id, accountKey, addressKey };
  const accountBlocked = counts!.account_n > LOGIN_LIMITS.perAccount;
  const addressBlocked = counts!.address_n > LOGIN_LIMITS.perAddress;
  if (!accountBlocked && !addressBlocked) return attempt;

  await db.query('delete from login_attempts where id = $1', [attempt.id]);
  const waits = [accountBlocked ? counts!.account_wait : null, addressBlocked ? counts!.address_wait : null].filter((w): w is number => w !== null);
  throw tooManyAttempts(Math.max(1, Math.ceil(Math.max(...waits))));
}

/**
 * The password was right: the account's failures are forgotten (so one typo yesterday and four today
 * do not pause it), and this attempt was not a failure, so it does not count against the address.
 * Failures from the same address on other accounts stay counted.
 */
export function attemptSucceeded(db: Db, attempt: Attempt): Promise<void> {
  return asOwner(async () => {
    await db.query('delete from login_attempts where account_key = $1 or id = $2', [attempt.accountKey, attempt.id]);
    // Tidy as we go: rows older than the window count for nothing.
    await db.query('delete from login_attempts where attempted_at < now() - make_interval(mins => $1)', [LOGIN_LIMITS.windowMinutes]);
  });
}

/** An admin gave the account a new password: its owner can sign in with it straight away. */
export function forgetAccountFailures(db: Db, email: string): Promise<void> {
  return asOwner(async () => {
    await db.query('delete from login_attempts where account_key = $1', [keyOf('account', email.trim().toLowerCase())]);
  });
}

export class TooManyAttemptsError extends HttpError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      429,
      'too-many-attempts',
      `There have been too many wrong passwords, so signing in is paused for safety. Try again in ${waitInWords(retryAfterSeconds)}. ` +
        'If you have forgotten your password, ask an admin in your organisation to set a new one.',
    );
  }
}

const tooManyAttempts = (seconds: number) => new TooManyAttemptsError(seconds);

function waitInWords(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  return minutes <= 1 ? 'a minute' : `${minutes} minutes`;
}
