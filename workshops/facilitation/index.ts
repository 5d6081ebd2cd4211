export * from './live';
export * from './voting';
export * from './roaming';
