import { runAdminUnitImport } from '@cdtt/geography';
import { runGenerate } from '@cdtt/synthetic';
import { createAdminClient, ProjectionStatusService, runExportEvents, runVerifyChain, verifyChainNeedsRuntime, type Runtime } from '@cdtt/platform';
import { runCheckpointLedger, runChecksumProjections, runRebuildProjection, runVerifyLedger, verifyLedgerNeedsRuntime } from '@cdtt/platform';
import { projectorProjections } from '../../projector/src/projector.projections';

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

const generateCommand: CliCommand = {
  name: 'generate',
  summary: 'write a synthetic country on the real units: --scale <commune|province|national|2x> [--seed <n>] (benchmarks)',
  run: (runtime, args, out) => runGenerate(runtime, args, out),
};

const rebuildProjectionCommand: CliCommand = {
  name: 'rebuild-projection',
  summary: 'rebuild <name> from the start of the log beside the live one, then switch reads [--no-switch]',
  run: (runtime, args, out) => runRebuildProjection(runtime, projectorProjections, args, out),
};

const checkpointLedgerCommand: CliCommand = {
  name: 'checkpoint-ledger',
  summary: 'append a LedgerCheckpointed signed with LEDGER_SIGNING_KEY: count and Merkle root of stream heads (run it from a scheduler)',
  run: (runtime, args, out) => runCheckpointLedger(runtime, args, out),
};

const verifyLedgerCommand: CliCommand = {
  name: 'verify-ledger',
  summary: 'check every ledger checkpoint against the log, or offline in [--from file.ndjson] [--public-key base64]; exit 1 if one fails',
  run: (runtime, args, out) => runVerifyLedger(runtime, args, out),
  needsRuntime: verifyLedgerNeedsRuntime,
  runOffline: (args, out) => runVerifyLedger(null, args, out),
};

const checksumProjectionsCommand: CliCommand = {
  name: 'checksum-projections',
  summary: 'print a checksum per read-model table (stable order, volatile columns left out) [--schema name]',
  run: (runtime, args, out) => runChecksumProjections(runtime, args, out),
};

export const CLI_COMMANDS: readonly CliCommand[] = [
  migrate,
  projectionStatus,
  importAdminUnits,
  createAdminClientCommand,
  exportEventsCommand,
  verifyChainCommand,
  generateCommand,
  rebuildProjectionCommand,
  checksumProjectionsCommand,
  checkpointLedgerCommand,
  verifyLedgerCommand,
];
