/** An HMAC key for access tokens, named by the `kid` header so keys can rotate without downtime. */
export interface SigningKey {
  readonly kid: string;
  readonly secret: Buffer;
}

/** HS256 keys shorter than the hash output weaken it (RFC 7518 §3.2). */
export const MIN_SIGNING_KEY_BYTES = 32;

// Starts with a letter: JavaScript reorders integer-like JSON object keys, which would change which key signs.
const KID_PATTERN = /^[A-Za-z][A-Za-z0-9._-]{0,63}$/;
const BASE64_PATTERN = /^[A-Za-z0-9+/_-]+={0,2}$/;

/**
 * Parses `AUTH_SIGNING_KEYS`: JSON (`{"k2":"<base64>","k1":"<base64>"}` or
 * `[{"kid":"k2","secret":"<base64>"}]`) or `k2:<base64>,k1:<base64>`. The FIRST key signs; every
 * key verifies, so a rotation prepends the new key and drops the old one after the token lifetime.
 * Problems never quote the secrets.
 */
export function parseSigningKeys(raw: string, problems: string[]): SigningKey[] {
  const entries = raw.trimStart().startsWith('{') || raw.trimStart().startsWith('[') ? jsonEntries(raw, problems) : listEntries(raw, problems);
  const keys: SigningKey[] = [];
  for (const [kid, encoded] of entries) {
    if (!KID_PATTERN.test(kid)) {
      problems.push('AUTH_SIGNING_KEYS: a key id must start with a letter and have at most 64 letters, digits, ".", "_" or "-"');
      continue;
    }
    if (keys.some((key) => key.kid === kid)) {
      problems.push(`AUTH_SIGNING_KEYS: key id "${kid}" appears twice`);
      continue;
    }
    const secret = BASE64_PATTERN.test(encoded) ? Buffer.from(encoded, encoded.includes('-') || encoded.includes('_') ? 'base64url' : 'base64') : null;
    if (secret === null || secret.length < MIN_SIGNING_KEY_BYTES) {
      problems.push(`AUTH_SIGNING_KEYS: key "${kid}" must be base64 of at least ${MIN_SIGNING_KEY_BYTES} random bytes`);
      continue;
    }
    keys.push({ kid, secret });
  }
  if (entries.length === 0 && problems.length === 0) problems.push('AUTH_SIGNING_KEYS: no key given');
  return keys;
}

function listEntries(raw: string, problems: string[]): Array<[string, string]> {
  const entries: Array<[string, string]> = [];
  for (const part of raw.split(',').map((p) => p.trim()).filter((p) => p.length > 0)) {
    const colon = part.indexOf(':');
    if (colon <= 0) {
      problems.push('AUTH_SIGNING_KEYS must be JSON or a list of kid:base64secret separated by commas');
      return [];
    }
    entries.push([part.slice(0, colon), part.slice(colon + 1)]);
  }
  return entries;
}

function jsonEntries(raw: string, problems: string[]): Array<[string, string]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    problems.push('AUTH_SIGNING_KEYS is not valid JSON');
    return [];
  }
  if (Array.isArray(parsed)) {
    const entries = parsed.map((item: unknown) => {
      const { kid, secret } = (typeof item === 'object' && item !== null ? item : {}) as { kid?: unknown; secret?: unknown };
      return typeof kid === 'string' && typeof secret === 'string' ? ([kid, secret] as [string, string]) : null;
    });
    if (entries.some((entry) => entry === null)) {
      problems.push('AUTH_SIGNING_KEYS: each JSON array item must be {"kid": "...", "secret": "<base64>"}');
      return [];
    }
    return entries as Array<[string, string]>;
  }
  if (typeof parsed === 'object' && parsed !== null && Object.values(parsed).every((v) => typeof v === 'string')) {
    return Object.entries(parsed as Record<string, string>);
  }
  problems.push('AUTH_SIGNING_KEYS: JSON must be an object {"kid": "<base64>"} or an array of {kid, secret}');
  return [];
}
