import { trustProxySetting } from './trust-proxy';

describe('TRUST_PROXY', () => {
  it('ignores X-Forwarded-For unless set, since any caller could forge one to dodge a rate limit', () => {
    expect(trustProxySetting(undefined)).toBeNull();
    expect(trustProxySetting('')).toBeNull();
    expect(trustProxySetting(' false ')).toBeNull();
  });

  it("reads Express's forms: true, a hop count, addresses and subnets", () => {
    expect(trustProxySetting('true')).toBe(true);
    expect(trustProxySetting('1')).toBe(1);
    expect(trustProxySetting('loopback, 10.0.0.0/8')).toBe('loopback, 10.0.0.0/8');
  });
});
