import { randomUUID } from 'node:crypto';
import type { Account, AccountList, NewAccountRequest } from '../../domain/accounts';
import type { Role } from '../../domain/api';
import type { Db } from '../database/db';
import { forgetAccountFailures } from './login-limits';
import { hashPassword } from './password';
import { deleteUserSessions } from './sessions';

interface AccountRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  carer_id: string | null;
  carer_first_name: string | null;
  disabled_at: Date | string | null;
  created_at: Date | string;
}

const iso = (value: Date | string) => new Date(value).toISOString();

/** Every account of one organisation, admins first, then by name; and the carers who have no login yet. */
export async function listAccounts(db: Db, organisationId: string): Promise<AccountList> {
  const rows = await db.query<AccountRow>(
    `select u.id, u.name, u.email, u.role, u.carer_id, c.first_name as carer_first_name, u.disabled_at, u.created_at
       from users u left join carers c on c.organisation_id = u.organisation_id and c.id = u.carer_id
      where u.organisation_id = $1
      order by case u.role when 'admin' then 0 when 'organiser' then 1 when 'manager' then 2 else 3 end, u.name, u.email`,
    [organisationId],
  );
  const carers = await db.query<{ id: string; first_name: string }>(
    `select c.id, c.first_name from carers c
      where c.organisation_id = $1 and not exists (select 1 from users u where u.organisation_id = c.organisation_id and u.carer_id = c.id)
      order by c.first_name, c.id`,
    [organisationId],
  );
  return {
    accounts: rows.map(accountOf),
    carersWithoutAccount: carers.map((c) => ({ id: c.id, firstName: c.first_name })),
  };
}

function accountOf(row: AccountRow): Account {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    carerId: row.carer_id,
    carerFirstName: row.carer_first_name,
    disabledAt: row.disabled_at === null ? null : iso(row.disabled_at),
    createdAt: iso(row.created_at),
  };
}

export async function loadAccount(db: Db, organisationId: string, userId: string): Promise<Account | null> {
  const rows = await db.query<AccountRow>(
    `select u.id, u.name, u.email, u.role, u.carer_id, c.first_name as carer_first_name, u.disabled_at, u.created_at
       from users u left join carers c on c.organisation_id = u.organisation_id and c.id = u.carer_id
      where u.organisation_id = $1 and u.id = $2`,
    [organisationId, userId],
  );
  return rows[0] ? accountOf(rows[0]) : null;
}

export type AddAccountResult = { made: string } | 'no-such-carer' | 'carer-has-account' | 'email-taken';

/** True for the unique-email refusal, which is how another organisation's use of an email shows (row-level security hides its row). */
export function isEmailTaken(error: unknown): boolean {
  const e = error as { code?: unknown; constraint?: unknown } | null;
  return e?.code === '23505' && e.constraint === 'users_email_key';
}

/** Adds a login to the organisation. An email signs in to one account only, across every organisation. */
export async function addAccount(db: Db, organisationId: string, account: NewAccountRequest): Promise<AddAccountResult> {
  const passwordHash = await hashPassword(account.password);
  return insertAccount(db, organisationId, account, passwordHash).catch((error: unknown) => {
    if (isEmailTaken(error)) return 'email-taken' as const;
    throw error;
  });
}

function insertAccount(db: Db, organisationId: string, account: NewAccountRequest, passwordHash: string): Promise<AddAccountResult> {
  return db.transaction(async (tx) => {
    if (account.carerId) {
      const carer = await tx.query<{ has_account: boolean }>(
        `select exists (select 1 from users u where u.carer_id = c.id) as has_account from carers c where c.organisation_id = $1 and c.id = $2 for update`,
        [organisationId, account.carerId],
      );
      if (!carer[0]) return 'no-such-carer';
      if (carer[0].has_account) return 'carer-has-account';
    }
    const taken = await tx.query('select 1 from users where email = $1', [account.email]);
    if (taken.length > 0) return 'email-taken';
    const id = randomUUID();
    await tx.query('insert into users (id, organisation_id, email, name, password_hash, role, carer_id) values ($1, $2, $3, $4, $5, $6, $7)', [
      id,
      organisationId,
      account.email,
      account.name,
      passwordHash,
      account.role,
      account.carerId ?? null,
    ]);
    return { made: id };
  });
}

export type StatusChange = 'changed' | 'no-such-account' | 'last-admin';

/**
 * Switches an account off (its sessions end in the same transaction, so its very next request is a
 * 401) or back on. The admins' rows are locked first, so two admins switching each other off at the
 * same moment cannot leave the organisation with none.
 */
export async function setAccountDisabled(db: Db, organisationId: string, userId: string, disabled: boolean): Promise<StatusChange> {
  return db.transaction(async (tx) => {
    const admins = await tx.query<{ id: string }>(
      `select id from users where organisation_id = $1 and role = 'admin' and disabled_at is null order by id for update`,
      [organisationId],
    );
    const target = await tx.query<{ role: Role }>('select role from users where organisation_id = $1 and id = $2 for update', [organisationId, userId]);
    if (!target[0]) return 'no-such-account';
    if (disabled && target[0].role === 'admin' && admins.every((a) => a.id === userId)) return 'last-admin';
    await tx.query(
      `update users set disabled_at = case when $3::boolean then coalesce(disabled_at, now()) else null end where organisation_id = $1 and id = $2`,
      [organisationId, userId, disabled],
    );
    if (disabled) await deleteUserSessions(tx, organisationId, userId);
    return 'changed';
  });
}

/**
 * A new password from an admin: every session of that account ends (whoever had the old password is
 * signed out), and its count of wrong passwords is forgotten so its owner can sign in at once.
 */
export async function resetPassword(db: Db, organisationId: string, userId: string, password: string): Promise<boolean> {
  const passwordHash = await hashPassword(password);
  const email = await db.transaction(async (tx) => {
    const rows = await tx.query<{ email: string }>('update users set password_hash = $3 where organisation_id = $1 and id = $2 returning email', [
      organisationId,
      userId,
      passwordHash,
    ]);
    if (!rows[0]) return null;
    await deleteUserSessions(tx, organisationId, userId);
    return rows[0].email;
  });
  if (email === null) return false;
  await forgetAccountFailures(db, email);
  return true;
}
