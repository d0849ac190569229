/** The catalogue's pure domain, for other features' domains: lookups, forms and their types. */
export { findOrganisation, findTeam, findTopic, isFileable, topicPaths, visibleTopics } from './catalogue';
export { compileForm, type FieldValues, storableFields } from './form';
export type {
  Catalogue,
  CatalogueInput,
  FormFieldDefinition,
  LocalizedText,
  OrganisationDefinition,
  TeamDefinition,
  TopicDefinition,
} from './model';
