/**
 * The whiteboard: `createBoard(doc, awareness, options)` (no React) and `<BoardCanvas board />`.
 */
export { Board, createBoard } from './board';
export type { BoardOptions, ClipboardPayload, TextFit } from './board';
export { fitText } from './elements';
export { BoardCanvas } from './canvas/BoardCanvas';
export { fitBoard, fitFrame, followCamera } from './camera-fit';
export { Announcer, KeyboardLayer, announce, announceBroughtHere } from './keyboard-nav';
export type { FollowedView } from './camera-fit';
export { COMMANDS, canRun, getCommand, registerCommands, runCommand } from './commands';
export type { Command } from './commands';
export type { BoardState, BoardUser, Peer, ReadOnlyReason, ToolId } from './types';
