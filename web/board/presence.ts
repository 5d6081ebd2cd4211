/**
 * Presence through awareness: this person's user, cursor, selection, editing id, live drag
 * positions and viewport go out throttled; everyone else's come in as `Peer`s.
 * Only local changes are sent (the stock client would also re-send others').
 */
import type { Awareness } from 'y-protocols/awareness';
import type { Camera, Point } from './geometry';
import type { BoardUser, Peer } from './types';

const THROTTLE_MS = 66; // ~15 Hz

export class PresenceSync {
  private pending: Record<string, unknown> = {};
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastSent = 0;

  constructor(
    private readonly awareness: Awareness,
    user: BoardUser,
    private readonly onPeers: (peers: Peer[]) => void,
  ) {
    awareness.setLocalStateField('user', user);
    awareness.on('change', this.readPeers);
    this.readPeers();
  }

  private readonly readPeers = (): void => {
    const peers: Peer[] = [];
    this.awareness.getStates().forEach((state, clientId) => {
      if (clientId === this.awareness.clientID) return;
      const user = state.user as BoardUser | undefined;
      if (!user || typeof user.name !== 'string') return;
      peers.push({
        clientId,
        user,
        cursor: (state.cursor as Point | null | undefined) ?? null,
        selection: Array.isArray(state.selection) ? (state.selection as string[]) : [],
        editingId: typeof state.editing === 'string' ? state.editing : null,
        drag: (state.drag as Record<string, Point> | null | undefined) ?? null,
      });
    });
    this.onPeers(peers);
  };

  private set(fields: Record<string, unknown>, immediate = false): void {
    Object.assign(this.pending, fields);
    const now = Date.now();
    const wait = immediate ? 0 : Math.max(0, THROTTLE_MS - (now - this.lastSent));
    if (this.timer) {
      if (!immediate) return;
      clearTimeout(this.timer);
    }
    this.timer = setTimeout(() => this.flush(), wait);
  }

  private flush(): void {
    this.timer = null;
    this.lastSent = Date.now();
    const current = this.awareness.getLocalState() ?? {};
    this.awareness.setLocalState({ ...current, ...this.pending });
    this.pending = {};
  }

  setCursor(p: Point | null): void {
    this.set({ cursor: p ? { x: Math.round(p.x), y: Math.round(p.y) } : null }, p === null);
  }

  setSelection(ids: string[]): void {
    this.set({ selection: ids }, true);
  }

  setEditing(id: string | null): void {
    this.set({ editing: id }, true);
  }

  setDrag(positions: Record<string, Point> | null): void {
    this.set({ drag: positions }, positions === null);
  }

  setViewport(camera: Camera): void {
    this.set({ viewport: { x: Math.round(camera.x), y: Math.round(camera.y), zoom: camera.zoom } });
  }

  destroy(): void {
    if (this.timer) clearTimeout(this.timer);
    this.awareness.off('change', this.readPeers);
    this.awareness.setLocalStateField('cursor', null);
  }
}
