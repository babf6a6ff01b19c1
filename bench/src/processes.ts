import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The built entry points (`nest build` emits every app; the bench script builds first). */
export const ENTRY = {
  api: 'dist/apps/api/src/main.js',
  projector: 'dist/apps/projector/src/main.js',
  cli: 'dist/apps/cli/src/main.js',
} as const;

/**
 * One master key for every bench process and data set, so an API started on a kept template can
 * open the personal data the generator sealed. Synthetic data only: the key is not a secret. A key
 * in the bench's own environment wins (templates generated earlier with another key stay readable).
 */
const BENCH_MASTER_KEY = process.env.PERSONAL_DATA_MASTER_KEY ?? createHash('sha256').update('cdtt-bench synthetic personal data').digest('base64');

/** Token signing key of the bench's processes: required in production, never used (no tokens are asked for). */
const BENCH_SIGNING_KEYS = `bench:${createHash('sha256').update('cdtt-bench token signing').digest('base64')}`;

/**
 * Environment of a child process: the database (null = embedded), no tokens needed. Processes run
 * as deployed, with NODE_ENV=production: outside it graphql-js checks every type test for a second
 * copy of itself (measured: 3 % of the API's CPU on a list of 100 teams), which no deployment pays.
 */
export function childEnv(databaseUrl: string | null, dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    DATA_DIR: dataDir,
    PERSONAL_DATA_MASTER_KEY: BENCH_MASTER_KEY,
    AUTH_SIGNING_KEYS: BENCH_SIGNING_KEYS,
    AUTH_REQUIRED: 'false',
    ...extra,
  };
  if (databaseUrl === null) delete env.DATABASE_URL;
  else env.DATABASE_URL = databaseUrl;
  return env;
}

export function scratchDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `cdtt-bench-${label}-`));
}

/** Runs a CLI command to completion; its stdout lines are returned, stderr (progress) passes through. */
export function runCli(args: readonly string[], env: NodeJS.ProcessEnv): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [ENTRY.cli, ...args], { env, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(out.trim().split('\n')) : reject(new Error(`cli ${args.join(' ')} exited ${code}:\n${out}`))));
  });
}

/** A long-running child (API or projector) whose peak RSS we read from /proc before stopping it. */
export class Service {
  private exited = false;
  private log = '';

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
  ) {
    const keep = (chunk: Buffer): void => {
      this.log = (this.log + chunk.toString('utf8')).slice(-4000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.on('exit', () => (this.exited = true));
  }

  /**
   * `BENCH_NODE_ARGS` (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`) is passed to the API and the
   * projector, for profiling them under the bench's load (NODE_OPTIONS refuses `--cpu-prof`).
   */
  static start(name: string, entry: string, env: NodeJS.ProcessEnv): Service {
    const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter((arg) => arg.length > 0);
    return new Service(name, spawn(process.execPath, [...nodeArgs, entry], { env, stdio: ['ignore', 'pipe', 'pipe'] }));
  }

  get alive(): boolean {
    return !this.exited;
  }

  /** Peak resident set (VmHWM) in MB, from Linux /proc; null elsewhere or after exit. */
  peakRssMb(): number | null {
    try {
      const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      const match = /VmHWM:\s+(\d+) kB/.exec(status);
      return match?.[1] ? Number(match[1]) / 1024 : null;
    } catch {
      return null;
    }
  }

  recentLog(): string {
    return this.log;
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    const done = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 35_000);
    await done;
    clearTimeout(timer);
  }
}

/** Polls GET /health until the API answers (the embedded database takes a few seconds). */
export async function waitForHealth(baseUrl: string, service: Service, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!service.alive) throw new Error(`${service.name} exited:\n${service.recentLog()}`);
    const ok = await fetch(`${baseUrl}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${service.name} did not become healthy:\n${service.recentLog()}`);
}
