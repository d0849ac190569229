import { phone, text } from '../../../contracts/text';
import * as z from '../../../contracts/zod';
import type { FormFieldDefinition, OrganisationDefinition } from './model';
import { checkNationalId, normalizeNationalId } from './national-id';

const TEXT_MAX = 500;
const TEXTAREA_MAX = 5000;

export type FieldValues = Record<string, unknown>;

const onDomain = (email: string, domains: readonly string[]) => {
  const host = email.split('@').pop()?.toLowerCase() ?? '';
  return domains.some((domain) => host === domain || host.endsWith(`.${domain}`));
};

function fieldSchema(field: FormFieldDefinition, organisation: OrganisationDefinition): z.ZodMiniType {
  switch (field.type) {
    case 'text':
    case 'textarea':
      return text(1, field.maxLength ?? (field.type === 'text' ? TEXT_MAX : TEXTAREA_MAX), {
        tooShort: 'Required.',
        multiline: field.type === 'textarea',
      });
    case 'email':
      return z.email('Enter a valid email address.').check(z.toLowerCase());
    case 'corporate_email':
      return z.email('Enter a valid email address.').check(
        z.toLowerCase(),
        z.refine((email) => onDomain(email, organisation.emailDomains), {
          message: `Use your corporate address (${organisation.emailDomains.map((d) => `@${d}`).join(', ')}).`,
        }),
      );
    case 'national_id':
      return z.string().check(
        z.overwrite(normalizeNationalId),
        z.superRefine((value, context) => {
          const check = checkNationalId(value);
          if (!check.valid) context.addIssue({ code: 'custom', message: check.reason, input: value });
        }),
      );
    case 'phone':
      return phone();
    case 'select':
      return z.enum((field.options ?? []).map((option) => option.value) as [string, ...string[]]);
    case 'multiselect':
      return z.array(z.enum((field.options ?? []).map((option) => option.value) as [string, ...string[]])).check(
        z.minLength(1, 'Choose at least one option.'),
        z.refine((list) => new Set(list).size === list.length, 'Each option may be chosen once.'),
      );
    case 'checkbox':
      return field.required ? z.literal(true, 'Must be ticked.') : z.boolean();
    case 'date':
      return z.iso.date('Enter a date as YYYY-MM-DD.');
    case 'number':
      return z
        .number()
        .check(
          ...(field.min !== undefined ? [z.gte(field.min)] : []),
          ...(field.max !== undefined ? [z.lte(field.max)] : []),
        );
  }
}

/** Empty answers to optional fields count as not given, as a person filling a form means them. */
const blankToUndefined = (value: unknown) =>
  value === '' || value === null || (Array.isArray(value) && value.length === 0) ? undefined : value;

/** Compiled once per form definition: the catalogue cache keeps the same objects between calls. */
const compiled = new WeakMap<readonly FormFieldDefinition[], ReturnType<typeof buildForm>>();

export function compileForm(fields: readonly FormFieldDefinition[], organisation: OrganisationDefinition) {
  let schema = compiled.get(fields);
  if (!schema) {
    schema = buildForm(fields, organisation);
    compiled.set(fields, schema);
  }
  return schema;
}

/**
 * Compiles a topic's form into the zod schema of the ticket's `fields`: unknown fields are
 * rejected, every failing field is reported, and conditional requirements are enforced.
 */
function buildForm(fields: readonly FormFieldDefinition[], organisation: OrganisationDefinition) {
  const shape: Record<string, z.ZodMiniType> = {};
  for (const field of fields) {
    const schema = fieldSchema(field, organisation);
    const unlessBlank: z.ZodMiniType = z.optional(schema);
    shape[field.name] =
      field.required && !field.requiredWhen
        ? schema
        : z.optional(z.pipe(z.transform<unknown, unknown>(blankToUndefined), unlessBlank));
  }
  return z.strictObject(shape).check(
    z.superRefine(
      (values: FieldValues, context) => {
        for (const field of fields) {
          const condition = field.requiredWhen;
          if (
            condition &&
            values[condition.field] === condition.equals &&
            blankToUndefined(values[field.name]) === undefined
          ) {
            context.addIssue({ code: 'custom', path: [field.name], message: 'Required.', input: values[field.name] });
          }
        }
      },
      // Also when other fields failed, so the requester sees every missing answer at once.
      { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
    ),
  );
}

/** What may be stored: everything but transient fields (e.g. a mobile used once for a password). */
export function storableFields(fields: readonly FormFieldDefinition[], values: FieldValues): FieldValues {
  const transient = new Set(fields.filter((field) => field.transient).map((field) => field.name));
  return Object.fromEntries(Object.entries(values).filter(([name]) => !transient.has(name)));
}
