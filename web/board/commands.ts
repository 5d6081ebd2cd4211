/**
 * One command registry (cf. Excalidraw's actions): the toolbar, keyboard shortcuts (arrow-key
 * nudging included), context menu, help overlay and tests all run commands from here. The
 * board's own commands are `COMMANDS`; a feature adds its own to one board while it is there
 * (`registerCommands`: the facilitator's, web/facilitator/commands.ts), so the engine knows no
 * feature. Whether a command can be undone is the engine's business: what it writes under the
 * board's origin is undoable (board.ts), nothing else is.
 */
import type { ConnectorElement } from '../../workshops';
import { ARROW_HEADS, VALUE_TYPES } from '../../workshops';
import type { Board, ClipboardPayload } from './board';
import { PLACE_TOOLS } from './elements';
import type { ToolId } from './types';

export type CommandGroup = 'tools' | 'edit' | 'arrange' | 'view' | 'facilitate' | 'help';

export interface Command {
  id: string;
  /** i18n key in the `board` namespace (another namespace as `ns:key`). */
  label: string;
  group: CommandGroup;
  /** Shortcuts like `mod+z`, `shift+1`, `delete` (mod = Ctrl, or ⌘ on a Mac). */
  shortcuts: string[];
  /** Whether the command applies now (greyed out / ignored otherwise). */
  predicate?: (board: Board) => boolean;
  perform: (board: Board) => void | Promise<void>;
  /** Shown in the context menu when something is selected. */
  inContextMenu?: boolean;
  /** Left out of the shortcut overview (a variant of a listed command). */
  unlisted?: boolean;
}

const hasSelection = (b: Board) => b.state.selection.size > 0;
const editable = (b: Board) => b.canEdit;
const editableSelection = (b: Board) => b.canEdit && hasSelection(b);

/** The one selected connector, when this person may change it. */
export function selectedBridge(b: Board): ConnectorElement | null {
  if (b.state.selection.size !== 1) return null;
  const [id] = b.state.selection;
  const el = id ? b.get(id) : undefined;
  return el?.type === 'connector' && b.canChange(el) ? el : null;
}

const tool = (id: ToolId, key: string, label: string, editOnly = true): Command => ({
  id: `tool.${id}`,
  label,
  group: 'tools',
  shortcuts: [key],
  ...(editOnly ? { predicate: editable } : {}),
  perform: (b) => b.setTool(id),
});

let memoryClipboard: ClipboardPayload | null = null;

async function writeClipboard(payload: ClipboardPayload): Promise<void> {
  memoryClipboard = payload;
  const text = JSON.stringify(payload);
  try {
    await navigator.clipboard?.writeText(text);
  } catch {
    // No permission (or not a secure context): the in-memory copy still pastes on this page.
  }
}

async function readClipboard(): Promise<ClipboardPayload | null> {
  try {
    const text = await navigator.clipboard?.readText();
    if (text) {
      const parsed = JSON.parse(text) as Partial<ClipboardPayload>;
      if (parsed.werkbank === 1 && Array.isArray(parsed.elements))
        return parsed as ClipboardPayload;
    }
  } catch {
    // fall back to the copy made on this page
  }
  return memoryClipboard;
}

/** Aligning two or more selected elements (one command per edge). */
function align(
  name: string,
  how: Parameters<Board['align']>[1],
  shortcut: string,
  inContextMenu: boolean,
): Command {
  return {
    id: `arrange.align${name}`,
    label: `commands.align${name}`,
    group: 'arrange',
    shortcuts: [shortcut],
    predicate: (b) => b.canEdit && b.state.selection.size > 1,
    perform: (b) => b.align(b.state.selection, how),
    inContextMenu,
  };
}

/** Arrow keys move the selection a little; with Shift, further. */
function nudge(name: string, dx: number, dy: number, key: string): Command[] {
  const step = (n: number): Command => ({
    id: `arrange.nudge${name}${n > 2 ? 'Far' : ''}`,
    label: `commands.nudge${name}`,
    group: 'arrange',
    shortcuts: [n > 2 ? `shift+${key}` : key],
    predicate: hasSelection,
    perform: (b) => b.nudge(b.state.selection, dx * n, dy * n),
    ...(n > 2 ? { unlisted: true } : {}),
  });
  return [step(2), step(20)];
}

export const COMMANDS: Command[] = [
  tool('select', 'v', 'tools.select', false),
  tool('hand', 'h', 'tools.hand', false),
  // The tools that place an element come with their element's view (web/board/elements).
  ...PLACE_TOOLS.map((p) => tool(p.id, p.tool.shortcut, p.tool.label)),
  tool('connector', 'c', 'tools.connector'),
  {
    id: 'tool.block',
    label: 'tools.block',
    group: 'tools',
    shortcuts: ['b'],
    predicate: editable,
    // The palette picks a kind and places it (ui/BlockPalette.tsx).
    perform: (b) => {
      b.setTool('select');
      b.store.setState({ paletteOpen: !b.state.paletteOpen });
    },
  },
  {
    id: 'edit.undo',
    label: 'commands.undo',
    group: 'edit',
    shortcuts: ['mod+z'],
    predicate: (b) => b.canEdit && b.state.canUndo,
    perform: (b) => b.undo(),
  },
  {
    id: 'edit.redo',
    label: 'commands.redo',
    group: 'edit',
    shortcuts: ['mod+shift+z', 'mod+y'],
    predicate: (b) => b.canEdit && b.state.canRedo,
    perform: (b) => b.redo(),
  },
  {
    id: 'edit.delete',
    label: 'commands.delete',
    group: 'edit',
    shortcuts: ['delete', 'backspace'],
    predicate: editableSelection,
    perform: (b) => b.remove(b.state.selection),
    inContextMenu: true,
  },
  {
    id: 'edit.duplicate',
    label: 'commands.duplicate',
    group: 'edit',
    shortcuts: ['mod+d'],
    predicate: editableSelection,
    perform: (b) => void b.duplicate(),
    inContextMenu: true,
  },
  {
    id: 'edit.copy',
    label: 'commands.copy',
    group: 'edit',
    shortcuts: ['mod+c'],
    predicate: hasSelection,
    perform: (b) => writeClipboard(b.copy()),
    inContextMenu: true,
  },
  {
    id: 'edit.cut',
    label: 'commands.cut',
    group: 'edit',
    shortcuts: ['mod+x'],
    predicate: editableSelection,
    perform: async (b) => {
      await writeClipboard(b.copy());
      b.remove(b.state.selection);
    },
  },
  {
    id: 'edit.paste',
    label: 'commands.paste',
    group: 'edit',
    shortcuts: ['mod+v'],
    predicate: editable,
    perform: async (b) => {
      const payload = await readClipboard();
      if (payload) b.paste(payload);
    },
  },
  {
    id: 'edit.selectAll',
    label: 'commands.selectAll',
    group: 'edit',
    shortcuts: ['mod+a'],
    perform: (b) => b.selectAll(),
  },
  {
    id: 'edit.deselect',
    label: 'commands.deselect',
    group: 'edit',
    shortcuts: ['escape'],
    perform: (b) => {
      b.select([]);
      b.setTool('select');
      b.store.setState({ helpOpen: false, contextMenu: null });
    },
  },
  {
    id: 'edit.editText',
    label: 'commands.editText',
    group: 'edit',
    shortcuts: ['enter'],
    predicate: (b) => b.canEdit && b.state.selection.size === 1,
    perform: (b) => {
      const [id] = b.state.selection;
      if (id) b.startEditing(id);
    },
    inContextMenu: true,
  },
  {
    id: 'bridge.cycleValue',
    label: 'bridge.cycleValue',
    group: 'edit',
    shortcuts: ['w'],
    predicate: (b) => !!selectedBridge(b),
    perform: (b) => {
      const el = selectedBridge(b);
      if (!el) return;
      const all = [undefined, ...VALUE_TYPES];
      b.setBridge(el.id, { value: all[(all.indexOf(el.value) + 1) % all.length] });
    },
  },
  {
    id: 'bridge.cycleDirection',
    label: 'bridge.cycleDirection',
    group: 'edit',
    shortcuts: ['a'],
    predicate: (b) => !!selectedBridge(b),
    perform: (b) => {
      const el = selectedBridge(b);
      if (!el) return;
      b.setBridge(el.id, {
        arrow: ARROW_HEADS[(ARROW_HEADS.indexOf(el.arrow) + 1) % ARROW_HEADS.length] ?? 'end',
      });
    },
  },
  {
    id: 'arrange.forward',
    label: 'commands.forward',
    group: 'arrange',
    shortcuts: [']'],
    predicate: editableSelection,
    perform: (b) => b.shift(b.state.selection, 1),
    inContextMenu: true,
  },
  {
    id: 'arrange.backward',
    label: 'commands.backward',
    group: 'arrange',
    shortcuts: ['['],
    predicate: editableSelection,
    perform: (b) => b.shift(b.state.selection, -1),
    inContextMenu: true,
  },
  {
    id: 'arrange.front',
    label: 'commands.front',
    group: 'arrange',
    shortcuts: ['mod+]'],
    predicate: editableSelection,
    perform: (b) => b.bringToFront(b.state.selection),
    inContextMenu: true,
  },
  {
    id: 'arrange.back',
    label: 'commands.back',
    group: 'arrange',
    shortcuts: ['mod+['],
    predicate: editableSelection,
    perform: (b) => b.sendToBack(b.state.selection),
    inContextMenu: true,
  },
  align('Left', 'left', 'alt+a', true),
  align('Top', 'top', 'alt+w', true),
  align('Centre', 'centre', 'alt+h', false),
  align('Middle', 'middle', 'alt+v', false),
  ...nudge('Left', -1, 0, 'arrowleft'),
  ...nudge('Right', 1, 0, 'arrowright'),
  ...nudge('Up', 0, -1, 'arrowup'),
  ...nudge('Down', 0, 1, 'arrowdown'),
  {
    id: 'arrange.snap',
    label: 'commands.snap',
    group: 'arrange',
    shortcuts: ['g'],
    perform: (b) => b.store.setState({ snapToGrid: !b.state.snapToGrid }),
  },
  {
    id: 'view.zoomIn',
    label: 'commands.zoomIn',
    group: 'view',
    shortcuts: ['mod+=', '+', '='],
    perform: (b) => b.zoomBy(1.25),
  },
  {
    id: 'view.zoomOut',
    label: 'commands.zoomOut',
    group: 'view',
    shortcuts: ['mod+-', '-'],
    perform: (b) => b.zoomBy(0.8),
  },
  {
    id: 'view.zoomReset',
    label: 'commands.zoomReset',
    group: 'view',
    shortcuts: ['shift+0'],
    perform: (b) => b.setCamera({ ...b.state.camera, zoom: 1 }),
  },
  {
    id: 'view.zoomFit',
    label: 'commands.zoomFit',
    group: 'view',
    shortcuts: ['shift+1'],
    perform: (b) => b.zoomToFit(),
  },
  {
    id: 'view.zoomSelection',
    label: 'commands.zoomSelection',
    group: 'view',
    shortcuts: ['shift+2'],
    predicate: hasSelection,
    perform: (b) => b.zoomToSelection(),
    inContextMenu: true,
  },
  {
    // The export dialog lives in web/report (BoardExportHost listens for this event).
    id: 'view.export',
    label: 'commands.export',
    group: 'view',
    shortcuts: ['mod+shift+e'],
    perform: () => void window.dispatchEvent(new Event('werkbank:export-board')),
    inContextMenu: true,
  },
  {
    id: 'help.toggle',
    label: 'commands.help',
    group: 'help',
    shortcuts: ['?', 'shift+/'],
    perform: (b) => b.store.setState({ helpOpen: !b.state.helpOpen }),
  },
];

const BY_ID = new Map(COMMANDS.map((c) => [c.id, c]));

/** Commands features registered on a board (`registerCommands`), by id. */
const registered = new WeakMap<Board, Map<string, Command>>();

/**
 * Adds a feature's commands to one board while the feature is there; returns the way to take
 * them off again. A later registration of the same id replaces the earlier one.
 */
export function registerCommands(board: Board, commands: readonly Command[]): () => void {
  let own = registered.get(board);
  if (!own) registered.set(board, (own = new Map()));
  const mine = own;
  for (const c of commands) mine.set(c.id, c);
  return () => {
    for (const c of commands) if (mine.get(c.id) === c) mine.delete(c.id);
  };
}

/** The board's commands and those features registered on it. */
export function commandsOf(board: Board): Command[] {
  return [...COMMANDS, ...(registered.get(board)?.values() ?? [])];
}

/** A command of the board, or of a feature registered on `board`. */
export function getCommand(id: string, board?: Board): Command {
  const c = BY_ID.get(id) ?? (board ? registered.get(board)?.get(id) : undefined);
  if (!c) throw new Error(`unknown command ${id}`);
  return c;
}

export function canRun(board: Board, id: string): boolean {
  const c = getCommand(id, board);
  return !c.predicate || c.predicate(board);
}

/** Runs a command if it applies; returns whether it ran. */
export function runCommand(board: Board, id: string): boolean {
  const c = getCommand(id, board);
  if (c.predicate && !c.predicate(board)) return false;
  void c.perform(board);
  return true;
}

export const isMac = () =>
  typeof navigator !== 'undefined' &&
  /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** The shortcut string of a keyboard event, in the registry's notation. */
export function shortcutOf(
  e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey' | 'code'>,
): string {
  const parts: string[] = [];
  if (isMac() ? e.metaKey : e.ctrlKey) parts.push('mod');
  if (e.altKey) parts.push('alt');
  let key = e.key.toLowerCase();
  if (e.altKey && e.code.startsWith('Key')) key = e.code.slice(3).toLowerCase();
  if (e.shiftKey && (key.length > 1 || /[a-z0-9]/.test(key))) parts.push('shift');
  if (e.shiftKey && e.code.startsWith('Digit')) key = e.code.slice(5);
  if (key === ' ') key = 'space';
  parts.push(key);
  return parts.join('+');
}

export function commandForShortcut(shortcut: string, board?: Board): Command | undefined {
  return (board ? commandsOf(board) : COMMANDS).find((c) => c.shortcuts.includes(shortcut));
}

/** How a shortcut is shown to people (⌘ on a Mac, Ctrl elsewhere). */
export function displayShortcut(s: string): string {
  return s
    .split('+')
    .map((p) =>
      p === 'mod'
        ? isMac()
          ? '⌘'
          : 'Ctrl'
        : p === 'shift'
          ? '⇧'
          : p === 'alt'
            ? isMac()
              ? '⌥'
              : 'Alt'
            : p.length === 1
              ? p.toUpperCase()
              : p[0]?.toUpperCase() + p.slice(1),
    )
    .join(isMac() ? '' : '+');
}
