/** Writes a run to bench/results/latest.json and a timestamped copy, with machine info. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import type { Row } from './types';

export interface Machine {
  cpus: number;
  cpuModel: string;
  totalMemMB: number;
  node: string;
  platform: string;
  gitCommit: string;
  gitDirty: boolean;
  /** 1-minute load average when the run ended: above the core count, others shared the machine. */
  loadAverage1m: number;
}

export interface RunRecord {
  startedAt: string;
  finishedAt: string;
  quick: boolean;
  suites: string[];
  machine: Machine;
  /** Suites that threw: their name and the message. */
  errors: Array<{ suite: string; error: string }>;
  rows: Row[];
}

function git(root: string, args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

export function machineInfo(root: string): Machine {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    totalMemMB: Math.round(os.totalmem() / 2 ** 20),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    gitCommit: git(root, ['rev-parse', 'HEAD']) || 'unknown',
    gitDirty: git(root, ['status', '--porcelain', '--untracked-files=no']) !== '',
    loadAverage1m: Math.round((os.loadavg()[0] ?? 0) * 100) / 100,
  };
}

/** Writes `latest.json` and `<timestamp>.json` into `dir`; returns the timestamped path. */
export function writeRun(dir: string, record: RunRecord): string {
  mkdirSync(dir, { recursive: true });
  const json = `${JSON.stringify(record, null, 2)}\n`;
  const stamp = record.startedAt.replace(/[:.]/g, '-');
  const file = join(dir, `${stamp}${record.quick ? '-quick' : ''}.json`);
  writeFileSync(file, json);
  writeFileSync(join(dir, 'latest.json'), json);
  return file;
}
