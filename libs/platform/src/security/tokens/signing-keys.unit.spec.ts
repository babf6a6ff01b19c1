import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ConfigError, loadConfig } from '../../config/config';
import { resolveSigningKeys, SIGNING_KEY_FILE } from './signing-key-file';
import { parseSigningKeys } from './signing-keys';

const secret = (): string => randomBytes(32).toString('base64');
const problemsOf = (env: Record<string, string>): readonly string[] => {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    return (error as ConfigError).problems;
  }
};

describe('AUTH_SIGNING_KEYS', () => {
  it('reads kid:base64 lists and JSON, in order (the first signs)', () => {
    const [a, b] = [secret(), secret()];
    for (const raw of [`k2:${a}, k1:${b}`, JSON.stringify({ k2: a, k1: b }), JSON.stringify([{ kid: 'k2', secret: a }, { kid: 'k1', secret: b }])]) {
      const problems: string[] = [];
      expect(parseSigningKeys(raw, problems).map((k) => [k.kid, k.secret.toString('base64')])).toEqual([['k2', a], ['k1', b]]);
      expect(problems).toEqual([]);
    }
  });

  it('accepts base64url secrets', () => {
    const raw = randomBytes(32).toString('base64url');
    expect(parseSigningKeys(`k1:${raw}`, [])[0]?.secret).toEqual(Buffer.from(raw, 'base64url'));
  });

  it('refuses short keys, duplicate or numeric ids and bad JSON without echoing secrets', () => {
    const short = randomBytes(16).toString('base64');
    const problems: string[] = [];
    parseSigningKeys(`k1:${short},k1:${secret()},1:${secret()}`, problems);
    expect(problems).toEqual([
      'AUTH_SIGNING_KEYS: key "k1" must be base64 of at least 32 random bytes',
      'AUTH_SIGNING_KEYS: a key id must start with a letter and have at most 64 letters, digits, ".", "_" or "-"',
    ]);
    expect(problems.join(' ')).not.toContain(short);
    expect(problemsOf({ AUTH_SIGNING_KEYS: '{not json' })).toEqual(['AUTH_SIGNING_KEYS is not valid JSON']);
    expect(problemsOf({ AUTH_SIGNING_KEYS: 'nocolon' })).toEqual(['AUTH_SIGNING_KEYS must be JSON or a list of kid:base64secret separated by commas']);
  });
});

describe('loadConfig: authentication', () => {
  it('defaults to optional authentication and a generated local key', () => {
    expect(loadConfig({}).auth).toEqual({ signingKeys: null, required: false, bootstrapAdmin: null });
  });

  it('refuses to run in production without signing keys', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([
      'AUTH_SIGNING_KEYS is required when NODE_ENV=production (e.g. k1:<base64 of 32 random bytes>)',
    ]);
    expect(loadConfig({ NODE_ENV: 'production', AUTH_SIGNING_KEYS: `k1:${secret()}` }).production).toBe(true);
  });

  it('requires a token by default in production, unless told otherwise', () => {
    const keys = `k1:${secret()}`;
    expect(loadConfig({ NODE_ENV: 'production', AUTH_SIGNING_KEYS: keys }).auth.required).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production', AUTH_SIGNING_KEYS: keys, AUTH_REQUIRED: 'false' }).auth.required).toBe(false);
  });

  it('reads AUTH_REQUIRED and the bootstrap admin, never echoing its secret', () => {
    const config = loadConfig({ AUTH_REQUIRED: 'true', BOOTSTRAP_ADMIN_CLIENT_ID: '0190B9F0-0000-7000-8000-000000000001', BOOTSTRAP_ADMIN_SECRET: 'a'.repeat(43) });
    expect(config.auth).toMatchObject({ required: true, bootstrapAdmin: { clientId: '0190b9f0-0000-7000-8000-000000000001', secret: 'a'.repeat(43) } });
    expect(problemsOf({ BOOTSTRAP_ADMIN_CLIENT_ID: 'admin', BOOTSTRAP_ADMIN_SECRET: 'short-secret' })).toEqual([
      'BOOTSTRAP_ADMIN_CLIENT_ID must be a UUID',
      'BOOTSTRAP_ADMIN_SECRET must be at least 32 characters (openssl rand -base64 32)',
    ]);
    expect(problemsOf({ BOOTSTRAP_ADMIN_SECRET: 'a'.repeat(43) })).toEqual(['BOOTSTRAP_ADMIN_CLIENT_ID and BOOTSTRAP_ADMIN_SECRET go together: set both or neither']);
    expect(problemsOf({ AUTH_REQUIRED: 'sometimes' })).toEqual(['AUTH_REQUIRED must be true or false (got "sometimes")']);
  });
});

describe('the local signing key file', () => {
  it('is generated once under DATA_DIR (owner-only) and reused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cdtt-keys-'));
    try {
      const warnings: string[] = [];
      const first = resolveSigningKeys(loadConfig({ DATA_DIR: dir }), (m) => warnings.push(m));
      const second = resolveSigningKeys(loadConfig({ DATA_DIR: dir }), (m) => warnings.push(m));
      expect(second).toEqual(first);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).not.toContain(first[0]?.secret.toString('base64url'));
      expect(statSync(join(dir, SIGNING_KEY_FILE)).mode & 0o777).toBe(0o600);
      expect(readFileSync(join(dir, SIGNING_KEY_FILE), 'utf8')).toMatch(/^local:[A-Za-z0-9_-]{43}\n$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is not used when keys are configured', () => {
    const configured = `k9:${secret()}`;
    expect(resolveSigningKeys(loadConfig({ AUTH_SIGNING_KEYS: configured, DATA_DIR: '/nonexistent' }), () => undefined).map((k) => k.kid)).toEqual(['k9']);
  });
});
