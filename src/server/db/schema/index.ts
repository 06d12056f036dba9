// The one database schema. Each feature adds its tables in its own file here.
export * from './platform';
export * from './history';
export * from './numbering';
export * from './proposals';
export * from './plans';
export * from './exemplars';
export * from './indicators';
export * from './emulation-groups';
export * from './reports';
export * from './councils';
export * from './decisions';
