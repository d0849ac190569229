import { describe, expect, it } from 'vitest';
import { compileForm, storableFields } from '../../../functions/catalogue/domain/form';
import type { FormFieldDefinition, OrganisationDefinition } from '../../../functions/catalogue/domain/model';
import { zodIssuesOf as zodIssues } from '../../../functions/platform/kernel/issues';

const text = (en: string) => ({ ca: en, es: en, oc: en, en });
const organisation: OrganisationDefinition = {
  id: 'hestia',
  name: text('Hèstia'),
  ticketPrefix: 'HESTIA',
  emailDomains: ['ajuntament.example.cat'],
  reopenWindowDays: 7,
  languages: ['ca'],
  attachments: { maxBytes: 10 * 1024 * 1024, retentionDays: 730 },
};
const newUser: FormFieldDefinition[] = [
  { name: 'fullName', type: 'text', required: true, label: text('Full name') },
  { name: 'nationalId', type: 'national_id', required: true, label: text('NIF/NIE/passport') },
  { name: 'corporateEmail', type: 'corporate_email', required: true, label: text('Corporate email') },
  {
    name: 'role',
    type: 'select',
    required: true,
    label: text('Role'),
    options: [
      { value: 'social_worker', label: text('Social worker') },
      { value: 'immigration_technician', label: text('Immigration technician') },
    ],
  },
  {
    name: 'category',
    type: 'select',
    required: false,
    label: text('Category'),
    options: ['A', 'B', 'C'].map((value) => ({ value, label: text(value) })),
    requiredWhen: { field: 'role', equals: 'immigration_technician' },
  },
  { name: 'mobile', type: 'phone', required: false, transient: true, label: text('Mobile') },
  { name: 'coordinator', type: 'checkbox', required: true, label: text('I am the Coordinator') },
];
const form = compileForm(newUser, organisation);
const valid = {
  fullName: 'Núria Puig',
  nationalId: '12345678z',
  corporateEmail: 'NPuig@ajuntament.example.cat',
  role: 'social_worker',
  coordinator: true,
};

const pathsOf = (values: unknown) => {
  const result = form.safeParse(values);
  return result.success ? [] : zodIssues(result.error).map((issue) => issue.path);
};

describe('a topic form compiled to a schema', () => {
  it('accepts a complete answer and normalizes IDs and emails', () => {
    expect(form.parse({ ...valid, mobile: '600 11 22 33' })).toMatchObject({
      nationalId: '12345678Z',
      corporateEmail: 'npuig@ajuntament.example.cat',
      mobile: '600112233',
    });
  });

  it('lists every missing and wrong field at once', () => {
    expect(pathsOf({ nationalId: '12345678A', corporateEmail: 'me@gmail.com', role: 'boss' }).sort()).toEqual([
      'coordinator',
      'corporateEmail',
      'fullName',
      'nationalId',
      'role',
    ]);
  });

  it('rejects fields the topic does not ask for', () => {
    expect(pathsOf({ ...valid, favouriteColour: 'blue' })).toEqual(['favouriteColour']);
  });

  it('requires the category only for the immigration technician role', () => {
    expect(pathsOf({ ...valid, role: 'immigration_technician' })).toEqual(['category']);
    expect(pathsOf({ ...valid, role: 'immigration_technician', category: 'B' })).toEqual([]);
  });

  it('reports a conditionally required field even when other fields fail too', () => {
    expect(pathsOf({ ...valid, role: 'immigration_technician', nationalId: 'bad' }).sort()).toEqual([
      'category',
      'nationalId',
    ]);
  });

  it('treats a required checkbox as a confirmation that must be ticked', () => {
    expect(pathsOf({ ...valid, coordinator: false })).toEqual(['coordinator']);
  });

  it('accepts corporate addresses on a subdomain of the organisation’s domain only', () => {
    expect(pathsOf({ ...valid, corporateEmail: 'a@serveis.ajuntament.example.cat' })).toEqual([]);
    expect(pathsOf({ ...valid, corporateEmail: 'a@evil-ajuntament.example.cat' })).toEqual(['corporateEmail']);
  });

  it('never keeps transient fields for storage', () => {
    const values = form.parse({ ...valid, mobile: '600112233' });
    expect(storableFields(newUser, values)).not.toHaveProperty('mobile');
    expect(storableFields(newUser, values)).toHaveProperty('nationalId', '12345678Z');
  });
});
