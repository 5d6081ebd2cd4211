/**
 * The registry of workshops (id, title, language, join code). Behind an interface so that the
 * scale-out mode can keep it in PostgreSQL; the embedded default is one JSON file in DATA_DIR,
 * written atomically (temp file + rename) so a crash mid-write never leaves half a file.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from '../../workshops';

export interface WorkshopEntry {
  workshopId: string;
  title: string;
  language: Lang;
  organisation: string;
  joinCode: string;
  createdAt: number;
}

export interface WorkshopStore {
  create(entry: WorkshopEntry): Promise<void>;
  get(workshopId: string): Promise<WorkshopEntry | null>;
  byJoinCode(joinCode: string): Promise<WorkshopEntry | null>;
  list(): Promise<WorkshopEntry[]>;
}

export class FileWorkshopStore implements WorkshopStore {
  private readonly file: string;
  private readonly entries = new Map<string, WorkshopEntry>();

  constructor(dataDir: string) {
    this.file = join(dataDir, 'workshops.json');
    if (existsSync(this.file)) {
      const parsed = JSON.parse(readFileSync(this.file, 'utf8')) as { workshops?: WorkshopEntry[] };
      for (const w of parsed.workshops ?? []) this.entries.set(w.workshopId, w);
    }
  }

  private persist(): void {
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify({ workshops: [...this.entries.values()] }, null, 2));
    renameSync(tmp, this.file);
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
