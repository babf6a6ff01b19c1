import { runAdminUnitImport } from '@cdtt/geography';
import { createAdminClient, ProjectionStatusService, runExportEvents, runVerifyChain, verifyChainNeedsRuntime, type Runtime } from '@cdtt/platform';

/** One operator command: a name, a line of help, and what it does on an open runtime. */
export interface CliCommand {
  readonly name: string;
  readonly summary: string;
  run(runtime: Runtime, args: readonly string[], out: (line: string) => void): Promise<number>;
  /**
   * False when the command, with these arguments, needs no database: main then opens none and
   * calls `runOffline` (an auditor verifies an export on a machine without the registry).
   */
  needsRuntime?(args: readonly string[]): boolean;
  runOffline?(args: readonly string[], out: (line: string) => void): Promise<number>;
}

const migrate: CliCommand = {
  name: 'migrate',
  summary: 'apply pending database migrations (every process also does this at start)',
  run: (runtime, _args, out) => {
    const applied = runtime.appliedMigrations;
    out(applied.length > 0 ? `applied: ${applied.join(', ')}` : 'database is up to date');
    return Promise.resolve(0);
  },
};

const projectionStatus: CliCommand = {
  name: 'projection-status',
  summary: 'print each projection: checkpoint, lag in events and seconds, lease owner',
  run: async (runtime, _args, out) => {
    const statuses = await new ProjectionStatusService(runtime.dataSource, runtime.eventStore).list();
    if (statuses.length === 0) out('no projection has run yet');
    for (const s of statuses) {
      const lease = s.lease ? `${s.lease.owner}${s.lease.active ? '' : ' (expired)'}` : 'none';
      out(`${s.name}\tposition ${s.position ?? '-'}\tlag ${s.lagEvents}${s.lagEventsCapped ? '+' : ''} events / ${s.lagSeconds.toFixed(1)} s\tlease ${lease}`);
    }
    return 0;
  },
};

const importAdminUnits: CliCommand = {
  name: 'import-admin-units',
  summary: 'import provinces, districts, communes and the 2025 mapping from <folder> (idempotent)',
  run: (runtime, args, out) => runAdminUnitImport(runtime.eventStore, args, out),
};

const createAdminClientCommand: CliCommand = {
  name: 'create-admin-client',
  summary: 'register an ADMIN API client named <name>; prints its client_id and secret once',
  run: createAdminClient,
};

const exportEventsCommand: CliCommand = {
  name: 'export-events',
  summary: 'write the whole event log as NDJSON with its hashes, to [--out file] or stdout',
  run: (runtime, args, out) => runExportEvents(runtime, args, out),
};

const verifyChainCommand: CliCommand = {
  name: 'verify-chain',
  summary: "verify every stream's hash chain in the database, or offline in [--from file.ndjson]; exit 1 if any fails",
  run: (runtime, args, out) => runVerifyChain(runtime, args, out),
  needsRuntime: verifyChainNeedsRuntime,
  runOffline: (args, out) => runVerifyChain(null, args, out),
};

export const CLI_COMMANDS: readonly CliCommand[] = [
  migrate,
  projectionStatus,
  importAdminUnits,
  createAdminClientCommand,
  exportEventsCommand,
  verifyChainCommand,
];
