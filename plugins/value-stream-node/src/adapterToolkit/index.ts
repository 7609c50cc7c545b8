export * from './payload';
export * from './events';
export * from './repository';
export * from './labels';
export * from './files';
