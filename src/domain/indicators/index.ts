export * from './dti';
export * from './periods';
export * from './progress';
export * from './rank';
export * from './rollup';
