import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AccountStatusRequestSchema, NewAccountRequestSchema, ResetPasswordRequestSchema, type Account, type AccountList } from '../../domain/accounts';
import { UuidSchema } from '../../domain/ids';
import { addAccount, listAccounts, loadAccount, resetPassword, setAccountDisabled } from '../auth/accounts';
import type { Db } from '../database/db';
import { HttpError, notAllowed, notFound, parseInput } from '../http/api-error';
import { authOf, requireSession } from '../http/require-session';

const NO_SUCH_ACCOUNT = 'There is no such account. Refresh the list of accounts.';

/** The account a request names: one of the admin's own organisation, or the same 404 as one that does not exist. */
function accountIdOf(request: FastifyRequest<{ Params: { id: string } }>): string {
  if (!UuidSchema.safeParse(request.params.id).success) throw notFound(NO_SUCH_ACCOUNT);
  return request.params.id;
}

/** The Accounts page: an organisation's admins list, add and switch off its logins, and set new passwords. Admins only. */
export function accountRoutes(db: Db) {
  return async (app: FastifyInstance): Promise<void> => {
    requireSession(app, db, ['admin']);

    app.get('/api/accounts', async (request): Promise<AccountList> => listAccounts(db, authOf(request).organisationId));

    app.post('/api/accounts', async (request, reply) => {
      const auth = authOf(request);
      const account = parseInput(NewAccountRequestSchema, request.body, 'the account');
      const made = await addAccount(db, auth.organisationId, account);
      if (made === 'no-such-carer') throw notFound('There is no such care worker. Choose them again from the list.');
      if (made === 'carer-has-account') throw new HttpError(409, 'invalid-request', 'This care worker already has an account.');
      if (made === 'email-taken') throw new HttpError(409, 'invalid-request', 'Someone already signs in with that email address. Use another.');
      return reply.code(201).send(await loadAccount(db, auth.organisationId, made.made));
    });

    app.put<{ Params: { id: string } }>('/api/accounts/:id/status', async (request): Promise<Account> => {
      const auth = authOf(request);
      const userId = accountIdOf(request);
      const { disabled } = parseInput(AccountStatusRequestSchema, request.body, 'the change');
      if (disabled && userId === auth.userId) throw notAllowed('You cannot switch off your own account. Ask another admin.');
      const changed = await setAccountDisabled(db, auth.organisationId, userId, disabled);
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
      return reply.code(204).send();
    });
  };
}
