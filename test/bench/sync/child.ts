/** Shared IPC plumbing of the server children: report ready, answer stats, stop on request. */
import type { FromServer, ServerReady, ToServer } from './protocol';

function send(msg: FromServer): void {
  process.send?.(msg);
}

export function serveStats(opts: { ready: ServerReady; stop: () => Promise<void> }): void {
  process.on('message', (raw: ToServer) => {
    if (raw.type === 'stats') {
      const cpu = process.cpuUsage();
      send({
        type: 'stats',
        userMicros: cpu.user,
        systemMicros: cpu.system,
        rssBytes: process.memoryUsage.rss(),
        maxRssBytes: process.resourceUsage().maxRSS * 1024,
      });
    } else if (raw.type === 'stop') {
      const timer = setTimeout(() => process.exit(0), 5000);
      opts.stop().finally(() => {
        clearTimeout(timer);
        process.exit(0);
      });
    }
  });
  // The parent is gone (crashed or killed): never outlive it.
  process.on('disconnect', () => process.exit(0));
  send(opts.ready);
}

export function reportError(err: unknown): void {
  send({ type: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
}
