import { canonicalJson } from '@cdtt/event-sourcing';

describe('canonicalJson (RFC 8785)', () => {
  it('sorts keys by UTF-16 code units and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], A: {} })).toBe('{"A":{},"a":[true,null,"x"],"b":1}');
    // U+20AC (€) sorts before U+FB33 but after "\r" by code unit, as in the RFC's example.
    expect(canonicalJson({ '\u20ac': 1, '\r': 2, '\ufb33': 3, '1': 4 })).toBe('{"\\r":2,"1":4,"\u20ac":1,"\ufb33":3}');
  });

  it('serialises numbers in shortest ECMAScript form', () => {
    expect(canonicalJson([1.0, 1e21, 1e-7, -0, 0.1 + 0.2, 333333333.3333333])).toBe(
      '[1,1e+21,1e-7,0,0.30000000000000004,333333333.3333333]',
    );
  });

  it('is independent of key insertion order and Unicode text is kept', () => {
    expect(canonicalJson({ x: 'Tổ CNSCĐ', y: { d: 1, c: 2 } })).toBe(canonicalJson({ y: { c: 2, d: 1 }, x: 'Tổ CNSCĐ' }));
  });

  it('refuses what JSON cannot carry', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
    expect(() => canonicalJson(() => 1)).toThrow(TypeError);
  });
});
