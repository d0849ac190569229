import { z } from 'zod';
import type { FormFieldDefinition, OrganisationDefinition } from './model';
import { checkNationalId } from './national-id';

const TEXT_MAX = 500;
const TEXTAREA_MAX = 5000;
/** Spanish numbers (9 digits, optional +34) and any E.164 number. */
const PHONE = /^\+?[0-9]{9,15}$/;

export type FieldValues = Record<string, unknown>;

const onDomain = (email: string, domains: readonly string[]) => {
  const host = email.split('@').pop()?.toLowerCase() ?? '';
  return domains.some((domain) => host === domain || host.endsWith(`.${domain}`));
};

function fieldSchema(field: FormFieldDefinition, organisation: OrganisationDefinition): z.ZodType {
  switch (field.type) {
    case 'text':
    case 'textarea':
      return z
        .string()
        .trim()
        .min(1, 'Required.')
        .max(field.maxLength ?? (field.type === 'text' ? TEXT_MAX : TEXTAREA_MAX));
    case 'email':
      return z.email('Enter a valid email address.').toLowerCase();
    case 'corporate_email':
      return z
        .email('Enter a valid email address.')
        .toLowerCase()
        .refine((email) => onDomain(email, organisation.emailDomains), {
          message: `Use your corporate address (${organisation.emailDomains.map((d) => `@${d}`).join(', ')}).`,
        });
    case 'national_id':
      return z.string().transform((value, context) => {
        const check = checkNationalId(value);
        if (check.valid) return check.normalized;
        context.addIssue({ code: 'custom', message: check.reason });
        return z.NEVER;
      });
    case 'phone':
      return z
        .string()
        .transform((value) => value.replace(/[\s().-]/g, ''))
        .refine((value) => PHONE.test(value), { message: 'Enter a phone number with 9 to 15 digits.' });
    case 'select':
      return z.enum((field.options ?? []).map((option) => option.value) as [string, ...string[]]);
    case 'multiselect': {
      const values = z.enum((field.options ?? []).map((option) => option.value) as [string, ...string[]]);
      return z
        .array(values)
        .min(1, 'Choose at least one option.')
        .refine((list) => new Set(list).size === list.length, { message: 'Each option may be chosen once.' });
    }
    case 'checkbox':
      return field.required ? z.literal(true, 'Must be ticked.') : z.boolean();
    case 'date':
      return z.iso.date('Enter a date as YYYY-MM-DD.');
    case 'number': {
      let schema = z.number();
      if (field.min !== undefined) schema = schema.min(field.min);
      if (field.max !== undefined) schema = schema.max(field.max);
      return schema;
    }
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
  const shape: Record<string, z.ZodType> = {};
  for (const field of fields) {
    const schema = fieldSchema(field, organisation);
    shape[field.name] =
      field.required && !field.requiredWhen ? schema : z.preprocess(blankToUndefined, schema.optional());
  }
  return z.strictObject(shape).superRefine(
    (values: FieldValues, context) => {
      for (const field of fields) {
        const condition = field.requiredWhen;
        if (
          condition &&
          values[condition.field] === condition.equals &&
          blankToUndefined(values[field.name]) === undefined
        ) {
          context.addIssue({ code: 'custom', path: [field.name], message: 'Required.' });
        }
      }
    },
    // Also when other fields failed, so the requester sees every missing answer at once.
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  );
}

/** What may be stored: everything but transient fields (e.g. a mobile used once for a password). */
export function storableFields(fields: readonly FormFieldDefinition[], values: FieldValues): FieldValues {
  const transient = new Set(fields.filter((field) => field.transient).map((field) => field.name));
  return Object.fromEntries(Object.entries(values).filter(([name]) => !transient.has(name)));
}
