/**
 * A headless board for unit tests: the real engine (`createBoard`) on a real Y.Doc and
 * awareness, store updates applied synchronously instead of per animation frame, and a fluent
 * way to drive it (`tb.add(...).select(...).drag(...)`).
 */
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Element, ElementByType, ElementType, Role } from '../../../workshops';
import type { Board } from '../../../web/board';
import { createBoard, fitText, runCommand } from '../../../web/board';
import { testEnv } from '../../fixtures/env';

/** One clock and id counter for every test board of a file: boards that share a doc never clash. */
const env = testEnv();

export class TestBoard {
  readonly board: Board;
  lastId = '';

  constructor(
    readonly doc = new Y.Doc(),
    options: { userId?: string; role?: Role } = {},
  ) {
    const userId = options.userId ?? 'p-test';
    this.board = createBoard(doc, new Awareness(doc), {
      user: { id: userId, name: userId, color: '#2563eb' },
      role: options.role ?? 'participant',
      schedule: (fn) => fn(),
      env,
      fitText,
    });
  }

  add<T extends ElementType>(
    type: T,
    init: Partial<ElementByType[T]> & { x: number; y: number },
  ): this {
    this.lastId = this.board.add(type, init) ?? '';
    return this;
  }

  select(...ids: string[]): this {
    this.board.select(ids);
    return this;
  }

  drag(from: { x: number; y: number }, to: { x: number; y: number }, steps = 10): this {
    this.board.beginDrag([...this.board.state.selection], from);
    for (let i = 1; i <= steps; i++)
      this.board.dragTo({
        x: from.x + ((to.x - from.x) * i) / steps,
        y: from.y + ((to.y - from.y) * i) / steps,
      });
    this.board.endDrag(true);
    return this;
  }

  run(command: string): this {
    runCommand(this.board, command);
    return this;
  }

  get elements(): Element[] {
    return [...this.board.state.elements.values()];
  }

  el(id: string): Element {
    const e = this.board.get(id);
    if (!e) throw new Error(`no element ${id}`);
    return e;
  }
}

/** Two boards on two docs kept in sync both ways (what the server does between two people). */
export function pair(): [TestBoard, TestBoard] {
  const a = new TestBoard(new Y.Doc(), { userId: 'p-a' });
  const b = new TestBoard(new Y.Doc(), { userId: 'p-b' });
  a.doc.on(
    'update',
    (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(b.doc, u, 'remote'),
  );
  b.doc.on(
    'update',
    (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(a.doc, u, 'remote'),
  );
  return [a, b];
}
