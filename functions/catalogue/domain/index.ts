/** The catalogue's pure domain, for other features' domains: lookups, forms and their types. */
export { findOrganisation, findTeam, findTopic, isFileable, topicLevels, topicPaths } from './catalogue';
export { compileForm, storableFields } from './form';
export type {
  Catalogue,
  CatalogueInput,
  FormFieldDefinition,
  LocalizedText,
  OrganisationDefinition,
  TeamDefinition,
  TopicDefinition,
} from './model';
