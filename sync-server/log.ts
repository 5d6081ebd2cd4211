import pino from 'pino';

export type Logger = pino.Logger;

/** One structured JSON line per event; level from LOG_LEVEL (default `info`). */
export function createLogger(level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, base: { service: 'werkbank' } });
}
