import { Client } from 'pg';

/** Every database the bench creates starts with this prefix, so a leftover is easy to spot. */
export const PREFIX = 'cdtt_bench_';

/** The server's URL with another database name (same host, user and options). */
export function urlFor(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function onServer<T>(serverUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl, application_name: 'cdtt-bench:admin' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const quoted = (name: string): string => {
  if (!/^[a-z0-9_]+$/.test(name) || !name.startsWith(PREFIX)) throw new Error(`not a bench database name: ${name}`);
  return `"${name}"`;
};

export async function databaseExists(serverUrl: string, name: string): Promise<boolean> {
  return onServer(serverUrl, async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1);
}

/** A fresh database, empty or a file-level copy of a template (seconds, not a re-generation). */
export async function createDatabase(serverUrl: string, name: string, template?: string): Promise<string> {
  await onServer(serverUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${quoted(name)} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${quoted(name)}${template ? ` TEMPLATE ${quoted(template)}` : ''}`);
  });
  return urlFor(serverUrl, name);
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await onServer(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${quoted(name)} WITH (FORCE)`));
}

/** Renames a finished database (a data set becomes a template only once it is complete). */
export async function renameDatabase(serverUrl: string, from: string, to: string): Promise<void> {
  await onServer(serverUrl, (c) => c.query(`ALTER DATABASE ${quoted(from)} RENAME TO ${quoted(to)}`));
}

export async function serverFacts(serverUrl: string): Promise<Record<string, string>> {
  return onServer(serverUrl, async (c) => {
    const { rows } = await c.query<{ name: string; setting: string }>(
      `SELECT name, setting FROM pg_settings WHERE name IN ('server_version', 'shared_buffers', 'synchronous_commit', 'fsync', 'max_connections', 'work_mem')`,
    );
    return Object.fromEntries(rows.map((r) => [r.name, r.setting]));
  });
}
