export * from './suggest';
export * from './layout';
