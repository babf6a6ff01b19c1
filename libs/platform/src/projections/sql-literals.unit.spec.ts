import * as pg from 'pg';
import { inlineParameters, sqlLiteral } from './sql-literals';

describe('sqlLiteral', () => {
  it('quotes text, doubling quotes and escaping backslashes (as the driver does, with a space before E)', () => {
    expect(sqlLiteral("Hà Nội's")).toBe("'Hà Nội''s'");
    expect(sqlLiteral('a\\b')).toBe(" E'a\\\\b'");
  });

  it("gives the driver's escapeLiteral text for quotes, backslashes and both, long or short", () => {
    const texts = ["", "'", "\\", "\\'", "a''b\\\\c", `{"note":"it's \\"fine\\""}`, "x".repeat(10_000) + "'\\"];
    for (const text of texts) expect(sqlLiteral(text)).toBe(pg.escapeLiteral(text));
  });

  it('writes null and undefined as NULL, numbers and booleans as their text', () => {
    expect(sqlLiteral(null)).toBe('NULL');
    expect(sqlLiteral(undefined)).toBe('NULL');
    expect(sqlLiteral(42)).toBe("'42'");
    expect(sqlLiteral(true)).toBe("'true'");
  });

  it('writes arrays as array literals, nulls and quotes included, as the driver sends them', () => {
    expect(sqlLiteral(['a', 'b"c', null])).toBe(String.raw` E'{"a","b\\"c",NULL}'`);
    expect(sqlLiteral([1, 2])).toBe(`'{"1","2"}'`);
  });

  it('writes objects as JSON and buffers as bytea hex', () => {
    expect(sqlLiteral({ on: '2025-07-01' })).toBe(`'{"on":"2025-07-01"}'`);
    expect(sqlLiteral(Buffer.from([0, 255]))).toBe("'\\x00ff'");
  });
});

describe('inlineParameters', () => {
  it('replaces each $n by its value, $10 apart from $1', () => {
    const values = ['one', 2, 3, 4, 5, 6, 7, 8, 9, 'ten'];
    expect(inlineParameters('SELECT $1, $10, $2::int', values)).toBe("SELECT 'one', 'ten', '2'::int");
  });

  it('leaves $n alone inside strings, quoted identifiers, comments and dollar quotes', () => {
    const sql = `SELECT '$1', "$1", $$ $1 $$, $tag$ $1 $tag$, E'\\' $1', $1 -- $1\n/* $1 */`;
    expect(inlineParameters(sql, ['x'])).toBe(`SELECT '$1', "$1", $$ $1 $$, $tag$ $1 $tag$, E'\\' $1', 'x' -- $1\n/* $1 */`);
  });

  it('leaves a $ inside an identifier alone', () => {
    expect(inlineParameters('SELECT a$1 FROM t WHERE b = $1', ['x'])).toBe("SELECT a$1 FROM t WHERE b = 'x'");
  });

  it('refuses a parameter it has no value for', () => {
    expect(() => inlineParameters('SELECT $2', ['x'])).toThrow('no value for parameter $2 (1 given)');
  });
});
