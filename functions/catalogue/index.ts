/**
 * The catalogue: organisations, their teams, and the topics requesters choose, each with its
 * small form. Other features' handlers, jobs and stores use it through this index; other
 * features' domains through `domain/index.ts`.
 */
export * from './domain/index';
export {
  belongsToOrganisation,
  catalogueOf,
  type DocumentKind,
  forgetCatalogue,
  loadCatalogue,
  putDocument,
  readDocuments,
  type StoredDocument,
  saveCatalogue,
} from './store';
