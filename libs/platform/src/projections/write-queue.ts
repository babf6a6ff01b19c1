import type { EntityManager } from 'typeorm';
import { preparedSessionOf, STATEMENT_SEPARATOR, type PreparedSession } from './prepared-writes';
import { inlineParameters } from './sql-literals';
import type { SqlExecutor } from './sql-executor';

/**
 * Queued statements are sent once they reach this many characters, so a page of large rows
 * (activities carry JSON) never builds one enormous message.
 */
const FLUSH_AT_CHARS = 512 * 1024;

/**
 * A page's writes, sent many to a message. A projection handler issues a few statements per event
 * whose results it never reads; sent one by one, each costs a round trip, the driver's and
 * TypeORM's work per query, and a wake-up of the server, and on two cores that overhead, not the
 * SQL, set the catch-up rate (ADR 0017). Queued statements go with their values inlined as
 * literals, in order, as one simple-protocol message of many statements inside the page's
 * transaction: the server runs the same statements in the same order.
 *
 * On a connection of its own (a page's transaction on a server), each statement text is prepared
 * once per session and queued as `EXECUTE name(literals)` (ADR 0022): the server then parses and
 * analyses each text once, not once per event, and may keep its plan. Elsewhere the values are
 * inlined into the text.
 */
class WriteQueue {
  private statements: string[] = [];
  /** Statements the next message must prepare before its `EXECUTE`s: name → text. */
  private fresh = new Map<string, string>();
  private chars = 0;
  /** undefined until the first write: whether this connection's session keeps prepared statements. */
  private session: PreparedSession | null | undefined;

  constructor(private readonly target: EntityManager) {}

  async add(sql: string, parameters: readonly unknown[]): Promise<void> {
    if (this.session === undefined) this.session = await preparedSessionOf(this.target);
    const statement = this.session ? this.session.call(sql, parameters, this.fresh) : inlineParameters(sql, parameters);
    this.statements.push(statement);
    this.chars += statement.length;
    if (this.chars >= FLUSH_AT_CHARS) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.statements.length === 0) return;
    const { statements, fresh } = this;
    this.statements = [];
    this.fresh = new Map();
    this.chars = 0;
    // No parameters: the driver sends a simple query, which may hold many statements.
    if (this.session) await this.session.send(this.target, statements, fresh);
    else await this.target.query(statements.join(STATEMENT_SEPARATOR));
  }
}

const queues = new WeakMap<object, WriteQueue>();

/**
 * Runs `work` with a manager whose writes through `queueSql` are queued; its `query` sends what is
 * queued first, so a handler's read sees every earlier write. What is still queued is sent before
 * this resolves. Nested calls (a wrapper applying runs of a page) share the outer queue.
 */
export async function withWriteQueue<T>(manager: EntityManager, work: (queued: EntityManager) => Promise<T>): Promise<T> {
  if (queues.has(manager)) return work(manager);
  const queue = new WriteQueue(manager);
  const queued = new Proxy(manager, {
    get(target, property, receiver) {
      if (property === 'query') {
        return async (sql: string, parameters?: unknown[]): Promise<unknown> => {
          await queue.flush();
          return target.query(sql, parameters);
        };
      }
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
  queues.set(queued, queue);
  const result = await work(queued);
  await queue.flush();
  return result;
}

/**
 * A write whose result the caller does not need (no RETURNING, no row count): queued when the
 * manager comes from `withWriteQueue`, run at once otherwise. It runs before the next read on the
 * same manager and before the page commits; an error in it surfaces there and fails the page.
 */
export async function queueSql(manager: SqlExecutor, sql: string, parameters: readonly unknown[] = []): Promise<void> {
  const queue = queues.get(manager);
  if (queue) return queue.add(sql, parameters);
  await manager.query(sql, [...parameters]);
}
