import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable, type Writable } from 'node:stream';
import zlib from 'node:zlib';

/**
 * A ciao backup is one gzip-compressed tar file (`tar tzf` lists it): `ciao-backup.json` first (what
 * the backup holds and which schema it is at), then the database entry, and `secret.key` only when
 * the operator asked for it. Written and read here as a stream, so that a large PostgreSQL dump
 * never has to fit in memory.
 */
export const manifestEntry = 'ciao-backup.json';
const maxManifestBytes = 64 * 1024;
const block = 512;

/** The file is not a ciao backup, or it is damaged: the operator is told which. */
export class BackupFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupFormatError';
  }
}

export type ArchiveEntry = { name: string; content: Buffer } | { name: string; file: string };

function octal(value: number, length: number): string {
  return value.toString(8).padStart(length - 1, '0') + '\0';
}

function tarHeader(name: string, size: number): Buffer {
  if (Buffer.byteLength(name) > 100) throw new Error(`archive entry name too long: ${name}`);
  const header = Buffer.alloc(block);
  header.write(name, 0, 100, 'utf8');
  header.write(octal(0o600, 8), 100, 'ascii');
  header.write(octal(0, 8), 108, 'ascii');
  header.write(octal(0, 8), 116, 'ascii');
  if (size < 8 ** 11) {
    header.write(octal(size, 12), 124, 'ascii');
  } else {
    // GNU base-256 size: ustar's 11 octal digits stop at 8 GiB.
    header[124] = 0x80;
    header.writeBigUInt64BE(BigInt(size), 128);
  }
  header.write(octal(Math.floor(Date.now() / 1000), 12), 136, 'ascii');
  header.write('        ', 148, 'ascii');
  header.write('0', 156, 'ascii');
  header.write('ustar\u000000', 257, 'ascii');
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return header;
}

function padding(size: number): Buffer {
  return Buffer.alloc((block - (size % block)) % block);
}

async function* tarStream(entries: ArchiveEntry[]): AsyncGenerator<Buffer> {
  for (const entry of entries) {
    if ('content' in entry) {
      yield tarHeader(entry.name, entry.content.length);
      yield entry.content;
      yield padding(entry.content.length);
    } else {
      const { size } = await fs.promises.stat(entry.file);
      yield tarHeader(entry.name, size);
      for await (const chunk of fs.createReadStream(entry.file)) yield chunk as Buffer;
      yield padding(size);
    }
  }
  yield Buffer.alloc(block * 2);
}

/** Writes the archive to `outPath` through a temporary name, so that a failed backup leaves no file. */
export async function writeArchive(outPath: string, entries: ArchiveEntry[]): Promise<void> {
  const partial = `${outPath}.partial`;
  try {
    // Readable by its owner only from its first byte: it holds every NISS (and maybe the key).
    await fs.promises.rm(partial, { force: true });
    await pipeline(
      Readable.from(tarStream(entries)),
      zlib.createGzip(),
      fs.createWriteStream(partial, { mode: 0o600, flags: 'wx' }),
    );
    await fs.promises.rename(partial, outPath);
  } catch (error) {
    await fs.promises.rm(partial, { force: true });
    throw error;
  }
}

/** Pulls exact byte counts out of a chunked stream. */
class ByteReader {
  private buffered: Buffer = Buffer.alloc(0);
  private readonly chunks: AsyncIterator<Buffer>;

  constructor(source: AsyncIterable<Buffer>) {
    this.chunks = source[Symbol.asyncIterator]();
  }

  private async fill(): Promise<boolean> {
    const next = await this.chunks.next();
    if (next.done) return false;
    this.buffered = this.buffered.length === 0 ? next.value : Buffer.concat([this.buffered, next.value]);
    return true;
  }

  /** Exactly `length` bytes, or null at a clean end of stream before any of them. */
  async read(length: number): Promise<Buffer | null> {
    while (this.buffered.length < length) {
      if (!(await this.fill())) {
        if (this.buffered.length === 0) return null;
        throw new BackupFormatError('the archive ends in the middle of an entry: the file is truncated.');
      }
    }
    const bytes = this.buffered.subarray(0, length);
    this.buffered = this.buffered.subarray(length);
    return bytes;
  }

  /** Streams `length` bytes into `sink`. */
  async copy(length: number, sink: Writable): Promise<void> {
    let remaining = length;
    while (remaining > 0) {
      if (this.buffered.length === 0 && !(await this.fill())) {
        throw new BackupFormatError('the archive ends in the middle of an entry: the file is truncated.');
      }
      const part = this.buffered.subarray(0, Math.min(remaining, this.buffered.length));
      this.buffered = this.buffered.subarray(part.length);
      remaining -= part.length;
      if (!sink.write(part)) await new Promise((resolve) => sink.once('drain', resolve));
    }
  }
}

function readSize(header: Buffer): number {
  if (header[124]! & 0x80) return Number(header.readBigUInt64BE(128));
  const text = header.toString('ascii', 124, 136).replace(/\0.*$/s, '').trim();
  if (!/^[0-7]+$/.test(text)) throw new BackupFormatError('an archive entry has no valid size.');
  return Number.parseInt(text, 8);
}

function checksumMatches(header: Buffer): boolean {
  const stored = Number.parseInt(header.toString('ascii', 148, 156).replace(/\0.*$/s, '').trim(), 8);
  let sum = 0;
  for (let index = 0; index < block; index += 1) {
    sum += index >= 148 && index < 156 ? 0x20 : header[index]!;
  }
  return stored === sum;
}

export interface ExtractedArchive {
  manifest: unknown;
  /** Entry name → the file it was extracted to in the work directory. */
  files: Map<string, string>;
}

/**
 * Extracts a backup archive into `workDir`: the manifest parsed as JSON, each other entry as a file.
 * Anything that is not gzip, not a tar, or does not start with the manifest is refused.
 */
export async function extractArchive(archivePath: string, workDir: string): Promise<ExtractedArchive> {
  const source = fs.createReadStream(archivePath);
  const gunzip = zlib.createGunzip();
  source.on('error', (error) => gunzip.destroy(error));
  source.pipe(gunzip);
  const reader = new ByteReader(gunzip);
  const files = new Map<string, string>();
  let manifest: unknown;
  try {
    for (let index = 0; ; index += 1) {
      const header = await reader.read(block);
      if (header === null || header.every((byte) => byte === 0)) break;
      if (!checksumMatches(header)) {
        throw new BackupFormatError(
          index === 0 ? 'it is not a ciao backup (no archive inside).' : 'an archive header is damaged.',
        );
      }
      const name = header.toString('utf8', 0, 100).replace(/\0.*$/s, '');
      const size = readSize(header);
      if (index === 0) {
        if (name !== manifestEntry || size > maxManifestBytes) {
          throw new BackupFormatError(`it is not a ciao backup (it does not start with ${manifestEntry}).`);
        }
        const content = (await reader.read(size)) ?? Buffer.alloc(0);
        try {
          manifest = JSON.parse(content.toString('utf8'));
        } catch {
          throw new BackupFormatError(`its ${manifestEntry} is not valid JSON.`);
        }
      } else {
        // Only plain names: an entry must never write outside the work directory.
        if (!/^[a-z0-9][a-z0-9._-]*$/i.test(name) || files.has(name)) {
          throw new BackupFormatError(`it holds an unexpected entry "${name}".`);
        }
        const target = path.join(workDir, name);
        const sink = fs.createWriteStream(target, { mode: 0o600 });
        await reader.copy(size, sink);
        await new Promise<void>((resolve, reject) =>
          sink.end((error?: Error | null) => (error ? reject(error) : resolve())),
        );
        files.set(name, target);
      }
      await reader.read(padding(size).length);
    }
  } catch (error) {
    source.destroy();
    if (error instanceof BackupFormatError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR' || code === 'ERR_PADDING_1') {
      throw new BackupFormatError(
        (error as Error).message.includes('incorrect header check')
          ? 'it is not a ciao backup (not a gzip-compressed archive).'
          : `the file is damaged (${(error as Error).message}).`,
      );
    }
    if (code === 'ENOENT') throw new BackupFormatError(`there is no file ${archivePath}.`);
    throw error;
  }
  if (manifest === undefined) throw new BackupFormatError('it is not a ciao backup (the archive is empty).');
  return { manifest, files };
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
