import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The benchmark suite's smoke run (issue 7): benchmarks are not tests, but CI proves the suite still
// works end to end at commune scale with one-second steps. It needs a PostgreSQL server (it creates
// and drops its own cdtt_bench_* databases) and the built bench (`nest build bench`, which .ci/run does).
// The first run on a server also generates the commune template, hence the generous timeout.
const root = join(__dirname, '..', '..');
const entry = join(root, 'dist/bench/src/main.js');
const embedded = process.env.EMBEDDED_POSTGRES === '1';
const built = existsSync(entry);
const run = embedded || !built ? it.skip : it;

describe('npm run bench (smoke, commune scale)', () => {
  if (embedded) console.log('bench smoke skipped: it needs a PostgreSQL server (DATABASE_URL), not the embedded one');
  else if (!built) console.log('bench smoke skipped: run `npx nest build bench` first');

  run(
    'prints every item with its baseline and writes the JSON',
    () => {
      const out = join(mkdtempSync(join(tmpdir(), 'cdtt-bench-smoke-')), 'smoke.json');
      const result = spawnSync(process.execPath, [entry, '--scale', 'commune', '--seconds', '0.6', '--no-embedded', '--only', '1,2,3,4,5,6', '--out', out], {
        cwd: root,
        env: process.env,
        encoding: 'utf8',
        timeout: 400_000,
      });
      expect(result.stderr).not.toContain('bench failed');
      expect(result.status).toBe(0);
      const report = JSON.parse(readFileSync(out, 'utf8')) as { figures: { item: number }[] };
      const items = new Set(report.figures.map((f) => f.item));
      for (const item of [1, 2, 3, 4, 5, 6]) expect(items).toContain(item);
    },
    420_000,
  );
});
