/**
 * Reports: the monthly indicators. Other features add to its counters in the transaction of
 * each change they count (domain `countsOfChange`, store `counterUpdates`).
 */
export * from './domain/index';
export { counterUpdates } from './store';
