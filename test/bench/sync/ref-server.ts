/**
 * Child process: the reference server, `@y/websocket-server` 0.1.1 exactly as its bin starts it
 * (`setupWSConnection` on every upgrade, LevelDB persistence via the YPERSISTENCE env it reads at
 * import). We only replace the fixed PORT with port 0 and report the chosen port over IPC.
 * Usage: YPERSISTENCE=<dir> node --import tsx ref-server.ts
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { serveStats } from './child';

// The reference reads YPERSISTENCE when its module is first evaluated: import it only now.
const { setupWSConnection, getPersistence } = await import('@y/websocket-server/utils');

const wss = new WebSocketServer({ noServer: true });
const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/plain' });
  res.end('okay');
});
wss.on('connection', (ws, req) => setupWSConnection(ws, req));
server.on('upgrade', (req, socket, head) => {
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  serveStats({
    ready: { type: 'ready', wsUrl: `ws://127.0.0.1:${port}`, httpUrl: `http://127.0.0.1:${port}` },
    stop: async () => {
      for (const c of wss.clients) c.terminate();
      await new Promise<void>((r) => server.close(() => r()));
      // Let LevelDB finish its queued writes (the bin itself never closes it).
      const ldb = (getPersistence() as { provider?: { destroy(): Promise<void> } } | null)
        ?.provider;
      await ldb?.destroy();
    },
  });
});
