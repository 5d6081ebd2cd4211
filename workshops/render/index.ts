export * from './board';
export * from './draw';
export * from './text';
export { textWidth } from './metrics';
