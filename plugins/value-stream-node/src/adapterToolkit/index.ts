export * from './payload';
export * from './events';
export * from './repository';
