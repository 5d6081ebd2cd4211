/**
 * The registry of workshops (id, title, language, join code, revoked link generations). Behind
 * an interface so that the scale-out mode can keep it in PostgreSQL; the embedded default is one
 * JSON file in DATA_DIR, written atomically (temp file, fsync, rename, fsync of the folder) so a
 * crash or power cut mid-write never leaves half a file. A damaged file stops the start with a
 * message that names it.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import type { Lang, Role } from '../../workshops';

export interface WorkshopEntry {
  workshopId: string;
  title: string;
  language: Lang;
  organisation: string;
  joinCode: string;
  createdAt: number;
  /**
   * Per role, the generation of its links: a facilitator or viewer token signed for an earlier
   * generation is revoked (absent: generation 0).
   */
  generations?: Partial<Record<Role, number>>;
}

export interface WorkshopStore {
  create(entry: WorkshopEntry): Promise<void>;
  get(workshopId: string): Promise<WorkshopEntry | null>;
  byJoinCode(joinCode: string): Promise<WorkshopEntry | null>;
  list(): Promise<WorkshopEntry[]>;
  /** Revokes every link of `role` issued so far; returns the new generation. */
  revoke(workshopId: string, role: Role): Promise<number>;
}

/** The registry file cannot be read: the message names it and how to restore it. */
export class RegistryDamagedError extends Error {
  constructor(file: string, what: string) {
    super(
      `The workshop registry ${file} is damaged (${what}). Werkbank does not start without its ` +
        `workshops and join codes. Restore the file from your latest backup (docs/deploy.md, ` +
        `"Data, backups, logs"), or move it aside to see what it held, and start again.`,
    );
    this.name = 'RegistryDamagedError';
  }
}

/** Writes `data` to `file` atomically and durably, readable by the owner only. */
export function writeFileAtomic(file: string, data: string): void {
  const tmp = `${file}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
  // The rename itself is durable only once the folder is.
  const dir = openSync(dirname(file), 'r');
  try {
    fsyncSync(dir);
  } finally {
    closeSync(dir);
  }
}

export class FileWorkshopStore implements WorkshopStore {
  private readonly file: string;
  private readonly entries = new Map<string, WorkshopEntry>();

  constructor(dataDir: string) {
    this.file = join(dataDir, 'workshops.json');
    if (existsSync(this.file)) {
      for (const w of parseRegistry(this.file, readFileSync(this.file, 'utf8')))
        this.entries.set(w.workshopId, w);
    }
  }

  /** Whether the registry file exists (a missing one beside stored documents is reported). */
  get exists(): boolean {
    return existsSync(this.file);
  }

  private persist(): void {
    writeFileAtomic(this.file, JSON.stringify({ workshops: [...this.entries.values()] }, null, 2));
  }

  async revoke(workshopId: string, role: Role): Promise<number> {
    const entry = this.entries.get(workshopId);
    if (!entry) throw new Error(`no workshop ${workshopId}`);
    const generation = (entry.generations?.[role] ?? 0) + 1;
    this.entries.set(workshopId, {
      ...entry,
      generations: { ...entry.generations, [role]: generation },
    });
    this.persist();
    return generation;
  }

  async create(entry: WorkshopEntry): Promise<void> {
    this.entries.set(entry.workshopId, entry);
    this.persist();
  }

  async get(workshopId: string): Promise<WorkshopEntry | null> {
    return this.entries.get(workshopId) ?? null;
  }

  async byJoinCode(joinCode: string): Promise<WorkshopEntry | null> {
    const code = normaliseJoinCode(joinCode);
    for (const e of this.entries.values()) if (e.joinCode === code) return e;
    return null;
  }

  async list(): Promise<WorkshopEntry[]> {
    return [...this.entries.values()].sort((a, b) => b.createdAt - a.createdAt);
  }
}

function parseRegistry(file: string, text: string): WorkshopEntry[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new RegistryDamagedError(
      file,
      text.length === 0 ? 'it is empty' : `not valid JSON: ${(err as Error).message}`,
    );
  }
  const list = (parsed as { workshops?: unknown } | null)?.workshops;
  if (!Array.isArray(list)) throw new RegistryDamagedError(file, 'it has no "workshops" list');
  for (const w of list as Array<Partial<WorkshopEntry> | null>) {
    if (
      !w ||
      typeof w.workshopId !== 'string' ||
      typeof w.joinCode !== 'string' ||
      typeof w.title !== 'string'
    )
      throw new RegistryDamagedError(
        file,
        `an entry is incomplete: ${JSON.stringify(w)?.slice(0, 80)}`,
      );
  }
  return list as WorkshopEntry[];
}

/** Join codes avoid characters that are ambiguous when read aloud or written: no 0/O, 1/I/L. */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;

export function normaliseJoinCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

export function randomJoinCode(random: (n: number) => Uint8Array): string {
  let out = '';
  for (const b of random(JOIN_CODE_LENGTH))
    out += JOIN_CODE_ALPHABET[b % JOIN_CODE_ALPHABET.length];
  return out;
}
