import { parseTokenRequest } from './token-request';

const basic = (id: string, secret: string): string => `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;

describe('token request (RFC 6749 client credentials)', () => {
  it('reads credentials from the body (form or JSON)', () => {
    expect(parseTokenRequest({ grant_type: 'client_credentials', client_id: 'c', client_secret: 's' }, undefined)).toEqual({ ok: true, clientId: 'c', clientSecret: 's', basic: false });
  });

  it('reads credentials from HTTP Basic, form-decoded', () => {
    expect(parseTokenRequest({ grant_type: 'client_credentials' }, basic('c', 'a+b/c=='))).toEqual({ ok: true, clientId: 'c', clientSecret: 'a+b/c==', basic: true });
  });

  it('answers the RFC error codes', () => {
    expect(parseTokenRequest({}, undefined)).toMatchObject({ ok: false, error: 'invalid_request' });
    expect(parseTokenRequest({ grant_type: 'password' }, undefined)).toMatchObject({ ok: false, error: 'unsupported_grant_type' });
    expect(parseTokenRequest({ grant_type: 'client_credentials', client_id: 'c' }, undefined)).toMatchObject({ ok: false, error: 'invalid_request' });
    expect(parseTokenRequest({ grant_type: 'client_credentials', client_secret: 's' }, basic('c', 's'))).toMatchObject({ ok: false, error: 'invalid_request' });
    expect(parseTokenRequest({ grant_type: 'client_credentials' }, 'Basic bm9jb2xvbg==')).toMatchObject({ ok: false, error: 'invalid_client' });
    expect(parseTokenRequest(['grant_type'], undefined)).toMatchObject({ ok: false, error: 'invalid_request' });
  });
});
