import { quoteLiteral } from '@cdtt/event-store-postgres';
import * as pg from 'pg';

/**
 * The driver's own conversion of a parameter to its text form (arrays to array literals, Dates,
 * objects to JSON), so an inlined value is the text the extended protocol would have sent.
 * @types/pg does not declare `utils`; the function has been in pg since 2.x.
 */
const { utils } = pg as unknown as { utils: { prepareValue: (this: void, value: unknown) => string | Buffer | null | undefined } };
const prepareValue = utils.prepareValue;

/** One parameter as an SQL literal: NULL, or the driver's text form quoted as `escapeLiteral` does. */
export function sqlLiteral(value: unknown): string {
  const prepared = prepareValue(value);
  if (prepared === null || prepared === undefined) return 'NULL';
  if (Buffer.isBuffer(prepared)) return `'\\x${prepared.toString('hex')}'`;
  return quoteLiteral(prepared);
}

const isIdentifierChar = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9_$]/.test(c);

/** Where the quoted part starting at `i` (', ", E', $tag$, -- or /*) ends; -1 if it is not one. */
function skipQuoted(sql: string, i: number): number {
  const c = sql[i];
  const next = sql[i + 1];
  if (c === "'" || c === '"') {
    // A backslash escapes only in E'' strings; both kinds end at an undoubled quote.
    const escapes = c === "'" && (sql[i - 1] === 'E' || sql[i - 1] === 'e') && !isIdentifierChar(sql[i - 2]);
    for (let j = i + 1; j < sql.length; j += 1) {
      if (escapes && sql[j] === '\\') j += 1;
      else if (sql[j] === c) {
        if (sql[j + 1] !== c) return j + 1;
        j += 1;
      }
    }
    return sql.length;
  }
  if (c === '-' && next === '-') {
    const end = sql.indexOf('\n', i);
    return end === -1 ? sql.length : end;
  }
  if (c === '/' && next === '*') {
    const end = sql.indexOf('*/', i + 2);
    return end === -1 ? sql.length : end + 2;
  }
  if (c === '$' && !isIdentifierChar(sql[i - 1])) {
    const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i));
    if (!tag) return -1;
    const end = sql.indexOf(tag[0], i + tag[0].length);
    return end === -1 ? sql.length : end + tag[0].length;
  }
  return -1;
}

/** A statement cut at its parameters: `chunks[i]`, then the value of `$(slots[i])`, ..., then the last chunk. */
interface Template {
  readonly chunks: readonly string[];
  readonly slots: readonly number[];
}

function parseTemplate(sql: string): Template {
  const chunks: string[] = [];
  const slots: number[] = [];
  let chunk = '';
  let i = 0;
  while (i < sql.length) {
    const end = skipQuoted(sql, i);
    if (end !== -1) {
      chunk += sql.slice(i, end);
      i = end;
      continue;
    }
    const param = sql[i] === '$' && !isIdentifierChar(sql[i - 1]) ? /^\$(\d+)/.exec(sql.slice(i, i + 12)) : null;
    if (param?.[1] === undefined) {
      chunk += sql[i];
      i += 1;
      continue;
    }
    chunks.push(chunk);
    slots.push(Number(param[1]));
    chunk = '';
    i += param[0].length;
  }
  chunks.push(chunk);
  return { chunks, slots };
}

/** Statement texts come from the code (a few hundred at most), so each is cut once; the cap only guards against misuse. */
const templates = new Map<string, Template>();
const MAX_TEMPLATES = 2_000;

function templateOf(sql: string): Template {
  let template = templates.get(sql);
  if (!template) {
    if (templates.size >= MAX_TEMPLATES) templates.clear();
    template = parseTemplate(sql);
    templates.set(sql, template);
  }
  return template;
}

/** How many values `sql` takes: its highest `$n`, as the server counts a prepared statement's parameters. */
export function parameterCount(sql: string): number {
  return templateOf(sql).slots.reduce((max, slot) => Math.max(max, slot), 0);
}

/**
 * The literals of `parameters` for a statement that takes `count` values, comma-separated, for an
 * `EXECUTE name(…)` of the statement prepared from `sql`. Fewer values than it takes is an error,
 * as it would be on the server; more are left out, as `inlineParameters` leaves them.
 */
export function literalList(count: number, parameters: readonly unknown[]): string {
  if (count > parameters.length) throw new RangeError(`no value for parameter $${parameters.length + 1} (${parameters.length} given)`);
  let out = '';
  for (let i = 0; i < count; i += 1) out += (i === 0 ? '' : ', ') + sqlLiteral(parameters[i]);
  return out;
}

/**
 * `sql` with each `$n` outside quotes, identifiers and comments replaced by the literal of
 * `parameters[n - 1]`, for statements sent together in one simple-protocol message. A literal
 * takes its type from its context as a parameter does (an INSERT ... SELECT resolves it to the
 * target column), and the statements this is used for all give their parameters a type by context
 * or cast, as the extended protocol already requires. A `$n` beyond the parameters is an error,
 * as it would be on the server.
 */
export function inlineParameters(sql: string, parameters: readonly unknown[]): string {
  const { chunks, slots } = templateOf(sql);
  let out = chunks[0] ?? '';
  slots.forEach((slot, i) => {
    if (slot < 1 || slot > parameters.length) throw new RangeError(`no value for parameter $${slot} (${parameters.length} given)`);
    out += sqlLiteral(parameters[slot - 1]) + (chunks[i + 1] ?? '');
  });
  return out;
}
