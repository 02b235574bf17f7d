import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './data-dir-lock.js';

const made: string[] = [];
function tempDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ciao-lock-'));
  made.push(dir);
  return path.join(dir, 'data');
}

afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('data directory lock', () => {
  it('creates the directory and releases the lock', () => {
    const dir = tempDir();
    const release = lockDataDir(dir);
    expect(fs.readFileSync(path.join(dir, 'ciao.lock'), 'utf8')).toBe(String(process.pid));
    release();
    expect(fs.existsSync(path.join(dir, 'ciao.lock'))).toBe(false);
  });

  it('refuses a directory held by another running process, naming it', async () => {
    const dir = tempDir();
    fs.mkdirSync(dir, { recursive: true });
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)']);
    try {
      fs.writeFileSync(path.join(dir, 'ciao.lock'), String(other.pid));
      expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
      expect(() => lockDataDir(dir)).toThrow(new RegExp(`pid ${other.pid}.*another DATA_DIR`));
    } finally {
      other.kill();
    }
  });

  it('takes over a lock left by a process that died', () => {
    const dir = tempDir();
    fs.mkdirSync(dir, { recursive: true });
    // A pid far above any pid_max in use: no such process runs.
    fs.writeFileSync(path.join(dir, 'ciao.lock'), '99999999');
    const release = lockDataDir(dir);
    expect(fs.readFileSync(path.join(dir, 'ciao.lock'), 'utf8')).toBe(String(process.pid));
    release();
  });
});
