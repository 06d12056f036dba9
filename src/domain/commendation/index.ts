/**
 * The pure domain core of commendation (thi đua, khen thưởng): codes, the versioned rules
 * catalog, the condition language, the eligibility engine, caps, bonus arithmetic, document
 * numbering, workflows and ballots. No I/O, no clock, no framework.
 */
export * from './codes';
export * from './history';
export * from './conditions';
export * from './catalog';
export * from './base-salary';
export * from './eligibility';
export * from './lineage-merge';
export * from './caps';
export * from './bonus';
export * from './money';
export * from './numbering';
export * from './workflow';
export * from './ballot';
