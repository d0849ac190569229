import {
  FormField,
  OrganisationDocument,
  SHARED_CATALOGUE,
  SlaPolicy,
  TeamDocument,
  TopicDocument,
} from '../../../contracts/catalogue';
import { LocalizedText } from '../../../contracts/text';
import * as z from '../../../contracts/zod';
import { BusinessCalendar } from '../../sla/domain/index';

export { LocalizedText };

/** The shapes are the administration contract's: what is stored is what administrators send. */
export const FormFieldDefinition = FormField;
export type FormFieldDefinition = z.infer<typeof FormFieldDefinition>;

const id = () =>
  z.string().check(
    z.regex(/^[a-z0-9][a-z0-9-]*$/),
    z.refine((value) => value !== SHARED_CATALOGUE, `"${SHARED_CATALOGUE}" names the shared catalogue.`),
  );

export const TopicDefinition = z.extend(TopicDocument, { id: id() });
export type TopicDefinition = z.infer<typeof TopicDefinition>;

export const OrganisationDefinition = z.extend(OrganisationDocument, {
  id: id(),
  /** Opening hours, in its time zone, and holidays: what its response-time commitments count in. */
  calendar: z.optional(BusinessCalendar),
  /** Its response-time commitments; without them (or a calendar) its tickets carry no SLA clock. */
  slaPolicy: z.optional(SlaPolicy),
});
export type OrganisationDefinition = z.infer<typeof OrganisationDefinition>;

export const TeamDefinition = z.extend(TeamDocument, { id: id() });
export type TeamDefinition = z.infer<typeof TeamDefinition>;

export const Catalogue = z.strictObject({
  organisations: z.array(OrganisationDefinition),
  teams: z.array(TeamDefinition),
  topics: z.array(TopicDefinition),
});
export type Catalogue = z.infer<typeof Catalogue>;
/** A catalogue as written by hand (defaults may be left out). */
export type CatalogueInput = z.input<typeof Catalogue>;
