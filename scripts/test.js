#!/usr/bin/env node
// `npm test`: every tier against DATABASE_URL when set, else against an embedded PostgreSQL.
// The embedded server is single-backend, so the suites then run one at a time.
const { spawnSync } = require('node:child_process');
const args = process.argv.slice(2);
if (!process.env.DATABASE_URL && !args.includes('--runInBand')) args.push('--runInBand');
const result = spawnSync(process.execPath, [require.resolve('jest/bin/jest'), ...args], { stdio: 'inherit' });
process.exit(result.status ?? 1);
