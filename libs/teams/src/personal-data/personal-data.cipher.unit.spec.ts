import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPersonalDataMasterKey, MASTER_KEY_FILE } from './master-key.loader';
import { newDataKey, openFields, sealFields, unwrapKey, wrapKey, type PersonalFields } from './personal-data.cipher';

const fields: PersonalFields = { fullName: 'Nguyễn Thị Hoa', phone: '0912345678', birthYear: 1998, gender: 'FEMALE' };

describe('personal data cipher (AES-256-GCM)', () => {
  it('seals and opens, with no plain field in the sealed form', () => {
    const key = newDataKey();
    const sealed = sealFields(key, 'p1', fields);
    // Only base64 of random-looking bytes: no plain field in the clear, nor in the decoded bytes.
    // (Matching the base64 text itself failed about once in a thousand runs: random base64 holds "Hoa".)
    expect(Object.keys(sealed).sort()).toEqual(['alg', 'ciphertext', 'iv', 'tag']);
    const bytes = Buffer.from(sealed.ciphertext, 'base64');
    for (const plain of ['Hoa', '0912345678', '1998', 'FEMALE']) expect(bytes.includes(Buffer.from(plain, 'utf8'))).toBe(false);
    expect(bytes.length).toBeGreaterThanOrEqual(Buffer.byteLength(JSON.stringify(fields)));
    expect(openFields(key, 'p1', sealed)).toEqual(fields);
  });

  it('uses a fresh nonce each time', () => {
    const key = newDataKey();
    expect(sealFields(key, 'p1', fields).ciphertext).not.toBe(sealFields(key, 'p1', fields).ciphertext);
  });

  it('refuses another key, another person, or a tampered blob', () => {
    const key = newDataKey();
    const sealed = sealFields(key, 'p1', fields);
    expect(() => openFields(newDataKey(), 'p1', sealed)).toThrow();
    expect(() => openFields(key, 'p2', sealed)).toThrow();
    const bytes = Buffer.from(sealed.ciphertext, 'base64');
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    expect(() => openFields(key, 'p1', { ...sealed, ciphertext: bytes.toString('base64') })).toThrow();
  });

  it('wraps data keys with the master key, bound to the person', () => {
    const master = randomBytes(32);
    const key = newDataKey();
    const wrapped = wrapKey(master, 'p1', key);
    expect(unwrapKey(master, 'p1', wrapped).equals(key)).toBe(true);
    expect(() => unwrapKey(master, 'p2', wrapped)).toThrow();
    expect(() => unwrapKey(randomBytes(32), 'p1', wrapped)).toThrow();
  });
});

describe('personal data master key', () => {
  const dataDir = (): string => mkdtempSync(join(tmpdir(), 'cdtt-key-'));

  it('reads PERSONAL_DATA_MASTER_KEY (base64, 32 bytes)', () => {
    const key = randomBytes(32);
    const loaded = loadPersonalDataMasterKey({ env: { PERSONAL_DATA_MASTER_KEY: key.toString('base64') }, dataDir: dataDir(), onWarning: () => undefined });
    expect(loaded.equals(key)).toBe(true);
    expect(() =>
      loadPersonalDataMasterKey({ env: { PERSONAL_DATA_MASTER_KEY: 'c2hvcnQ=' }, dataDir: dataDir(), onWarning: () => undefined }),
    ).toThrow(/32 bytes/);
  });

  it('is required in production', () => {
    expect(() => loadPersonalDataMasterKey({ env: { NODE_ENV: 'production' }, dataDir: dataDir(), onWarning: () => undefined })).toThrow(
      /required in production/,
    );
  });

  it('outside production, generates a key file once, warns, and reuses it', () => {
    const dir = dataDir();
    const warnings: string[] = [];
    const first = loadPersonalDataMasterKey({ env: {}, dataDir: dir, onWarning: (m) => warnings.push(m) });
    const again = loadPersonalDataMasterKey({ env: {}, dataDir: dir, onWarning: (m) => warnings.push(m) });
    expect(again.equals(first)).toBe(true);
    expect(warnings).toHaveLength(1);
    expect(readFileSync(join(dir, MASTER_KEY_FILE), 'utf8')).toBe(first.toString('base64'));
    expect(statSync(join(dir, MASTER_KEY_FILE)).mode & 0o777).toBe(0o600);
  });
});
