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
  readonly poolSize: number;
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

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    databaseUrl,
    dataDir: text('DATA_DIR') ?? '.data',
    eventStoreConnectionString: eventStore,
    port,
    host: text('HOST') ?? '0.0.0.0',
    runProjector,
    // The embedded PostgreSQL serialises all work on one backend: more connections only queue.
    poolSize: databaseUrl === null ? 1 : poolSize,
  };
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
