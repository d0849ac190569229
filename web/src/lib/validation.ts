/**
 * Checks in the browser before sending, with the API's own rules (functions/catalogue/domain/
 * form.ts and contracts/text.ts), so people see every problem at once without a round trip. The
 * API checks again; what only it can know (a corporate mail domain) comes back as a 400.
 * Pure: tests/unit/web/validation.test.ts.
 */

import type { FieldErrors } from '../api/problem';
import type { FormField } from '../api/types';
import type { MessageKey } from '../i18n/ca';
import { type NationalIdProblem, nationalIdProblem } from './national-id';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;
export type FieldValue = string | string[] | boolean;
export type FieldValues = Record<string, FieldValue>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9]{9,15}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const isEmail = (value: string): boolean => EMAIL.test(value.trim());

/** The user pool's password policy (lib/constructs/auth.ts): 12 characters, upper, lower, digit, symbol. */
export const meetsPasswordPolicy = (password: string): boolean =>
  password.length >= 12 &&
  /[a-z]/.test(password) &&
  /[A-Z]/.test(password) &&
  /\d/.test(password) &&
  /[^A-Za-z0-9\s]/.test(password);
export const isPhone = (value: string): boolean => PHONE.test(value.replace(/[\s().-]/g, ''));

const ID_MESSAGES: Record<NationalIdProblem, MessageKey> = {
  nifLetter: 'v.nifLetter',
  nieLetter: 'v.nieLetter',
  shape: 'v.idShape',
  unknown: 'v.id',
};

/** A field with `requiredWhen` is shown (and required) only while its condition holds. */
export function isShown(field: FormField, values: FieldValues): boolean {
  const when = field.requiredWhen;
  if (!when) return true;
  const current = values[when.field];
  return current === when.equals;
}

export const isRequired = (field: FormField, values: FieldValues): boolean =>
  field.requiredWhen ? isShown(field, values) : field.required;

const isBlank = (value: FieldValue | undefined) =>
  value === undefined || value === '' || value === false || (Array.isArray(value) && value.length === 0);

/** One field's problem, or undefined. */
export function checkField(field: FormField, value: FieldValue | undefined, required: boolean, t: Translate) {
  const label = field.label;
  if (isBlank(value)) {
    if (!required) return undefined;
    if (field.type === 'checkbox') return t('v.confirm', { label });
    if (field.type === 'select' || field.type === 'multiselect') return t('v.choose', { label });
    return t('v.required', { label });
  }
  const text = typeof value === 'string' ? value.trim() : '';
  switch (field.type) {
    case 'email':
    case 'corporate_email':
      return isEmail(text) ? undefined : t('v.email');
    case 'phone':
      return isPhone(text) ? undefined : t('v.phone');
    case 'national_id': {
      const problem = nationalIdProblem(text);
      return problem ? t(ID_MESSAGES[problem]) : undefined;
    }
    case 'number':
      return text !== '' && Number.isFinite(Number(text.replace(',', '.'))) ? undefined : t('v.number', { label });
    case 'date':
      return DATE.test(text) && !Number.isNaN(Date.parse(text)) ? undefined : t('v.date', { label });
    default:
      return undefined;
  }
}

/** Problems of a topic's form, keyed by input path ("fields.<name>"). */
export function validateTopicFields(fields: readonly FormField[], values: FieldValues, t: Translate): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of fields) {
    if (!isShown(field, values)) continue;
    const message = checkField(field, values[field.name], isRequired(field, values), t);
    if (message) errors[`fields.${field.name}`] = message;
  }
  return errors;
}

/** The `fields` object to send: shown, non-blank answers in the types the API takes. */
export function fieldsPayload(fields: readonly FormField[], values: FieldValues): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field.name];
    if (!isShown(field, values) || value === undefined) continue;
    if (field.type === 'checkbox') {
      payload[field.name] = value === true;
      continue;
    }
    if (isBlank(value)) continue;
    if (field.type === 'number' && typeof value === 'string') payload[field.name] = Number(value.replace(',', '.'));
    else if (typeof value === 'string') payload[field.name] = value.trim();
    else payload[field.name] = value;
  }
  return payload;
}

/** Text length rules of the ticket's own fields (contracts/tickets.ts). */
export function checkLength(label: string, value: string, min: number, max: number, t: Translate) {
  const length = value.trim().length;
  if (length === 0) return t('v.required', { label });
  if (length < min) return t('v.minLength', { label, n: min });
  if (length > max) return t('v.maxLength', { label, n: max });
  return undefined;
}
