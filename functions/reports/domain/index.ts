/** The reports feature's domain: what each ticket change counts, and the monthly indicators read back from those counters. */

export * from './counts';
export * from './csv';
export * from './histogram';
export * from './monthly';
