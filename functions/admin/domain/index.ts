/** Administration's pure domain, for other features' domains: who administers which organisation. */
export { type Administrator, administer, administratorOf, organisationToRead } from './access';
