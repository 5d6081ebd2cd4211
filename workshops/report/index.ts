export * from './charts';
export * from './document';
export * from './model';
export * from './csv';
export { REPORT_TEXT } from './strings';
export * from './privacy';
