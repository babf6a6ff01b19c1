import { DEFER_INDEXES_AFTER_EVENTS } from '../projections/projection-runner';
import { parseSigningKeys, type SigningKey } from '../security/tokens/signing-keys';

/** Who may call the API and how tokens are signed (security issue). */
export interface AuthConfig {
  /** From AUTH_SIGNING_KEYS, the first signs; null = a generated key file under DATA_DIR (never in production). */
  readonly signingKeys: readonly SigningKey[] | null;
  /** AUTH_REQUIRED: refuse /graphql calls without a token (default: true in production, else false). */
  readonly required: boolean;
  /** An admin client registered at start when absent, so a fresh deployment can mint credentials. */
  readonly bootstrapAdmin: { readonly clientId: string; readonly secret: string } | null;
}

/**
 * Process configuration, read once from the environment and validated at start: a bad value
 * stops the process with one clear line per problem instead of failing later and obscurely.
 */
export interface AppConfig {
  /** PostgreSQL server for read models (and events, unless EventStoreDB is configured); null = embedded. */
  readonly databaseUrl: string | null;
  /** Where the embedded PostgreSQL keeps its files when databaseUrl is null. */
  readonly dataDir: string;
  /** When set, events go to EventStoreDB; read models stay in PostgreSQL. */
  readonly eventStoreConnectionString: string | null;
  readonly port: number;
  readonly host: string;
  /** Run the projector inside the API process (the single-machine default). */
  readonly runProjector: boolean;
  /** The projections a projector process runs (`PROJECTIONS`); null: every one. */
  readonly projections: readonly string[] | null;
  /** `PROJECTION_SHARED_READ`: the runners of a projector process cut their pages from one reader (ADR 0018). */
  readonly projectionSharedRead: boolean;
  /**
   * `PROJECTION_PREPARED_WRITES`: queued projection writes prepared once per session (ADR 0022);
   * off behind a transaction-pooling proxy, which keeps no SQL `PREPARE` across transactions.
   */
  readonly projectionPreparedWrites: boolean;
  /**
   * `PROJECTION_DEFER_INDEXES_AFTER`: events a catch-up from the start of the log reads before it
   * drops its projections' query-only indexes until the head (ADR 0025); `never` keeps them.
   */
  readonly projectionDeferIndexesAfter: number;
  readonly poolSize: number;
  /** NODE_ENV=production: stricter start (signing keys must be configured). */
  readonly production: boolean;
  readonly auth: AuthConfig;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

type Env = Readonly<Record<string, string | undefined>>;

export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const text = (name: string): string | null => {
    const value = env[name]?.trim();
    return value ? value : null;
  };

  const databaseUrl = text('DATABASE_URL');
  if (databaseUrl !== null && !/^postgres(ql)?:\/\/[^\s]+$/.test(databaseUrl)) {
    problems.push('DATABASE_URL must look like postgres://user[:password]@host:port/database');
  }
  const eventStore = text('EVENTSTORE_CONNECTION_STRING');
  if (eventStore !== null && !/^(esdb|esdb\+discover|kurrentdb|kurrentdb\+discover|kdb):\/\/[^\s]+$/.test(eventStore)) {
    problems.push('EVENTSTORE_CONNECTION_STRING must look like esdb://host:2113?tls=false');
  }
  const port = integer(text('PORT') ?? '3000', 'PORT', 1, 65_535, problems);
  const poolSize = integer(text('DATABASE_POOL_SIZE') ?? '10', 'DATABASE_POOL_SIZE', 1, 200, problems);
  const runProjector = boolean(text('RUN_PROJECTOR') ?? 'true', 'RUN_PROJECTOR', problems);
  const projections = projectionNames(text('PROJECTIONS'), problems);
  const projectionSharedRead = boolean(text('PROJECTION_SHARED_READ') ?? 'true', 'PROJECTION_SHARED_READ', problems);
  const projectionPreparedWrites = boolean(text('PROJECTION_PREPARED_WRITES') ?? 'true', 'PROJECTION_PREPARED_WRITES', problems);
  const deferIndexes = text('PROJECTION_DEFER_INDEXES_AFTER') ?? String(DEFER_INDEXES_AFTER_EVENTS);
  const projectionDeferIndexesAfter = deferIndexes === 'never' ? Infinity : integer(deferIndexes, 'PROJECTION_DEFER_INDEXES_AFTER', 1, 1_000_000_000, problems);
  const production = text('NODE_ENV') === 'production';
  const auth = authConfig(text, production, problems);

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    databaseUrl,
    dataDir: text('DATA_DIR') ?? '.data',
    eventStoreConnectionString: eventStore,
    port,
    host: text('HOST') ?? '0.0.0.0',
    runProjector,
    projections,
    projectionSharedRead,
    projectionPreparedWrites,
    projectionDeferIndexesAfter,
    // The embedded PostgreSQL serialises all work on one backend: more connections only queue.
    poolSize: databaseUrl === null ? 1 : poolSize,
    production,
    auth,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/** A bootstrap secret must be as strong as a generated one (32 random bytes, base64url). */
const MIN_BOOTSTRAP_SECRET_LENGTH = 32;

function authConfig(text: (name: string) => string | null, production: boolean, problems: string[]): AuthConfig {
  const rawKeys = text('AUTH_SIGNING_KEYS');
  const signingKeys = rawKeys === null ? null : parseSigningKeys(rawKeys, problems);
  if (rawKeys === null && production) {
    problems.push('AUTH_SIGNING_KEYS is required when NODE_ENV=production (e.g. k1:<base64 of 32 random bytes>)');
  }
  // Secure where it matters: production refuses anonymous calls unless told otherwise; elsewhere
  // (a laptop, the embedded default, tests) the anonymous admin keeps a first session simple.
  const required = boolean(text('AUTH_REQUIRED') ?? (production ? 'true' : 'false'), 'AUTH_REQUIRED', problems);
  const clientId = text('BOOTSTRAP_ADMIN_CLIENT_ID')?.toLowerCase() ?? null;
  const secret = text('BOOTSTRAP_ADMIN_SECRET');
  if ((clientId === null) !== (secret === null)) {
    problems.push('BOOTSTRAP_ADMIN_CLIENT_ID and BOOTSTRAP_ADMIN_SECRET go together: set both or neither');
  }
  if (clientId !== null && !UUID.test(clientId)) problems.push('BOOTSTRAP_ADMIN_CLIENT_ID must be a UUID');
  // The secret itself is never echoed, only what is wrong with it.
  if (secret !== null && secret.length < MIN_BOOTSTRAP_SECRET_LENGTH) {
    problems.push(`BOOTSTRAP_ADMIN_SECRET must be at least ${MIN_BOOTSTRAP_SECRET_LENGTH} characters (openssl rand -base64 32)`);
  }
  return { signingKeys, required, bootstrapAdmin: clientId !== null && secret !== null ? { clientId, secret } : null };
}

/** `PROJECTIONS`: comma-separated versioned names (`teams_v1,fieldwork_v1`); whether each exists is the projector's check. */
function projectionNames(raw: string | null, problems: string[]): readonly string[] | null {
  if (raw === null) return null;
  const names = raw.split(',').map((name) => name.trim()).filter((name) => name.length > 0);
  const malformed = names.filter((name) => !/^[a-z][a-z0-9_]*_v\d+$/.test(name));
  if (names.length === 0 || malformed.length > 0) {
    problems.push(`PROJECTIONS must list projection names separated by commas, e.g. teams_v1,fieldwork_v1 (got "${raw}")`);
    return null;
  }
  return [...new Set(names)];
}

function integer(raw: string, name: string, min: number, max: number, problems: string[]): number {
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
    return min;
  }
  return value;
}

function boolean(raw: string, name: string, problems: string[]): boolean {
  if (/^(true|1|yes)$/i.test(raw)) return true;
  if (/^(false|0|no)$/i.test(raw)) return false;
  problems.push(`${name} must be true or false (got "${raw}")`);
  return false;
}
