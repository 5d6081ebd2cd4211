export * from './content';
export * from './stats';
export * from './answers';
export * from './layout';
