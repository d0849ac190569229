import { FORM_REQUEST_ACTORS, FORM_REQUEST_STEPS, REVIEW_DECISIONS } from './form-request-steps';
import { phone, slug, text } from './text';
import { LANGUAGES } from './vocabulary';
import * as z from './zod';

export {
  FORM_REQUEST_ACTORS,
  FORM_REQUEST_STEPS,
  type FormRequestActor,
  type FormRequestStep,
  REVIEW_DECISIONS,
  type ReviewDecision,
} from './form-request-steps';

/** An absolute https URL: the department's website, the form's pages. */
const httpsUrl = () =>
  z.string().check(
    z.maxLength(2000),
    z.refine((value) => URL.canParse(value) && new URL(value).protocol === 'https:', 'Give an https:// address.'),
  );

const languages = () =>
  z.array(z.enum(LANGUAGES)).check(
    z.minLength(1, 'Choose at least one language.'),
    z.refine((list) => new Set(list).size === list.length, 'Each language once.'),
  );

/** What a department asks for (steps 1 and, revised, 2). */
export const FormPetition = z.strictObject({
  /** Where the form will be linked from. */
  website: httpsUrl(),
  /** The topics the form offers, by id (GET /topics). */
  topics: z.array(slug()).check(z.minLength(1, 'Choose at least one topic.'), z.maxLength(50)),
  languages: languages(),
  /** Whom the directorate and the technical office talk to. */
  contact: z.strictObject({
    name: text(1, 120),
    email: z.email('Enter a valid email address.'),
    phone: z.optional(phone()),
  }),
});
export type FormPetition = z.infer<typeof FormPetition>;

/** The directorate's decision; a comment says why, and is required unless it approves. */
export const Review = z
  .strictObject({
    decision: z.enum(REVIEW_DECISIONS),
    comment: z.optional(text(1, 2000, { multiline: true })),
  })
  .check(
    z.refine((review) => review.decision === 'approve' || review.comment !== undefined, {
      message: 'Say why, for the department.',
      path: ['comment'],
    }),
  );
export type Review = z.infer<typeof Review>;

/** A language's header and footer, HTML fragments checked before they are stored (no scripts, no outside resources but https images and styles). */
export const FormTemplates = z.strictObject({
  header: z.string().check(z.maxLength(100 * 1024)),
  footer: z.string().check(z.maxLength(100 * 1024)),
});
export type FormTemplates = z.infer<typeof FormTemplates>;

/** One field of the form, as the department parametrises it. */
const ParameterField = z.strictObject({
  name: slug(),
  label: z.partialRecord(z.enum(LANGUAGES), text(1, 200)),
  type: z.enum(['text', 'textarea', 'email', 'phone', 'national_id', 'select', 'checkbox', 'date']),
  required: z._default(z.boolean(), false),
});

/** The form's parametrisation (step 4): its topics, fields, languages and website. */
export const FormParameters = z.strictObject({
  website: httpsUrl(),
  topics: z.array(slug()).check(z.minLength(1), z.maxLength(50)),
  languages: languages(),
  fields: z.array(ParameterField).check(z.maxLength(40)),
});
export type FormParameters = z.infer<typeof FormParameters>;

/** Where the technical office set the form up, one URL per language of the request (steps 5 and 6). */
export const FormSetup = z.strictObject({ urls: z.partialRecord(z.enum(LANGUAGES), httpsUrl()) });
export type FormSetup = z.infer<typeof FormSetup>;

export const FormRequestParams = z.strictObject({ requestId: z.uuid() });
export const TemplateParams = z.strictObject({ requestId: z.uuid(), language: z.enum(LANGUAGES) });

/** Where a request stands: going through its steps, or ended one way or the other. */
export const FORM_REQUEST_STATUSES = ['in_progress', 'completed', 'rejected'] as const;
export type FormRequestStatus = (typeof FORM_REQUEST_STATUSES)[number];

/** One line of the request's history: who did what, at which step, when. */
export const FormRequestHistoryEntry = z.object({
  step: z.enum(FORM_REQUEST_STEPS),
  action: z.enum([
    'petitioned',
    'review',
    'revise',
    'template',
    'parameters',
    'setup',
    'links_updated',
    'reminded',
    'escalated',
  ]),
  decision: z.optional(z.enum(REVIEW_DECISIONS)),
  comment: z.optional(z.string()),
  language: z.optional(z.enum(LANGUAGES)),
  by: z.object({ id: z.string(), name: z.string() }),
  at: z.iso.datetime(),
});

const FormRequestFacts = {
  id: z.uuid(),
  step: z.enum(FORM_REQUEST_STEPS),
  status: z.enum(FORM_REQUEST_STATUSES),
  /** Who must act now; absent once the request has ended. */
  waitingFor: z.optional(z.enum(FORM_REQUEST_ACTORS)),
  /** When the current step is due (the end of its last business day), and whether that has passed. */
  dueAt: z.optional(z.iso.datetime()),
  late: z.boolean(),
  department: z.object({ id: z.string(), name: z.string() }),
  website: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
};

/** A request in a list (the department's own, or every request for the directorate and the technical office). */
export const FormRequestSummary = z.object(FormRequestFacts);
export const FormRequestList = z.object({ items: z.array(FormRequestSummary) });

/** A request with everything about it: petition, templates in, parameters, the form's URLs, history. */
export const FormRequest = z.object({
  ...FormRequestFacts,
  petition: FormPetition,
  /** Languages whose header and footer are in, and when they were stored. */
  templates: z.partialRecord(z.enum(LANGUAGES), z.iso.datetime()),
  parameters: z.optional(FormParameters),
  urls: z.optional(z.partialRecord(z.enum(LANGUAGES), z.string())),
  history: z.array(FormRequestHistoryEntry),
});
export type FormRequest = z.infer<typeof FormRequest>;
