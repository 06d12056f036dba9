/** The plan model: types, the draft read from a plan's text, derivation and the diff against a parent. */
export * from './derive';
export * from './diff';
export * from './from-parsed';
export * from './types';
export * from './warnings';
export * from './workflow';
