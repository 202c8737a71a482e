import { randomUUID } from 'node:crypto';
import type { NewCareWorkerAccount } from '../../domain/api';
import { hashPassword } from '../auth/password';
import type { Db } from '../database/db';

/**
 * Gives a carer their own login (role care-worker, tied to their carer record). One account per carer;
 * an email signs in to one account only, across every organisation.
 */
export async function addCareWorkerAccount(
  db: Db,
  organisationId: string,
  carerId: string,
  account: NewCareWorkerAccount,
): Promise<'made' | 'no-such-carer' | 'has-account' | 'email-taken'> {
  const passwordHash = await hashPassword(account.password);
  return db.transaction(async (tx) => {
    const carer = await tx.query<{ has_account: boolean }>(
      `select exists (select 1 from users u where u.carer_id = c.id) as has_account from carers c where c.organisation_id = $1 and c.id = $2 for update`,
      [organisationId, carerId],
    );
    if (!carer[0]) return 'no-such-carer';
    if (carer[0].has_account) return 'has-account';
    const taken = await tx.query('select 1 from users where email = $1', [account.email]);
    if (taken.length > 0) return 'email-taken';
    await tx.query(
      `insert into users (id, organisation_id, email, name, password_hash, role, carer_id) values ($1, $2, $3, $4, $5, 'care-worker', $6)`,
      [randomUUID(), organisationId, account.email, account.name, passwordHash, carerId],
    );
    return 'made';
  });
}
