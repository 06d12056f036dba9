export * from './criteria';
export * from './ranking';
export * from './workflow';
