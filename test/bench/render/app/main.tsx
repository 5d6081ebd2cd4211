/**
 * The bench's own page: Werkbank's board (web/board) mounted on its own, connected to the sync
 * server with a token — used by the render suite while the app shell cannot open
 * `/w/<workshop>/<board>` yet, and to measure the board apart from the shell.
 * Hash parameters: `ws` (sync URL, …/sync), `room`, `token`.
 */
import '../../../../web/i18n';
import { createRoot } from 'react-dom/client';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { BoardCanvas, createBoard } from '../../../../web/board';

const params = new URLSearchParams(location.hash.slice(1));
const doc = new Y.Doc();
const provider = new WebsocketProvider(params.get('ws') ?? '', params.get('room') ?? '', doc, {
  params: { token: params.get('token') ?? '' },
});
const board = createBoard(doc, provider.awareness, {
  user: { id: 'facilitator', name: 'Bench', color: '#e91e63' },
  role: 'facilitator',
});
const root = document.getElementById('root');
if (root) createRoot(root).render(<BoardCanvas board={board} />);
