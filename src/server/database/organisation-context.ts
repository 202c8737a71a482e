import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The role a signed-in request's queries run as (migration 0014): no superuser, no BYPASSRLS, so
 * PostgreSQL's row-level security applies to it and it sees only the rows of its own organisation.
 */
export const APP_ROLE = 'hearth_app';
/** The setting the row-level security policies compare organisation_id with (unset or '' matches nothing). */
export const ORGANISATION_SETTING = 'hearth.organisation_id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// The organisation whose request is running. Both Db implementations read it for every query and
// transaction, so route code needs no change: it still filters by organisation_id itself (the first
// line); this is the second.
const current = new AsyncLocalStorage<string>();

/**
 * Runs `fn` with every query and transaction it starts (also later, from promises it creates) done as
 * the app role with `organisationId` set for that transaction.
 */
export function withOrganisation<T>(organisationId: string, fn: () => T): T {
  // Checked here because beginSql puts it into SQL text.
  if (!UUID.test(organisationId)) throw new Error('withOrganisation: the organisation id is not a UUID.');
  return current.run(organisationId.toLowerCase(), fn);
}

/**
 * Runs `fn` as the database owner, outside any organisation, even when called from a request: for work
 * that is cross-organisation by design (see the list in migration 0014). Keep these few and say why.
 */
export function asOwner<T>(fn: () => T): T {
  return current.exit(fn);
}

/** The organisation of the running request; null outside one (start-up, seed, look-ups by token, asOwner). */
export function currentOrganisation(): string | null {
  return current.getStore() ?? null;
}

/**
 * What starts a transaction: a plain BEGIN for the owner, or BEGIN that also switches to the app role
 * and sets the organisation for this transaction only (both end with it, committed or rolled back).
 * One simple-protocol message of statements that return no rows, so it can travel in front of the
 * transaction's first statement. If switching fails, the transaction is aborted and nothing after it
 * runs, let alone as the owner.
 */
export function beginSql(organisationId: string | null): string {
  if (organisationId === null) return 'begin';
  if (!UUID.test(organisationId)) throw new Error('beginSql: the organisation id is not a UUID.');
  return `begin; set local role ${APP_ROLE}; set local ${ORGANISATION_SETTING} = '${organisationId}'`;
}
