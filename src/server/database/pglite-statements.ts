import { parse, type PGlite, type protocol } from '@electric-sql/pglite';

type Serialize = typeof protocol.serialize;
type BackendMessages = Awaited<ReturnType<PGlite['execProtocolStream']>>;
/** Runs protocol messages on the connection (a transaction may put its BEGIN in front). */
export type Send = (message: Uint8Array) => Promise<BackendMessages>;

export interface PreparedStatement {
  name: string;
  /** The type Postgres gave each $n, which picks PGlite's serializer for the value. */
  paramTypes: number[];
  /**
   * The columns it returns (none for most writes), told once when it was prepared: they cannot change
   * while it lives, so its runs need not ask again.
   */
  rowDescription: BackendMessages[number] | undefined;
}

/** Enough for every query the server has; past it, the least recently used is closed. */
const MAX_STATEMENTS = 500;
// "cached plan must not change result type" (a table it reads changed shape) and "prepared statement
// does not exist": prepare it again next time.
const STALE_CODES = new Set(['0A000', '26000']);

export function isStalePlan(error: unknown): boolean {
  return STALE_CODES.has((error as { code?: string } | null)?.code ?? '');
}

/**
 * The named prepared statements on PGlite's one connection, one per distinct SQL text. They belong to
 * the session, not to a transaction, so a rollback leaves them in place.
 */
export class PreparedStatements {
  private readonly byText = new Map<string, PreparedStatement>();
  private serial = 0;
  private unused: string[] = [];

  constructor(private readonly serialize: Serialize) {}

  async get(sql: string, send: Send): Promise<PreparedStatement> {
    const known = this.byText.get(sql);
    if (known) {
      // Most recently used last, so the first entry is the one to close.
      this.byText.delete(sql);
      this.byText.set(sql, known);
      return known;
    }
    const { serialize } = this;
    const name = `hearth_${++this.serial}`;
    const closes = this.unused.map((unused) => serialize.close({ type: 'S', name: unused }));
    this.unused = [];
    const messages = await send(concat([...closes, serialize.parse({ name, text: sql }), serialize.describe({ type: 'S', name }), serialize.sync()]));
    const statement = {
      name,
      paramTypes: parse.parseDescribeStatementResults(messages),
      rowDescription: messages.find((message) => message.name === 'rowDescription'),
    };
    this.byText.set(sql, statement);
    if (this.byText.size > MAX_STATEMENTS) {
      const [oldest, old] = this.byText.entries().next().value!;
      this.byText.delete(oldest);
      this.unused.push(old.name);
    }
    return statement;
  }

  /**
   * Runs `message` (a bind of `statement` and what follows), forgetting the statement if Postgres says
   * it is stale. The answer holds the statement's row description, as if it had been asked for.
   */
  async execute(sql: string, statement: PreparedStatement, message: Uint8Array, send: Send): Promise<BackendMessages> {
    try {
      const messages = await send(message);
      if (!statement.rowDescription) return messages;
      // Just before the rows: a BEGIN sent in front has its own result first.
      const bound = messages.findIndex((m) => m.name === 'bindComplete');
      return bound === -1 ? messages : [...messages.slice(0, bound), statement.rowDescription, ...messages.slice(bound)];
    } catch (error) {
      if (isStalePlan(error) && this.byText.get(sql) === statement) {
        this.byText.delete(sql);
        this.unused.push(statement.name);
      }
      throw error;
    }
  }
}

/** Several protocol messages as one buffer, so PGlite runs them in one call. */
export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
