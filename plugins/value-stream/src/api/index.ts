export * from './ValueStreamApi';
export * from './ValueStreamClient';
