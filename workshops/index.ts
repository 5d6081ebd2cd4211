/**
 * The domain core: pure TypeScript, imported by web/ and sync-server/, importing nothing of ours.
 * See CONTEXT.md for what lives where.
 */
export * from './i18n';
export * from './env';
export * from './rooms';
export * from './categories';
export * from './contract';
export * from './text';
export * from './elements/base';
export * from './elements/sticky';
export * from './elements/text';
export * from './elements/shape';
export * from './elements/connector';
export * from './elements/frame';
export * from './elements/block';
export * from './elements/registry';
export * from './board/doc';
export * from './board/shared-text';
export * from './control/doc';
export * from './seed';
export * from './blocks/types';
export * from './blocks/catalogue';
export * from './sessions';
export * from './templates/ids';
export * from './elements/widget';
export * from './widgets';
export * from './templates';
export * from './carry';
export * from './facilitation';
export * from './clustering';
export * from './board/compaction';
