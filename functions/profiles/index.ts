/**
 * Profiles: a person's name, email and mail language, and for staff where they work. Other
 * features' handlers, jobs and stores use them through this index.
 */
export * from './domain/index';
export { profileOf } from './resolve';
export { decodeProfile, getProfile, profileKey, putProfileAtVersion, saveProfile, staffOf } from './store';
