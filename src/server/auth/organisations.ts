import { randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { NewPasswordSchema } from '../../domain/api';
import type { Db } from '../database/db';
import { hashPassword } from './password';

/** What the super-admin command line takes to start an organisation with its first admin. */
export const NewOrganisationSchema = z
  .object({
    name: z.string().trim().min(1, 'must not be empty').max(200),
    adminEmail: z.string().trim().toLowerCase().email('must be an email address').max(200),
    adminName: z.string().trim().min(1, 'must not be empty').max(100),
    adminPassword: NewPasswordSchema,
  })
  .strict();
export type NewOrganisation = z.infer<typeof NewOrganisationSchema>;

/** A first password to read out or hand over once: 16 letters and digits in groups of four (about 79 bits), none easily confused. */
export function firstPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(32);
  let out = '';
  // 248 = 8 × 31: rejecting higher bytes keeps every character equally likely.
  for (const byte of bytes) if (byte < 248 && out.length < 19) out += (out.length + 1) % 5 === 0 ? '-' : alphabet[byte % alphabet.length];
  if (out.length < 19) return firstPassword();
  return out;
}

export type CreateOrganisationResult = { organisationId: string; adminUserId: string } | 'email-taken';

/** The organisation and its first admin, together or not at all. */
export async function createOrganisation(db: Db, organisation: NewOrganisation): Promise<CreateOrganisationResult> {
  const passwordHash = await hashPassword(organisation.adminPassword);
  return db.transaction(async (tx) => {
    const taken = await tx.query('select 1 from users where email = $1', [organisation.adminEmail]);
    if (taken.length > 0) return 'email-taken';
    const organisationId = randomUUID();
    const adminUserId = randomUUID();
    await tx.query('insert into organisations (id, name) values ($1, $2)', [organisationId, organisation.name]);
    await tx.query(`insert into users (id, organisation_id, email, name, password_hash, role) values ($1, $2, $3, $4, $5, 'admin')`, [
      adminUserId,
      organisationId,
      organisation.adminEmail,
      organisation.adminName,
      passwordHash,
    ]);
    return { organisationId, adminUserId };
  });
}
