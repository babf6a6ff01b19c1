import { decodePosition, encodePosition } from './positions';

describe('positions', () => {
  it('sort as strings exactly as (tx_id, global_position) sort as numbers', () => {
    const points: Array<[bigint, bigint]> = [
      [9n, 10n],
      [10n, 2n],
      [10n, 11n],
      [99n, 1n],
      [100n, 100n],
      [2n ** 32n + 5n, 7n], // an xid8 past the first epoch
      [2n ** 64n - 1n, 2n ** 63n - 1n],
    ];
    const encoded = points.map(([tx, global]) => encodePosition(tx.toString(), global.toString()));
    expect([...encoded].sort()).toEqual(encoded);
  });

  it('round-trip, stripping the leading zeros PostgreSQL would read as octal', () => {
    const position = encodePosition('123', '45');
    expect(position).toBe('00000000000000000123-0000000000000000045');
    expect(decodePosition(position)).toEqual({ txId: '123', globalPosition: '45' });
  });

  it('refuse anything else', () => {
    expect(() => decodePosition('0000000000000042')).toThrow(RangeError);
    expect(() => decodePosition('00000000000000000123-000000000000000004x')).toThrow(RangeError);
    expect(() => encodePosition('-1', '2')).toThrow(RangeError);
  });
});
