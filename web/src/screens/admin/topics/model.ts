/**
 * The topics administration's pure logic: the editor's state (a draft, all strings, as the
 * controls hold it), turning it into the `TopicDocument` the API takes and back, the control
 * paths in page order (named as the API names its errors), and the tree of the list.
 * No DOM, no Preact: tests/unit/web/admin-topics-model.test.ts.
 */
import type { Schemas } from '../../../api/types';
import type { Language } from '../../../i18n/languages';

export type TopicDocument = Schemas['TopicDocument'];
export type StoredTopic = Schemas['StoredTopic'];
export type StoredTeam = Schemas['StoredTeam'];
export type FieldDocument = TopicDocument['form']['fields'][number];
export type FieldType = FieldDocument['type'];
export type TicketType = TopicDocument['ticketTypes'][number];
export type Localized = Record<Language, string>;

/** As contracts/vocabulary.ts lists them (a unit test keeps them equal). */
export const FIELD_TYPES = [
  'text',
  'textarea',
  'email',
  'corporate_email',
  'national_id',
  'phone',
  'select',
  'multiselect',
  'checkbox',
  'date',
  'number',
] as const satisfies readonly FieldType[];
export const TICKET_TYPES = [
  'incident',
  'request',
  'query',
  'complaint',
  'suggestion',
  'callback',
] as const satisfies readonly TicketType[];
export const LANGS = ['ca', 'es', 'oc', 'en'] as const satisfies readonly Language[];

/** contracts/text.ts `slug()`: what a topic id may be (it is also part of the address). */
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const hasOptions = (type: FieldType): boolean => type === 'select' || type === 'multiselect';
/** Which types the schema's limits mean something for (functions/catalogue/domain/form.ts). */
export const hasMaxLength = (type: FieldType): boolean => type === 'text' || type === 'textarea';
export const hasRange = (type: FieldType): boolean => type === 'number';

export interface OptionDraft {
  /** Stable across edits and moves: Preact's key, never sent. */
  key: string;
  value: string;
  label: Localized;
}

export interface FieldDraft {
  key: string;
  name: string;
  type: FieldType;
  required: boolean;
  label: Localized;
  help: Localized;
  options: OptionDraft[];
  transient: boolean;
  /** `requiredWhen`: no condition while `field` is empty; `equals` as text ("true"/"false" for a checkbox). */
  when: { field: string; equals: string };
  maxLength: string;
  min: string;
  max: string;
}

export interface TopicDraft {
  id: string;
  /** Empty: no parent, a level-1 topic (admins only). */
  parentId: string;
  name: Localized;
  guidance: Localized;
  internal: boolean;
  ticketTypes: TicketType[];
  teamId: string;
  order: string;
  fields: FieldDraft[];
}

let counter = 0;
const nextKey = () => `k${++counter}`;

export const emptyLocalized = (): Localized => ({ ca: '', es: '', oc: '', en: '' });

export const newOption = (): OptionDraft => ({ key: nextKey(), value: '', label: emptyLocalized() });

export const newField = (): FieldDraft => ({
  key: nextKey(),
  name: '',
  type: 'text',
  required: false,
  label: emptyLocalized(),
  help: emptyLocalized(),
  options: [],
  transient: false,
  when: { field: '', equals: '' },
  maxLength: '',
  min: '',
  max: '',
});

export const newTopic = (parentId = ''): TopicDraft => ({
  id: '',
  parentId,
  name: emptyLocalized(),
  guidance: emptyLocalized(),
  internal: false,
  ticketTypes: [],
  teamId: '',
  order: '',
  fields: [],
});

const numberText = (value: number | undefined) => (value === undefined ? '' : String(value));

export function fieldFromDocument(field: FieldDocument): FieldDraft {
  return {
    key: nextKey(),
    name: field.name,
    type: field.type,
    required: field.required,
    label: { ...field.label },
    help: field.help ? { ...field.help } : emptyLocalized(),
    options: (field.options ?? []).map((option) => ({
      key: nextKey(),
      value: option.value,
      label: { ...option.label },
    })),
    transient: field.transient ?? false,
    when: field.requiredWhen
      ? { field: field.requiredWhen.field, equals: String(field.requiredWhen.equals) }
      : { field: '', equals: '' },
    maxLength: numberText(field.maxLength),
    min: numberText(field.min),
    max: numberText(field.max),
  };
}

export function draftFromTopic(topic: StoredTopic): TopicDraft {
  return {
    id: topic.id,
    parentId: topic.parentId ?? '',
    name: { ...topic.name },
    guidance: topic.guidance ? { ...topic.guidance } : emptyLocalized(),
    internal: topic.internal,
    ticketTypes: [...topic.ticketTypes],
    teamId: topic.teamId ?? '',
    order: numberText(topic.order),
    fields: topic.form.fields.map(fieldFromDocument),
  };
}

const filled = (text: Localized) => LANGS.some((lang) => text[lang].trim() !== '');

/** A number as typed: undefined when blank, NaN when not a number (the checks catch it first). */
const toNumber = (text: string) => (text.trim() === '' ? undefined : Number(text.trim().replace(',', '.')));

function fieldDocument(field: FieldDraft, fields: readonly FieldDraft[]): FieldDocument {
  const document: FieldDocument = {
    name: field.name.trim(),
    type: field.type,
    required: field.required,
    label: { ...field.label },
  };
  // Help is optional as a whole: blank in every language is no help; partly filled, the API says what is missing.
  if (filled(field.help)) document.help = { ...field.help };
  // Options stay in the draft when the type changes, but only choice fields send them; none
  // at all is left out, for the API's own words ("Select and multiselect fields need options").
  if (hasOptions(field.type) && field.options.length > 0) {
    document.options = field.options.map((option) => ({ value: option.value.trim(), label: { ...option.label } }));
  }
  if (field.transient) document.transient = true;
  if (field.when.field) {
    const target = fields.find((other) => other.name.trim() === field.when.field);
    document.requiredWhen = {
      field: field.when.field,
      equals: target?.type === 'checkbox' ? field.when.equals === 'true' : field.when.equals,
    };
  }
  const maxLength = hasMaxLength(field.type) ? toNumber(field.maxLength) : undefined;
  if (maxLength !== undefined) document.maxLength = maxLength;
  const min = hasRange(field.type) ? toNumber(field.min) : undefined;
  if (min !== undefined) document.min = min;
  const max = hasRange(field.type) ? toNumber(field.max) : undefined;
  if (max !== undefined) document.max = max;
  return document;
}

/** What the editor's context knows: the organisation, and each possible parent's level. */
export interface DraftContext {
  organisationId: string;
  levelOf: (topicId: string) => number | undefined;
}

export const levelOfDraft = (draft: TopicDraft, context: DraftContext): 1 | 2 | 3 =>
  draft.parentId ? (Math.min(3, (context.levelOf(draft.parentId) ?? 1) + 1) as 2 | 3) : 1;

/** The body of `PUT /topics/{id}`. */
export function toDocument(draft: TopicDraft, context: DraftContext): TopicDocument {
  const level = levelOfDraft(draft, context);
  const document: TopicDocument = {
    parentId: draft.parentId || null,
    level,
    // Level-1 topics are the shared catalogue's: no organisation, no team.
    organisationId: level === 1 ? null : context.organisationId,
    name: { ...draft.name },
    internal: draft.internal,
    // In the order chosen: the stored order stays, so saving an unchanged topic changes nothing.
    ticketTypes: [...new Set(draft.ticketTypes)],
    form: { fields: draft.fields.map((field) => fieldDocument(field, draft.fields)) },
  };
  if (filled(draft.guidance)) document.guidance = { ...draft.guidance };
  if (level > 1 && draft.teamId) document.teamId = draft.teamId;
  const order = toNumber(draft.order);
  if (order !== undefined) document.order = order;
  return document;
}

/* ─── Paths: the API's names for the controls, in page order ─────────── */

const localizedPaths = (prefix: string) => LANGS.map((lang) => `${prefix}.${lang}`);

/** Where a field's fold ("more settings") holds controls: open it when one of them is wrong. */
export const FOLDED = ['help', 'transient', 'requiredWhen'] as const;

export function fieldPaths(field: FieldDraft, index: number): string[] {
  const at = `form.fields.${index}`;
  return [
    at,
    `${at}.name`,
    `${at}.type`,
    `${at}.required`,
    ...localizedPaths(`${at}.label`),
    ...(hasMaxLength(field.type) ? [`${at}.maxLength`] : []),
    ...(hasRange(field.type) ? [`${at}.min`, `${at}.max`] : []),
    ...(hasOptions(field.type)
      ? [
          ...field.options.flatMap((_option, o) => [
            `${at}.options.${o}.value`,
            ...localizedPaths(`${at}.options.${o}.label`),
          ]),
          `${at}.options`,
        ]
      : []),
    ...localizedPaths(`${at}.help`),
    `${at}.transient`,
    `${at}.requiredWhen.field`,
    ...(field.when.field ? [`${at}.requiredWhen.equals`] : []),
  ];
}

/** Every control's path as the API names it, in the order the editor shows them. */
export function controlPaths(draft: TopicDraft, options: { isNew: boolean; level: number }): string[] {
  return [
    ...(options.isNew ? ['id'] : []),
    'parentId',
    'order',
    ...localizedPaths('name'),
    ...localizedPaths('guidance'),
    'ticketTypes',
    'internal',
    ...(options.level > 1 ? ['teamId'] : []),
    ...draft.fields.flatMap(fieldPaths),
    'form.fields',
  ];
}

/** The API's names for what the editor shows elsewhere: the level follows the parent, the id is the address. */
export function placeApiPath(path: string): string {
  if (path === 'level') return 'parentId';
  if (path === 'params.topicId') return 'id';
  if (path === 'form') return 'form.fields';
  return path;
}

/** Errors under `prefix.<index>` follow their item when items move or go (`to` gives the new index, or undefined). */
export function reindexErrors(
  errors: Record<string, string>,
  prefix: string,
  to: (index: number) => number | undefined,
): Record<string, string> {
  const result: Record<string, string> = {};
  const pattern = new RegExp(`^${prefix.replace(/\./g, '\\.')}\\.(\\d+)(\\..*)?$`);
  for (const [path, message] of Object.entries(errors)) {
    const found = pattern.exec(path);
    if (!found) {
      result[path] = message;
      continue;
    }
    const index = to(Number(found[1]));
    if (index !== undefined) result[`${prefix}.${index}${found[2] ?? ''}`] = message;
  }
  return result;
}

/** The list moved one place (`by` -1 up, +1 down); unchanged at either end. */
export function move<T>(items: readonly T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (target < 0 || target >= items.length) return [...items];
  const result = [...items];
  [result[index], result[target]] = [result[target] as T, result[index] as T];
  return result;
}

/** The swap `move` made, as a mapping of indices (for `reindexErrors`). */
export const swapped = (index: number, by: -1 | 1) => (i: number) =>
  i === index ? index + by : i === index + by ? index : i;

/** A field's new key: conditions of other fields that named the old one follow it. */
export function renameField(fields: readonly FieldDraft[], index: number, name: string): FieldDraft[] {
  const old = fields[index]?.name.trim();
  return fields.map((field, i) => {
    if (i === index) return { ...field, name };
    if (old && field.when.field === old) return { ...field, when: { ...field.when, field: name.trim() } };
    return field;
  });
}

/* ─── Checks the API cannot make from a JSON body ─────────────────────── */

export type DraftProblem =
  | 'idRequired'
  | 'idSlug'
  | 'idTaken'
  | 'parentRequired'
  | 'wholeNumber'
  | 'positive'
  | 'number';

/**
 * What is wrong before sending, by path: only what would not reach the API as it is meant
 * (the id is the address; numbers typed as text). Everything else the API checks and says.
 */
export function checkDraft(
  draft: TopicDraft,
  options: { isNew: boolean; takenIds: readonly string[]; mayBeLevel1: boolean },
): Record<string, DraftProblem> {
  const problems: Record<string, DraftProblem> = {};
  if (options.isNew) {
    const id = draft.id.trim();
    if (!id) problems.id = 'idRequired';
    else if (!SLUG.test(id) || id.length > 100) problems.id = 'idSlug';
    else if (options.takenIds.includes(id)) problems.id = 'idTaken';
  }
  if (!draft.parentId && !options.mayBeLevel1) problems.parentId = 'parentRequired';
  const wholeNumber = (text: string, positive: boolean) => {
    const value = toNumber(text);
    return value === undefined || (Number.isInteger(value) && (!positive || value > 0));
  };
  if (!wholeNumber(draft.order, false)) problems.order = 'wholeNumber';
  draft.fields.forEach((field, index) => {
    const at = `form.fields.${index}`;
    if (hasMaxLength(field.type) && !wholeNumber(field.maxLength, true)) problems[`${at}.maxLength`] = 'positive';
    if (hasRange(field.type)) {
      for (const bound of ['min', 'max'] as const) {
        if (Number.isNaN(toNumber(field[bound]) ?? 0)) problems[`${at}.${bound}`] = 'number';
      }
    }
  });
  return problems;
}

/* ─── The list: the organisation's topics as a tree ───────────────────── */

export interface TreeNode {
  topic: StoredTopic;
  children: TreeNode[];
}

export interface TreeGroup {
  /** The level-1 topic the group hangs from (shared: maybe not the organisation's). */
  id: string;
  children: TreeNode[];
}

/** As the API lists topics: by `order`, then id. */
const byOrder = (a: StoredTopic, b: StoredTopic) => (a.order ?? 0) - (b.order ?? 0) || a.id.localeCompare(b.id);

/**
 * The organisation's topics under their level-1 topics (in the order of `level1Ids`, then any
 * other parent met), each level-2 topic with its level-3 ones. A topic whose parent is unknown
 * is still listed: under its parent's id.
 */
export function topicTree(topics: readonly StoredTopic[], level1Ids: readonly string[]): TreeGroup[] {
  const sorted = [...topics].sort(byOrder);
  const node = (topic: StoredTopic): TreeNode => ({
    topic,
    children: sorted.filter((child) => child.parentId === topic.id && child.level === topic.level + 1).map(node),
  });
  const ids = new Set(sorted.map((topic) => topic.id));
  // Roots: level-2 topics, and any topic whose parent is not among the organisation's.
  const roots = sorted.filter((topic) => topic.level === 2 || (topic.level === 3 && !ids.has(topic.parentId ?? '')));
  const parents = [...new Set([...level1Ids, ...roots.map((topic) => topic.parentId ?? '')])];
  return parents
    .map((id) => ({ id, children: roots.filter((topic) => (topic.parentId ?? '') === id).map(node) }))
    .filter((group) => group.children.length > 0);
}
