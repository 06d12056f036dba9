/**
 * The pure domain core of commendation (thi đua, khen thưởng): codes, the versioned rules
 * catalog, the condition language, the eligibility engine, caps, bonus arithmetic, document
 * numbering, workflows and ballots. No I/O, no clock, no framework.
 */

export * from './ballot';
export * from './base-salary';
export * from './bonus';
export * from './caps';
export * from './catalog';
export * from './codes';
export * from './conditions';
export * from './eligibility';
export * from './history';
export * from './lineage-merge';
export * from './money';
export * from './numbering';
export * from './workflow';
