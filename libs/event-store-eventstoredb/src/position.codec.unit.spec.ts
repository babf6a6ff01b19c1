import { decodePosition, encodePosition } from './position.codec';

describe('EventStoreDB position codec', () => {
  it('round-trips commit and prepare, up to 2^64 - 1', () => {
    const max = 2n ** 64n - 1n;
    for (const position of [
      { commit: 0n, prepare: 0n },
      { commit: 1_234n, prepare: 1_200n },
      { commit: max, prepare: max },
    ]) {
      expect(decodePosition(encodePosition(position))).toEqual(position);
    }
  });

  it('sorts as strings exactly as the log orders positions (commit, then prepare)', () => {
    const positions = [
      { commit: 10n, prepare: 9n },
      { commit: 9n, prepare: 9n },
      { commit: 100n, prepare: 5n },
      { commit: 10n, prepare: 10n },
      { commit: 2n ** 63n, prepare: 0n },
    ];
    const byLog = [...positions].sort((a, b) =>
      a.commit === b.commit ? Number(a.prepare - b.prepare) : a.commit < b.commit ? -1 : 1,
    );
    const byString = positions.map(encodePosition).sort();
    expect(byString).toEqual(byLog.map(encodePosition));
  });

  it('refuses a position another store produced', () => {
    expect(() => decodePosition('0000000000000042')).toThrow(/Not an EventStoreDB position/);
  });
});
