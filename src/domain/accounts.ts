import { z } from 'zod';
import { NewPasswordSchema, RoleSchema } from './api';
import { UuidSchema } from './ids';

/** One login of the organisation, as its admins see it on the Accounts page (never the password hash). */
export const AccountSchema = z
  .object({
    id: UuidSchema,
    name: z.string(),
    email: z.string(),
    role: RoleSchema,
    /** A care worker's own carer record and that carer's first name. */
    carerId: UuidSchema.nullable(),
    carerFirstName: z.string().nullable(),
    /** When an admin switched the account off; null while it can sign in. */
    disabledAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .strict();
export type Account = z.infer<typeof AccountSchema>;

/** GET /api/accounts: every account, and the care workers who could be given one. */
export const AccountListSchema = z
  .object({
    accounts: z.array(AccountSchema),
    carersWithoutAccount: z.array(z.object({ id: UuidSchema, firstName: z.string() }).strict()),
  })
  .strict();
export type AccountList = z.infer<typeof AccountListSchema>;

export const ROLE_LABELS: Record<z.infer<typeof RoleSchema>, string> = {
  admin: 'Admin',
  organiser: 'Organiser',
  manager: 'Manager',
  'care-worker': 'Care worker',
};

/**
 * POST /api/accounts: an admin adds a login with a first password to hand over in person.
 * A care worker's account belongs to one of the organisation's carers; nobody else's does.
 * The organisation is always the admin's own: the body cannot name one (unknown keys are refused).
 */
export const NewAccountRequestSchema = z
  .object({
    name: z.string().trim().min(1, 'must not be empty').max(100),
    email: z.string().trim().toLowerCase().email('must be an email address').max(200),
    role: RoleSchema,
    password: NewPasswordSchema,
    carerId: UuidSchema.optional(),
  })
  .strict()
  .superRefine((account, context) => {
    if (account.role === 'care-worker' && !account.carerId) {
      context.addIssue({ code: 'custom', path: ['carerId'], message: 'choose which care worker this account is for' });
    }
    if (account.role !== 'care-worker' && account.carerId) {
      context.addIssue({ code: 'custom', path: ['carerId'], message: "only a care worker's account belongs to a care worker" });
    }
  });
export type NewAccountRequest = z.infer<typeof NewAccountRequestSchema>;

/** PUT /api/accounts/:id/status: switch an account off (its sessions end at once) or back on. */
export const AccountStatusRequestSchema = z.object({ disabled: z.boolean() }).strict();
export type AccountStatusRequest = z.infer<typeof AccountStatusRequestSchema>;

/** PUT /api/accounts/:id/password: a new first password for someone who has forgotten theirs. */
export const ResetPasswordRequestSchema = z.object({ password: NewPasswordSchema }).strict();
export type ResetPasswordRequest = z.infer<typeof ResetPasswordRequestSchema>;
