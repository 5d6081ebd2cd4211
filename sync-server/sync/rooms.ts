/**
 * Opens rooms on demand, keeps them while anyone holds them, and unloads idle ones after
 * `idleUnloadMs`: flushed, compacted (a board whose history outweighs its content is stored
 * without it), freed. A room being unloaded is reopened only once its unload has finished, so
 * nothing is read from a half-compacted store.
 */
import type { RoomRef } from '../../workshops';
import { roomName } from '../../workshops';
import type { Logger } from '../log';
import type { DocStore } from '../store/docs';
import { PURGE_DELAY_MS, onForgotten, purgeWorkshop } from './forget';
import { Room } from './room';

/** What else follows a room while it is loaded (the scale-out bus, sync-server/scale/bus.ts). */
export interface RoomHooks {
  /** A room was loaded; it is handed out once this resolves. */
  opened(room: Room): Promise<void>;
  /** A room was flushed and unloaded. */
  unloaded(room: Room): void;
}

export class Rooms {
  private readonly rooms = new Map<string, Room>();
  private readonly unloading = new Map<string, Promise<void>>();
  private readonly opened = new WeakMap<Room, Promise<void>>();
  /** Control rooms: stops watching for forgotten participants (`forget.ts`). */
  private readonly unwatch = new WeakMap<Room, () => void>();

  constructor(
    private readonly store: DocStore,
    private readonly log: Logger,
    private readonly idleUnloadMs: number,
    private readonly hooks: RoomHooks | null = null,
  ) {}

  /** Opens (or reuses) a room and holds it until `release`. Resolves once its state is loaded. */
  async acquire(ref: RoomRef): Promise<Room> {
    const name = roomName(ref);
    for (;;) {
      const pending = this.unloading.get(name);
      if (!pending) break;
      await pending;
    }
    let room = this.rooms.get(name);
    if (!room) {
      const created = new Room(name, ref, this.store, this.log);
      room = created;
      this.rooms.set(name, created);
      const { hooks } = this;
      if (hooks)
        this.opened.set(
          created,
          created.ready.then(() => hooks.opened(created)),
        );
    }
    room.holds++;
    if (room.unloadTimer) {
      clearTimeout(room.unloadTimer);
      room.unloadTimer = null;
    }
    try {
      await room.ready;
      if (ref.kind === 'control' && !this.unwatch.has(room)) this.watchForgotten(room);
    } catch (err) {
      // A room whose stored state could not be read is forgotten (the next acquire reads it
      // again), never kept half-loaded; the caller refuses the connection or request.
      room.holds = Math.max(0, room.holds - 1);
      if (this.rooms.get(name) === room && room.holds === 0) this.rooms.delete(name);
      throw err;
    }
    await this.opened.get(room);
    return room;
  }

  /** A participant forgotten: the workshop's stored history is rewritten without them. */
  private watchForgotten(control: Room): void {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const stop = onForgotten(control.doc, () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        void purgeWorkshop(control, (name) => this.rooms.get(name), this.store, this.log);
      }, PURGE_DELAY_MS);
      timer.unref();
    });
    this.unwatch.set(control, () => {
      stop();
      if (timer) clearTimeout(timer);
    });
  }

  release(room: Room): void {
    room.holds = Math.max(0, room.holds - 1);
    this.scheduleUnload(room);
  }

  /** Loaded rooms (for health and tests). */
  get size(): number {
    return this.rooms.size;
  }

  get(name: string): Room | undefined {
    return this.rooms.get(name);
  }

  /**
   * The picture the store keeps of a room nobody has open (null when the room is loaded or being
   * unloaded here, or the store has no current picture of it): see DocStore.picture.
   */
  async storedPicture(name: string): Promise<Uint8Array | null> {
    if (this.rooms.has(name) || this.unloading.has(name)) return null;
    return this.store.picture(name);
  }

  scheduleUnload(room: Room): void {
    if (!room.idle || room.unloadTimer) return;
    room.unloadTimer = setTimeout(() => {
      room.unloadTimer = null;
      if (!room.idle || this.rooms.get(room.name) !== room) return;
      this.rooms.delete(room.name);
      this.unwatch.get(room)?.();
      const done = room
        .unload({ dropHistory: true })
        .catch((err: unknown) =>
          this.log.error({ room: room.name, err }, 'unloading a room failed'),
        )
        .finally(() => {
          this.unloading.delete(room.name);
          this.hooks?.unloaded(room);
        });
      this.unloading.set(room.name, done);
      this.log.debug({ room: room.name }, 'room unloaded');
    }, this.idleUnloadMs);
    room.unloadTimer.unref();
  }

  /** Flushes and unloads every room (shutdown). */
  async closeAll(): Promise<void> {
    const all = [...this.rooms.values()];
    this.rooms.clear();
    for (const room of all) {
      if (room.unloadTimer) clearTimeout(room.unloadTimer);
      this.unwatch.get(room)?.();
    }
    await Promise.all([...this.unloading.values()]);
    await Promise.all(
      all.map((r) =>
        r
          .unload()
          .catch((err: unknown) => this.log.error({ room: r.name, err }, 'flush failed'))
          .finally(() => this.hooks?.unloaded(r)),
      ),
    );
  }
}
