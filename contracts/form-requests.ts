import { phone, slug, text } from './text';
import { LANGUAGES } from './vocabulary';
import * as z from './zod';

/**
 * A department's request for a new contact form, through the seven steps of source 003: the
 * petition (website, topics, languages, contact) is reviewed by the directorate, which approves,
 * rejects or asks for changes (the department revises, and it is reviewed again); the department
 * uploads the header and footer of each language and then the form's parameters; the technical
 * office sets the form up and hands back its URL in each language; the department confirms its
 * pages link to them.
 */
export const FORM_REQUEST_STEPS = [
  'review',
  'changes',
  'templates',
  'parameters',
  'setup',
  'links',
  'completed',
  'rejected',
] as const;
export type FormRequestStep = (typeof FORM_REQUEST_STEPS)[number];

/** Who acts at a step: the department that asked, the directorate (reviewer) or the technical office (operator). */
export const FORM_REQUEST_ACTORS = ['department', 'reviewer', 'operator'] as const;
export type FormRequestActor = (typeof FORM_REQUEST_ACTORS)[number];

export const REVIEW_DECISIONS = ['approve', 'reject', 'request_changes'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

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
