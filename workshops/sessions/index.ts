export * from './types';
export * from './content';
export * from './model';
export * from './display';
