export * from './live';
export * from './voting';
