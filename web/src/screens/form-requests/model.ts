/**
 * Form requests (contracts/form-requests.ts) as the screens need them: the types read from the
 * generated client, the seven steps as a timeline, who acts, the inbox order, and the checks
 * made before sending. Pure (no DOM, no Preact).
 */

import type { paths } from '../../api/openapi';
import type { FieldErrors } from '../../api/problem';
import { FORM_REQUEST_GROUPS } from '../../auth/profile';
import { LANGUAGES, type Language } from '../../i18n/languages';
import { isEmail, isPhone } from '../../lib/validation';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type FormRequest = Json<paths['/form-requests/{requestId}']['get']['responses'][200]>;
export type FormRequestSummary = Json<paths['/form-requests']['get']['responses'][200]>['items'][number];
export type Petition = FormRequest['petition'];
export type Parameters = NonNullable<FormRequest['parameters']>;
export type ParameterField = Parameters['fields'][number];
export type FieldType = ParameterField['type'];
export type HistoryEntry = FormRequest['history'][number];
export type Step = FormRequest['step'];
export type Party = NonNullable<FormRequest['waitingFor']>;
export type Decision = NonNullable<HistoryEntry['decision']>;

export const PARTIES = FORM_REQUEST_GROUPS satisfies readonly Party[];
export const DECISIONS = ['approve', 'request_changes', 'reject'] as const satisfies readonly Decision[];
export const FIELD_TYPES = [
  'text',
  'textarea',
  'email',
  'phone',
  'national_id',
  'select',
  'checkbox',
  'date',
] as const satisfies readonly FieldType[];

/** Who acts at each step (functions/form-requests/domain/workflow.ts); nobody once it has ended. */
export const STEP_ACTOR: Record<Step, Party | undefined> = {
  review: 'reviewer',
  changes: 'department',
  templates: 'department',
  parameters: 'department',
  setup: 'operator',
  links: 'department',
  completed: undefined,
  rejected: undefined,
};

/** The seven steps of the procedure (source 003), as the timeline shows them. */
export const TIMELINE = ['petition', 'review', 'templates', 'parameters', 'setup', 'links', 'completed'] as const;
export type TimelineItem = (typeof TIMELINE)[number];

export const ITEM_ACTOR: Record<TimelineItem, Party | undefined> = {
  petition: 'department',
  review: 'reviewer',
  templates: 'department',
  parameters: 'department',
  setup: 'operator',
  links: 'department',
  completed: undefined,
};

/** Done, where the request is now, still to come, refused (the review), or never reached (after a refusal). */
export type ItemState = 'done' | 'current' | 'changes' | 'pending' | 'rejected' | 'skipped';

const POSITION: Record<Step, number> = {
  review: 1,
  changes: 1,
  templates: 2,
  parameters: 3,
  setup: 4,
  links: 5,
  completed: 6,
  rejected: 1,
};

/** Each step of the timeline with its state; `current` marks the one the request is at. */
export function timeline(step: Step): { item: TimelineItem; state: ItemState; current: boolean }[] {
  const at = POSITION[step];
  return TIMELINE.map((item, index) => {
    const current = index === at;
    let state: ItemState;
    if (step === 'rejected') state = index < at ? 'done' : index === at ? 'rejected' : 'skipped';
    else if (step === 'completed') state = 'done';
    else if (index < at) state = 'done';
    else if (current) state = step === 'changes' ? 'changes' : 'current';
    else state = 'pending';
    return { item, state, current };
  });
}

/** The party a signed-in person acts as (the demo users have one group each). */
export function partyOf(groups: readonly string[]): Party | undefined {
  return PARTIES.find((party) => groups.includes(party));
}

/** The short reference the mails quote (functions/form-requests/domain/requests.ts). */
export const referenceOf = (id: string): string => `FR-${id.slice(0, 8)}`;

/**
 * The inbox: what waits for this party first (the nearest deadline first, those without one
 * after), then the rest in the API's order (newest first).
 */
export function inbox<T extends Pick<FormRequestSummary, 'waitingFor' | 'dueAt'>>(
  items: readonly T[],
  party: Party,
): { waiting: T[]; others: T[] } {
  const waiting = items
    .filter((item) => item.waitingFor === party)
    .map((item, index) => ({ item, index }))
    .sort((a, b) => {
      const da = a.item.dueAt ? Date.parse(a.item.dueAt) : Number.POSITIVE_INFINITY;
      const db = b.item.dueAt ? Date.parse(b.item.dueAt) : Number.POSITIVE_INFINITY;
      return da === db ? a.index - b.index : da - db;
    })
    .map(({ item }) => item);
  return { waiting, others: items.filter((item) => item.waitingFor !== party) };
}

/** The directorate's last request for changes: what the department must answer at `changes`. */
export function lastReview(history: readonly HistoryEntry[]): HistoryEntry | undefined {
  return [...history].reverse().find((entry) => entry.action === 'review');
}

/** The API's template problems say where: "Line 3, column 5: …". */
export function templateProblem(message: string): { line?: number; column?: number; text: string } {
  const found = /^Line (\d+), column (\d+): ([\s\S]*)$/.exec(message);
  if (!found) return { text: message };
  return { line: Number(found[1]), column: Number(found[2]), text: found[3] ?? '' };
}

export const sortLanguages = (languages: readonly string[]): Language[] =>
  LANGUAGES.filter((language) => languages.includes(language));

export const isHttpsUrl = (value: string): boolean => {
  try {
    return new URL(value.trim()).protocol === 'https:' && value.trim().length <= 2000;
  } catch {
    return false;
  }
};

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

type Say = (key: Problem, params?: Record<string, string | number>) => string;
export type Problem =
  | 'v.url'
  | 'v.topics'
  | 'v.languages'
  | 'v.contactName'
  | 'v.email'
  | 'v.phone'
  | 'v.fieldName'
  | 'v.fieldNameTwice'
  | 'v.fieldLabel'
  | 'v.comment';

/** Petition as typed in the form (strings as typed). */
export interface PetitionDraft {
  website: string;
  topics: string[];
  languages: string[];
  name: string;
  email: string;
  phone: string;
}

export function checkPetition(draft: PetitionDraft, say: Say): FieldErrors {
  const errors: FieldErrors = {};
  if (!isHttpsUrl(draft.website)) errors.website = say('v.url');
  if (draft.topics.length === 0) errors.topics = say('v.topics');
  if (draft.languages.length === 0) errors.languages = say('v.languages');
  if (!draft.name.trim()) errors['contact.name'] = say('v.contactName');
  if (!isEmail(draft.email)) errors['contact.email'] = say('v.email');
  if (draft.phone.trim() && !isPhone(draft.phone)) errors['contact.phone'] = say('v.phone');
  return errors;
}

export function petitionBody(draft: PetitionDraft): Petition {
  const phone = draft.phone.trim();
  return {
    website: draft.website.trim(),
    topics: draft.topics,
    languages: sortLanguages(draft.languages),
    contact: { name: draft.name.trim(), email: draft.email.trim(), ...(phone ? { phone } : {}) },
  };
}

/** A field of the parameters form as typed (labels for every language of the form). */
export interface FieldDraft {
  key: number;
  name: string;
  type: FieldType;
  required: boolean;
  label: Partial<Record<Language, string>>;
}

export function checkParameters(
  draft: { website: string; topics: string[]; languages: string[]; fields: FieldDraft[] },
  say: Say,
): FieldErrors {
  const errors: FieldErrors = {};
  if (!isHttpsUrl(draft.website)) errors.website = say('v.url');
  if (draft.topics.length === 0) errors.topics = say('v.topics');
  if (draft.languages.length === 0) errors.languages = say('v.languages');
  const seen = new Set<string>();
  draft.fields.forEach((field, index) => {
    const name = field.name.trim();
    if (!SLUG.test(name)) errors[`fields.${index}.name`] = say('v.fieldName', { n: index + 1 });
    else if (seen.has(name)) errors[`fields.${index}.name`] = say('v.fieldNameTwice', { name });
    seen.add(name);
    for (const language of sortLanguages(draft.languages)) {
      if (!field.label[language]?.trim()) errors[`fields.${index}.label.${language}`] = say('v.fieldLabel');
    }
  });
  return errors;
}

export function parametersBody(draft: {
  website: string;
  topics: string[];
  languages: string[];
  fields: FieldDraft[];
}): Parameters {
  const languages = sortLanguages(draft.languages);
  return {
    website: draft.website.trim(),
    topics: draft.topics,
    languages,
    fields: draft.fields.map((field) => ({
      name: field.name.trim(),
      type: field.type,
      required: field.required,
      label: Object.fromEntries(languages.map((language) => [language, (field.label[language] ?? '').trim()])),
    })),
  };
}
