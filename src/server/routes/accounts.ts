import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AccountStatusRequestSchema, NewAccountRequestSchema, ResetPasswordRequestSchema, type Account, type AccountList } from '../../domain/accounts';
import { UuidSchema } from '../../domain/ids';
import { addAccount, listAccounts, loadAccount, resetPassword, setAccountDisabled } from '../auth/accounts';
import { auditActorOf, recordAudit } from '../audit/record-audit';
import type { Db } from '../database/db';
import { HttpError, notAllowed, notFound, parseInput } from '../http/api-error';
import { authOf, requireSession } from '../http/require-session';

const NO_SUCH_ACCOUNT = 'There is no such account. Refresh the list of accounts.';

/** The account a request names: one of the admin's own organisation, or the same 404 as one that does not exist. */
function accountIdOf(request: FastifyRequest<{ Params: { id: string } }>): string {
  if (!UuidSchema.safeParse(request.params.id).success) throw notFound(NO_SUCH_ACCOUNT);
  return request.params.id;
}

/**
 * The Accounts page: an organisation's admins list, add and switch off its logins, and set new passwords. Admins only.
 * Each is in the audit log. Adding and setting a password enter it just after the change rather than in its
 * transaction: the password is hashed first, and that must not hold the database's one connection.
 */
export function accountRoutes(db: Db) {
  return async (app: FastifyInstance): Promise<void> => {
    requireSession(app, db, ['admin']);

    // Everyone's name, email and role.
    app.get('/api/accounts', async (request): Promise<AccountList> => {
      const { organisationId } = authOf(request);
      const accounts = await listAccounts(db, organisationId);
      await recordAudit(db, auditActorOf(request), 'accounts.listed', { type: 'organisation', id: organisationId });
      return accounts;
    });

    app.post('/api/accounts', async (request, reply) => {
      const auth = authOf(request);
      const account = parseInput(NewAccountRequestSchema, request.body, 'the account');
      const made = await addAccount(db, auth.organisationId, account);
      if (made === 'no-such-carer') throw notFound('There is no such care worker. Choose them again from the list.');
      if (made === 'carer-has-account') throw new HttpError(409, 'invalid-request', 'This care worker already has an account.');
      if (made === 'email-taken') throw new HttpError(409, 'invalid-request', 'Someone already signs in with that email address. Use another.');
      await recordAudit(db, auditActorOf(request), 'account.added', { type: 'account', id: made.made });
      return reply.code(201).send(await loadAccount(db, auth.organisationId, made.made));
    });

    app.put<{ Params: { id: string } }>('/api/accounts/:id/status', async (request): Promise<Account> => {
      const auth = authOf(request);
      const userId = accountIdOf(request);
      const { disabled } = parseInput(AccountStatusRequestSchema, request.body, 'the change');
      if (disabled && userId === auth.userId) throw notAllowed('You cannot switch off your own account. Ask another admin.');
      const changed = await db.transaction(async (tx) => {
        const outcome = await setAccountDisabled(tx, auth.organisationId, userId, disabled);
        if (outcome === 'changed') await recordAudit(tx, auditActorOf(request), disabled ? 'account.switched-off' : 'account.switched-on', { type: 'account', id: userId });
        return outcome;
      });
      if (changed === 'no-such-account') throw notFound(NO_SUCH_ACCOUNT);
      if (changed === 'last-admin') throw new HttpError(409, 'not-allowed', 'This is the last admin who can sign in. Make another admin first.');
      return (await loadAccount(db, auth.organisationId, userId))!;
    });

    app.put<{ Params: { id: string } }>('/api/accounts/:id/password', async (request, reply) => {
      const auth = authOf(request);
      const userId = accountIdOf(request);
      const { password } = parseInput(ResetPasswordRequestSchema, request.body, 'the new password');
      // Your own password is changed knowing the current one, so a session left open cannot take the account over.
      if (userId === auth.userId) throw notAllowed('Change your own password under “Your password”, with your current one.');
      if (!(await resetPassword(db, auth.organisationId, userId, password))) throw notFound(NO_SUCH_ACCOUNT);
      await recordAudit(db, auditActorOf(request), 'account.password-reset', { type: 'account', id: userId });
      return reply.code(204).send();
    });
  };
}
