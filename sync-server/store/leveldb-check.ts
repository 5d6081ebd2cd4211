/**
 * Checks a LevelDB folder before it is opened, for the damage LevelDB itself would not report:
 * a missing CURRENT (LevelDB would start an empty database and delete the old files as garbage),
 * a missing write-ahead log (LevelDB opens without it: the latest changes silently gone), and a
 * write-ahead log that ends in a torn record (LevelDB drops that last write without a word).
 * Reads LevelDB's own log format (leveldb/doc/log_format.md) and the MANIFEST's version edits
 * (leveldb/db/version_edit.cc): 32 KiB blocks of records, each a 7-byte header (checksum, length,
 * type) and its data; a record spans blocks as FIRST, MIDDLE…, LAST.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const BLOCK = 32 * 1024;
const HEADER = 7;
const FULL = 1;
const FIRST = 2;
const MIDDLE = 3;
const LAST = 4;

export interface LogRead {
  records: Uint8Array[];
  /** Bytes at the end that do not form a whole record (a torn last write), or 0. */
  tornBytes: number;
}

/** The records of a LevelDB log file (the write-ahead log or a MANIFEST). */
export function readLog(bytes: Uint8Array): LogRead {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const records: Uint8Array[] = [];
  let parts: Uint8Array[] | null = null;
  let partsStart = 0;
  let pos = 0;
  while (pos < bytes.length) {
    const left = BLOCK - (pos % BLOCK);
    if (left < HEADER) {
      pos += left; // block trailer: zero padding
      continue;
    }
    if (pos + HEADER > bytes.length)
      return { records, tornBytes: bytes.length - (parts ? partsStart : pos) };
    const length = view.getUint16(pos + 4, true);
    const type = view.getUint8(pos + 6);
    if (type === 0 && length === 0) {
      pos += left; // preallocated, never written
      continue;
    }
    const end = pos + HEADER + length;
    if (end > bytes.length || length > left - HEADER)
      return { records, tornBytes: bytes.length - (parts ? partsStart : pos) };
    const data = bytes.subarray(pos + HEADER, end);
    if (type === FULL) records.push(data);
    else if (type === FIRST) {
      parts = [data];
      partsStart = pos;
    } else if ((type === MIDDLE || type === LAST) && parts) {
      parts.push(data);
      if (type === LAST) {
        records.push(concat(parts));
        parts = null;
      }
    }
    pos = end;
  }
  return { records, tornBytes: parts ? bytes.length - partsStart : 0 };
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The write-ahead log number the MANIFEST's version edits end with (null: none recorded). */
export function manifestLogNumber(records: Uint8Array[]): number | null {
  let logNumber: number | null = null;
  for (const record of records) {
    let pos = 0;
    const varint = (): number => {
      let result = 0;
      let scale = 1;
      for (;;) {
        const b = record[pos++];
        if (b === undefined) throw new Error('version edit ends inside a number');
        result += (b & 0x7f) * scale;
        if (b < 0x80) return result;
        scale *= 128;
      }
    };
    const skipBytes = () => {
      const length = varint(); // read before `pos +=` reads pos
      pos += length;
    };
    while (pos < record.length) {
      const tag = varint();
      if (tag === 1)
        skipBytes(); // comparator
      else if (tag === 2) logNumber = varint();
      else if (tag === 3 || tag === 4 || tag === 9)
        varint(); // next file, last sequence, prev log
      else if (tag === 5) {
        varint();
        skipBytes(); // compact pointer: level, key
      } else if (tag === 6) {
        varint();
        varint(); // deleted file: level, number
      } else if (tag === 7) {
        varint();
        varint();
        varint();
        skipBytes();
        skipBytes(); // new file: level, number, size, smallest, largest
      } else throw new Error(`unknown version edit tag ${tag}`);
    }
  }
  return logNumber;
}

export interface StoreCheck {
  /** Damage that makes the folder unsafe to serve (the server refuses to start). */
  fatal: string | null;
  /** Damage LevelDB recovers from by dropping data: said in the log and on /healthz. */
  warnings: string[];
}

const logName = (n: number) => `${String(n).padStart(6, '0')}.log`;

/** Inspects the LevelDB folder `dir` (which may not exist yet: a new store). */
export function checkLeveldb(dir: string): StoreCheck {
  const warnings: string[] = [];
  if (!existsSync(dir)) return { fatal: null, warnings };
  const files = readdirSync(dir);
  const dataFiles = files.filter((f) => /^(MANIFEST-\d+|\d+\.(log|ldb|sst))$/.test(f));
  if (!files.includes('CURRENT')) {
    return {
      fatal: dataFiles.length
        ? `CURRENT is missing while ${dataFiles.length} data files are there (${dataFiles.slice(0, 4).join(', ')})`
        : null,
      warnings,
    };
  }
  const current = readFileSync(join(dir, 'CURRENT'), 'utf8');
  const manifest = current.trim();
  if (!current.endsWith('\n') || !/^MANIFEST-\d+$/.test(manifest))
    return {
      fatal: `CURRENT is damaged (it reads ${JSON.stringify(current.slice(0, 40))})`,
      warnings,
    };
  if (!files.includes(manifest))
    return { fatal: `${manifest}, named by CURRENT, is missing`, warnings };
  const { records, tornBytes: manifestTorn } = readLog(readFileSync(join(dir, manifest)));
  let logNumber: number | null;
  try {
    logNumber = manifestLogNumber(records);
  } catch (err) {
    return { fatal: `${manifest} is damaged (${(err as Error).message})`, warnings };
  }
  if (manifestTorn > 0 || logNumber === null)
    return { fatal: `${manifest} is truncated or damaged`, warnings };
  if (!files.includes(logName(logNumber)))
    return {
      fatal: `the write-ahead log ${logName(logNumber)} is missing: the latest changes are not there`,
      warnings,
    };
  for (const f of files) {
    const m = /^(\d+)\.log$/.exec(f);
    if (!m || Number(m[1]) < logNumber) continue;
    const { tornBytes } = readLog(readFileSync(join(dir, f)));
    if (tornBytes > 0)
      warnings.push(
        `the write-ahead log ${f} ends in an incomplete write (${tornBytes} bytes), as after a crash or a full disk: LevelDB drops that last write. Clients that were connected send their changes again when they reconnect; changes made only by clients that never return are lost`,
      );
  }
  return { fatal: null, warnings };
}
