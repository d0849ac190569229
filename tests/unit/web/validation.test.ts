import { describe, expect, it } from 'vitest';
import type { FormField } from '../../../web/src/api/types';
import { translate } from '../../../web/src/i18n/translate';
import {
  fieldsPayload,
  isPhone,
  isShown,
  meetsPasswordPolicy,
  validateTopicFields,
} from '../../../web/src/lib/validation';

const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
  translate('en', key, params);

// The shape of the Hèstia "new professional" form: a NIF, a select, a conditional category,
// a transient mobile and a confirmation checkbox.
const FIELDS: FormField[] = [
  { name: 'nationalId', type: 'national_id', required: true, label: 'NIF/NIE/Passport' },
  {
    name: 'role',
    type: 'select',
    required: true,
    label: 'Role',
    options: [
      { value: 'professional', label: 'Professional' },
      { value: 'immigration_technician', label: 'Immigration technician' },
    ],
  },
  {
    name: 'category',
    type: 'select',
    required: false,
    label: 'Category',
    options: [{ value: 'A', label: 'A' }],
    requiredWhen: { field: 'role', equals: 'immigration_technician' },
  },
  { name: 'mobile', type: 'phone', required: false, label: 'Mobile', transient: true },
  { name: 'coordinator', type: 'checkbox', required: true, label: 'I am the coordinator' },
  { name: 'year', type: 'number', required: false, label: 'Year' },
  { name: 'tags', type: 'multiselect', required: true, label: 'Tags', options: [{ value: 'a', label: 'A' }] },
];

describe('topic form checks in the browser', () => {
  it('reports every missing answer at once, in words', () => {
    expect(validateTopicFields(FIELDS, {}, t)).toEqual({
      'fields.nationalId': 'Fill in “NIF/NIE/Passport”.',
      'fields.role': 'Choose an option for “Role”.',
      'fields.coordinator': 'Tick “I am the coordinator”.',
      'fields.tags': 'Choose an option for “Tags”.',
    });
  });

  it('checks the NIF letter, phones and numbers', () => {
    const errors = validateTopicFields(
      FIELDS,
      { nationalId: '12345678A', role: 'professional', mobile: '12', coordinator: true, year: 'abc', tags: ['a'] },
      t,
    );
    expect(errors).toEqual({
      'fields.nationalId': 'The NIF check letter does not match its number.',
      'fields.mobile': 'Enter a valid phone number, like 972 123 456 or +34 612 345 678.',
      'fields.year': 'Enter a number for “Year”.',
    });
    expect(isPhone('+34 612 34 56 78')).toBe(true);
  });

  it('shows and requires a conditional field only while its condition holds', () => {
    const category = FIELDS[2] as FormField;
    expect(isShown(category, { role: 'professional' })).toBe(false);
    expect(isShown(category, { role: 'immigration_technician' })).toBe(true);
    const errors = validateTopicFields(
      FIELDS,
      { nationalId: '12345678Z', role: 'immigration_technician', coordinator: true, tags: ['a'] },
      t,
    );
    expect(errors).toEqual({ 'fields.category': 'Choose an option for “Category”.' });
  });

  it('sends shown, non-blank answers in the API types', () => {
    expect(
      fieldsPayload(FIELDS, {
        nationalId: ' 12345678Z ',
        role: 'professional',
        category: 'A',
        mobile: '',
        coordinator: true,
        year: '2026',
        tags: ['a'],
      }),
    ).toEqual({ nationalId: '12345678Z', role: 'professional', coordinator: true, year: 2026, tags: ['a'] });
  });
});

describe("the user pool's password policy, checked before sign-up", () => {
  it('takes 12 characters with upper and lower case, a digit and a symbol', () => {
    expect(meetsPasswordPolicy('Finestreta-2026')).toBe(true);
  });

  it.each([
    ['too short', 'Fines-2026'],
    ['no upper case', 'finestreta-2026'],
    ['no lower case', 'FINESTRETA-2026'],
    ['no digit', 'Finestreta-Demo'],
    ['no symbol', 'Finestreta2026x'],
  ])('refuses a password with %s', (_why, password) => {
    expect(meetsPasswordPolicy(password)).toBe(false);
  });
});
