import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lockDataDir } from './data-dir-lock';

describe('lockDataDir', () => {
  it('refuses a folder owned by a live process, takes over a stale one, and releases', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cdtt-lock-'));
    writeFileSync(join(dir, 'cdtt-owner.pid'), String(process.ppid)); // the parent is alive
    expect(() => lockDataDir(dir)).toThrow(/in use by process/);

    writeFileSync(join(dir, 'cdtt-owner.pid'), '999999999'); // no such process
    const unlock = lockDataDir(dir);
    expect(readFileSync(join(dir, 'cdtt-owner.pid'), 'utf8')).toBe(String(process.pid));
    unlock();
    const again = lockDataDir(dir);
    again();
  });
});
