import { connectionOf, decodeCursor, effectiveAtOf, encodeCursor, fromGlobalId, isLocalDate, localDateOf, toGlobalId } from '@cdtt/platform';

describe('GraphQL kit', () => {
  it('round-trips global ids and refuses foreign ones', () => {
    const id = toGlobalId('Team', '0190a1b2-0000-7000-8000-000000000001');
    expect(fromGlobalId(id)).toEqual({ typeName: 'Team', localId: '0190a1b2-0000-7000-8000-000000000001' });
    expect(fromGlobalId('not base64 !')).toBeNull();
    expect(fromGlobalId(Buffer.from('v2:Team:x').toString('base64url'))).toBeNull();
  });

  it('round-trips cursors and refuses garbage', () => {
    expect(decodeCursor(encodeCursor(['Tổ 1', 'id-1']))).toEqual(['Tổ 1', 'id-1']);
    expect(decodeCursor('%%%')).toBeNull();
    expect(decodeCursor(Buffer.from('{"a":1}').toString('base64url'))).toBeNull();
  });

  it('builds a page of a connection, with cursors only for the edges a query reads', () => {
    const cursorsMade: string[] = [];
    const rows = ['a', 'b', 'c'];
    const page = connectionOf(rows, 2, 7, (row) => ({ name: row.toUpperCase() }), (row) => (cursorsMade.push(row), [row]), true);
    expect(page.nodes).toEqual([{ name: 'A' }, { name: 'B' }]);
    expect(page.totalCount).toBe(7);
    expect(page.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true, startCursor: encodeCursor(['a']), endCursor: encodeCursor(['b']) });
    // Read through nodes: the first and last cursor only.
    expect(cursorsMade).toEqual(['a', 'b']);
    expect(page.edges).toEqual([
      { cursor: encodeCursor(['a']), node: { name: 'A' } },
      { cursor: encodeCursor(['b']), node: { name: 'B' } },
    ]);
    expect(page.edges).toBe(page.edges);
    expect(page.edges[0]?.node).toBe(page.nodes[0]);
    const empty = connectionOf([], 2, 0, (row: string) => row, (row) => [row]);
    expect([empty.edges, empty.pageInfo.startCursor, empty.pageInfo.endCursor, empty.pageInfo.hasNextPage]).toEqual([[], null, null, false]);
  });

  it('accepts only real calendar dates', () => {
    expect(isLocalDate('2024-02-29')).toBe(true);
    expect(isLocalDate('2025-02-29')).toBe(false);
    expect(isLocalDate('2025-13-01')).toBe(false);
    expect(isLocalDate('2025-7-1')).toBe(false);
    expect(isLocalDate(20250701)).toBe(false);
  });

  it('takes decisions effect at midnight in Vietnam', () => {
    expect(effectiveAtOf('2025-07-01')).toBe('2025-06-30T17:00:00.000Z');
    expect(localDateOf(new Date('2025-06-30T17:00:00.000Z'))).toBe('2025-07-01');
    expect(localDateOf(new Date('2025-06-30T16:59:59.999Z'))).toBe('2025-06-30');
    expect(() => effectiveAtOf('2025-02-30')).toThrow(RangeError);
  });
});
