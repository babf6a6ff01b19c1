import { createHash } from 'node:crypto';
import { ownSessionPerConnection } from '@cdtt/event-store-postgres';
import type { DataSource, EntityManager } from 'typeorm';
import { inlineParameters, literalList, parameterCount } from './sql-literals';
import { sqlStateOf } from './sql-executor';

/** Names of the statements prepared for queued writes; kept apart from `PreparedReads`' names. */
export const PREPARED_WRITE_PREFIX = 'cdtt_w_';

/** Between the statements of one message: on a line of its own, so a text ending in a `--` comment cannot swallow it. */
export const STATEMENT_SEPARATOR = '\n;\n';

interface Shape {
  readonly name: string;
  /** How many values an `EXECUTE` of it must give: its highest `$n`. */
  readonly count: number;
}

/**
 * Statement texts come from the projections' code (about a hundred); a text past the cap is sent
 * inlined as before, so a caller that built texts from values could not fill every session.
 */
const MAX_SHAPES = 1_000;
const shapes = new Map<string, Shape>();

/**
 * Texts the server would not prepare, sent inlined from then on. An inlined literal takes its type
 * from each place it appears, a prepared parameter has one type for the whole text: a text that
 * skips a `$n` or uses one value as two types runs inlined but cannot be prepared. Every queued
 * text of the projections prepares (the suites run them all on a server); this keeps a new one
 * that does not from stopping its projection: its first page fails, the retry sends it inlined.
 */
const unpreparable = new Set<string>();

/** SQLSTATE class 42 (syntax error or access rule violation): what analysing a text at `PREPARE` raises. */
const isAnalysisError = (error: unknown): boolean => sqlStateOf(error)?.startsWith('42') === true;

function shapeOf(sql: string): Shape | null {
  if (unpreparable.has(sql)) return null;
  let shape = shapes.get(sql);
  if (!shape) {
    if (shapes.size >= MAX_SHAPES) return null;
    shape = { name: `${PREPARED_WRITE_PREFIX}${createHash('sha256').update(sql).digest('hex').slice(0, 24)}`, count: parameterCount(sql) };
    shapes.set(sql, shape);
  }
  return shape;
}

/**
 * The queued-write statements one database session has prepared (ADR 0022). `PREPARE` is not
 * transactional (a page that rolls back keeps what it prepared), but a failing message stops at its
 * failing statement, so after a failure the session does not know which of the message's
 * `PREPARE`s ran: it reads them back from `pg_prepared_statements` before its next use.
 */
export class PreparedSession {
  private readonly known = new Set<string>();
  private certain = true;

  /** The statement as an `EXECUTE` of its prepared form; `fresh` collects what the message must prepare first. */
  call(sql: string, parameters: readonly unknown[], fresh: Map<string, string>): string {
    const shape = shapeOf(sql);
    if (!shape) return inlineParameters(sql, parameters);
    if (!this.known.has(shape.name)) fresh.set(shape.name, sql);
    return shape.count === 0 ? `EXECUTE ${shape.name}` : `EXECUTE ${shape.name}(${literalList(shape.count, parameters)})`;
  }

  /** Sends a message that begins with the `PREPARE` of each of `fresh`, and records them once it succeeded. */
  async send(manager: EntityManager, statements: readonly string[], fresh: ReadonlyMap<string, string>): Promise<void> {
    const prepares = [...fresh].map(([name, sql]) => `PREPARE ${name} AS ${sql}`);
    try {
      await manager.query([...prepares, ...statements].join(STATEMENT_SEPARATOR));
    } catch (error) {
      this.certain = false;
      // Which statement failed is unknown: every text this message prepared goes inlined from now
      // on (a wrong guess costs only their preparation; a text that is really broken fails inlined too).
      if (isAnalysisError(error)) for (const sql of fresh.values()) unpreparable.add(sql);
      throw error;
    }
    for (const name of fresh.keys()) this.known.add(name);
  }

  async ensureCertain(manager: EntityManager): Promise<void> {
    if (this.certain) return;
    const rows = await manager.query<Array<{ name: string }>>('SELECT name FROM pg_prepared_statements WHERE starts_with(name, $1)', [PREPARED_WRITE_PREFIX]);
    this.known.clear();
    for (const { name } of rows) this.known.add(name);
    this.certain = true;
  }
}

const sessions = new WeakMap<object, PreparedSession>();
const ownSessions = new WeakMap<DataSource, Promise<boolean>>();
const inlinedOnly = new WeakSet<DataSource>();

/**
 * Queued writes on this data source go inlined, never prepared (`PROJECTION_PREPARED_WRITES=false`):
 * behind a transaction-pooling proxy (PgBouncer in transaction mode) a page's transaction may run
 * on another server session than the one that prepared a text. Such proxies can keep protocol-level
 * prepared statements (the event store's and `PreparedReads`'), not SQL `PREPARE`.
 */
export function inlineProjectionWrites(dataSource: DataSource): void {
  inlinedOnly.add(dataSource);
}

/**
 * Whether each connection of the database has a session of its own, decided as the event store's
 * `namedStatementsCheck` decides, but asked on the page's own connection: on PGlite the pool has
 * one, held by the page's transaction, so a check through the pool would wait for ever.
 */
function sessionsOfTheirOwn(manager: EntityManager): Promise<boolean> {
  let answer = ownSessions.get(manager.connection);
  if (!answer) {
    answer = manager.query<Array<{ version?: string }>>('SELECT version() AS version').then((rows) => ownSessionPerConnection(rows[0]?.version ?? ''));
    ownSessions.set(manager.connection, answer);
    answer.catch(() => ownSessions.delete(manager.connection));
  }
  return answer;
}

/**
 * The prepared-statement session of the connection `manager` runs on, or null when its writes are
 * to go inlined: a manager not bound to one connection (each query may take another from the
 * pool), or the embedded PGlite, whose connections share one session where names would collide.
 */
export async function preparedSessionOf(manager: EntityManager): Promise<PreparedSession | null> {
  const connection = (manager.queryRunner as { databaseConnection?: unknown } | undefined)?.databaseConnection;
  if (typeof connection !== 'object' || connection === null) return null;
  if (inlinedOnly.has(manager.connection) || !(await sessionsOfTheirOwn(manager))) return null;
  let session = sessions.get(connection);
  if (!session) {
    session = new PreparedSession();
    sessions.set(connection, session);
  }
  await session.ensureCertain(manager);
  return session;
}

