import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FieldworkErrors } from './fieldwork.errors';

describe('field-work error codes', () => {
  it('are each documented in docs/errors.md', () => {
    const text = readFileSync(join(__dirname, '../../../../docs/errors.md'), 'utf8');
    const documented = new Set([...text.matchAll(/^\| `([A-Z][A-Z0-9_]*)`/gm)].map((m) => m[1]));
    const codes = Object.values(FieldworkErrors).map((make) => (make as (...args: string[]) => { code: string })('x', 'y').code);
    expect(codes.filter((code) => !documented.has(code))).toEqual([]);
  });
});
