import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackupFormatError, extractArchive, manifestEntry, writeArchive } from './backup-archive.js';

describe('backup archive', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ciao-archive-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const manifest = Buffer.from(JSON.stringify({ format: 'ciao-backup' }));

  it('round-trips a manifest, an in-memory entry and a file entry, byte for byte', async () => {
    const big = path.join(dir, 'big.bin');
    const bigContent = randomBytes(1_000_003);
    fs.writeFileSync(big, bigContent);
    const small = randomBytes(700);
    const archive = path.join(dir, 'backup.tar.gz');
    await writeArchive(archive, [
      { name: manifestEntry, content: manifest },
      { name: 'small.bin', content: small },
      { name: 'big.bin', file: big },
    ]);
    expect(fs.existsSync(`${archive}.partial`)).toBe(false);

    const out = fs.mkdtempSync(path.join(dir, 'out-'));
    const { manifest: read, files } = await extractArchive(archive, out);
    expect(read).toEqual({ format: 'ciao-backup' });
    expect(fs.readFileSync(files.get('small.bin')!).equals(small)).toBe(true);
    expect(fs.readFileSync(files.get('big.bin')!).equals(bigContent)).toBe(true);
  });

  it('is a standard tar.gz that the tar tool lists', async () => {
    const archive = path.join(dir, 'backup.tar.gz');
    await writeArchive(archive, [
      { name: manifestEntry, content: manifest },
      { name: 'data.bin', content: Buffer.from('data') },
    ]);
    const listing = execFileSync('tar', ['tzf', archive], { encoding: 'utf8' });
    expect(listing.trim().split('\n')).toEqual([manifestEntry, 'data.bin']);
  });

  it('refuses an entry that would land outside the work directory', async () => {
    const archive = path.join(dir, 'evil.tar.gz');
    await writeArchive(archive, [
      { name: manifestEntry, content: manifest },
      { name: '../escaped', content: Buffer.from('x') },
    ]);
    const out = fs.mkdtempSync(path.join(dir, 'out-'));
    await expect(extractArchive(archive, out)).rejects.toThrow(/unexpected entry "\.\.\/escaped"/);
    expect(fs.existsSync(path.join(dir, 'escaped'))).toBe(false);
  });

  it('refuses an archive that does not start with the manifest, or is not gzip', async () => {
    const other = path.join(dir, 'other.tar.gz');
    await writeArchive(other, [{ name: 'readme.txt', content: Buffer.from('hello') }]);
    await expect(extractArchive(other, dir)).rejects.toThrow(/does not start with ciao-backup\.json/);

    const plain = path.join(dir, 'plain.txt');
    fs.writeFileSync(plain, 'hello');
    await expect(extractArchive(plain, dir)).rejects.toThrow(BackupFormatError);
    await expect(extractArchive(plain, dir)).rejects.toThrow(/not a gzip-compressed archive/);

    const gzipped = path.join(dir, 'text.gz');
    fs.writeFileSync(gzipped, zlib.gzipSync(Buffer.alloc(1024, 'a')));
    await expect(extractArchive(gzipped, dir)).rejects.toThrow(/no archive inside/);
  });
});
