import { describe, expect, it } from 'vitest';
import { TopicDocument } from '../../../contracts/catalogue';
import {
  FIELD_TYPES as CONTRACT_FIELD_TYPES,
  TICKET_TYPES as CONTRACT_TICKET_TYPES,
} from '../../../contracts/vocabulary';
import { catalogueFilesIn, readCatalogueFile } from '../../../lib/catalogue/files';
import { DEMO_CATALOGUE_DIR } from '../../../lib/local/demo-catalogue';
import {
  checkDraft,
  controlPaths,
  type DraftContext,
  draftFromTopic,
  FIELD_TYPES,
  type FieldDraft,
  move,
  newField,
  newOption,
  newTopic,
  placeApiPath,
  reindexErrors,
  renameField,
  type StoredTopic,
  swapped,
  TICKET_TYPES,
  type TopicDraft,
  toDocument,
  topicTree,
} from '../../../web/src/screens/admin/topics/model';

const files = catalogueFilesIn(DEMO_CATALOGUE_DIR).map(readCatalogueFile);
const topics = files.flatMap((file) => file.topics);
const levels = new Map(topics.map((topic) => [topic.id, topic.level]));
const contextFor = (organisationId: string): DraftContext => ({ organisationId, levelOf: (id) => levels.get(id) });

const stamp = { version: 3, updatedAt: '2026-11-24T10:00:00.000Z', updatedBy: 'Marta' };
const stored = (topic: (typeof topics)[number]): StoredTopic => ({ ...topic, ...stamp }) as StoredTopic;
const words = (text: string) => ({ ca: `${text} ca`, es: `${text} es`, oc: `${text} oc`, en: `${text} en` });

/** A draft of a new level-3 topic under hestia-users, with its fields. */
function draftWith(fields: FieldDraft[], change: Partial<TopicDraft> = {}): TopicDraft {
  return {
    ...newTopic('hestia-users'),
    id: 'hestia-test',
    name: words('Test'),
    ticketTypes: ['request'],
    fields,
    ...change,
  };
}
const field = (change: Partial<FieldDraft>): FieldDraft => ({ ...newField(), label: words('Label'), ...change });

describe('the topic editor’s vocabularies', () => {
  it('offer every field type and ticket type the contract has, in its order', () => {
    expect(FIELD_TYPES).toEqual(CONTRACT_FIELD_TYPES);
    expect(TICKET_TYPES).toEqual(CONTRACT_TICKET_TYPES);
  });
});

describe('a topic through the editor', () => {
  it('comes back unchanged for every topic of the catalogue files, so opening and saving changes nothing', () => {
    expect(topics.length).toBeGreaterThan(20);
    for (const topic of topics) {
      const { id: _, ...document } = topic;
      const back = toDocument(draftFromTopic(stored(topic)), contextFor(topic.organisationId ?? 'shared'));
      expect(back, topic.id).toEqual(TopicDocument.parse(document));
    }
  });

  it('sends a new level-3 topic below its level-2 parent, in its organisation, with the team chosen', () => {
    const document = toDocument(draftWith([], { teamId: 'hestia-support', order: '4' }), contextFor('hestia'));
    expect(document).toEqual({
      parentId: 'hestia-users',
      level: 3,
      organisationId: 'hestia',
      name: words('Test'),
      internal: false,
      ticketTypes: ['request'],
      form: { fields: [] },
      teamId: 'hestia-support',
      order: 4,
    });
    expect(TopicDocument.safeParse(document).success).toBe(true);
  });

  it('makes a topic without a parent a shared level-1 topic: no organisation, no team', () => {
    const document = toDocument(draftWith([], { parentId: '', teamId: 'hestia-support' }), contextFor('hestia'));
    expect(document).toMatchObject({ parentId: null, level: 1, organisationId: null });
    expect(document).not.toHaveProperty('teamId');
  });

  it('leaves out guidance and help left blank in every language, and sends them whole once any is written', () => {
    const blank = toDocument(draftWith([field({ name: 'office' })]), contextFor('hestia'));
    expect(blank).not.toHaveProperty('guidance');
    expect(blank.form.fields[0]).not.toHaveProperty('help');
    const partly = toDocument(
      draftWith([field({ name: 'office', help: { ca: 'Ajuda', es: '', oc: '', en: '' } })], {
        guidance: { ca: '', es: '', oc: '', en: 'Restart first.' },
      }),
      contextFor('hestia'),
    );
    // The API names each language still missing.
    expect(partly.guidance).toEqual({ ca: '', es: '', oc: '', en: 'Restart first.' });
    expect(partly.form.fields[0]?.help).toEqual({ ca: 'Ajuda', es: '', oc: '', en: '' });
  });

  it('sends options only for choice fields, and limits only for the types they mean something for', () => {
    const options = [{ ...newOption(), value: 'a', label: words('A') }];
    const document = toDocument(
      draftWith([
        field({ name: 'role', type: 'select', options }),
        field({ name: 'note', type: 'text', options, maxLength: '200', min: '1' }),
        field({ name: 'year', type: 'number', maxLength: '4', min: '2000', max: '2100' }),
        field({ name: 'empty', type: 'multiselect' }),
      ]),
      contextFor('hestia'),
    );
    expect(document.form.fields).toEqual([
      {
        name: 'role',
        type: 'select',
        required: false,
        label: words('Label'),
        options: [{ value: 'a', label: words('A') }],
      },
      { name: 'note', type: 'text', required: false, label: words('Label'), maxLength: 200 },
      { name: 'year', type: 'number', required: false, label: words('Label'), min: 2000, max: 2100 },
      // A choice field without options goes without: the API says it needs some.
      { name: 'empty', type: 'multiselect', required: false, label: words('Label') },
    ]);
  });

  it('writes a condition on a checkbox as true or false, on any other field as the text chosen', () => {
    const document = toDocument(
      draftWith([
        field({ name: 'coordinator', type: 'checkbox' }),
        field({ name: 'reason', when: { field: 'coordinator', equals: 'true' } }),
        field({ name: 'role' }),
        field({ name: 'category', when: { field: 'role', equals: 'technician' } }),
      ]),
      contextFor('hestia'),
    );
    expect(document.form.fields[1]?.requiredWhen).toEqual({ field: 'coordinator', equals: true });
    expect(document.form.fields[3]?.requiredWhen).toEqual({ field: 'role', equals: 'technician' });
  });
});

describe('moving, removing and renaming fields', () => {
  it('moves a field one place, and not past either end', () => {
    expect(move(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(move(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(move(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(move(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('keeps each error with its field when fields move or go', () => {
    const errors = {
      'form.fields.0.label.ca': 'Too short.',
      'form.fields.1.options': 'Select fields need options.',
      'form.fields.10.name': 'Another field has this name.',
      'name.ca': 'Too short.',
    };
    expect(reindexErrors(errors, 'form.fields', swapped(0, 1))).toEqual({
      'form.fields.1.label.ca': 'Too short.',
      'form.fields.0.options': 'Select fields need options.',
      'form.fields.10.name': 'Another field has this name.',
      'name.ca': 'Too short.',
    });
    const removedFirst = (i: number) => (i === 0 ? undefined : i - 1);
    expect(reindexErrors(errors, 'form.fields', removedFirst)).toEqual({
      'form.fields.0.options': 'Select fields need options.',
      'form.fields.9.name': 'Another field has this name.',
      'name.ca': 'Too short.',
    });
  });

  it('carries a field’s new key into the conditions that named it', () => {
    const fields = [field({ name: 'role' }), field({ name: 'category', when: { field: 'role', equals: 'x' } })];
    const renamed = renameField(fields, 0, 'position');
    expect(renamed.map((f) => f.name)).toEqual(['position', 'category']);
    expect(renamed[1]?.when).toEqual({ field: 'position', equals: 'x' });
  });
});

describe('the controls’ paths', () => {
  it('are the API’s names for them, in the order of the page', () => {
    const draft = draftWith([
      field({ name: 'role', type: 'select', options: [newOption()] }),
      field({ name: 'year', type: 'number', when: { field: 'role', equals: 'a' } }),
    ]);
    const paths = controlPaths(draft, { isNew: true, level: 3 });
    expect(paths.slice(0, 3)).toEqual(['id', 'parentId', 'order']);
    expect(paths).toContain('teamId');
    expect(paths.indexOf('name.oc')).toBeLessThan(paths.indexOf('guidance.ca'));
    expect(paths.indexOf('form.fields.0.options.0.label.en')).toBeLessThan(paths.indexOf('form.fields.0.options'));
    expect(paths).not.toContain('form.fields.0.requiredWhen.equals');
    expect(paths).toContain('form.fields.1.requiredWhen.equals');
    expect(paths).toContain('form.fields.1.max');
    expect(paths).not.toContain('form.fields.1.maxLength');
    expect(paths.at(-1)).toBe('form.fields');
    // An existing topic's id is its address, not a control; a level-1 topic has no team.
    expect(controlPaths(draft, { isNew: false, level: 1 })).not.toContain('id');
    expect(controlPaths(draft, { isNew: false, level: 1 })).not.toContain('teamId');
  });

  it('place what the API names otherwise at the control that decides it', () => {
    expect(placeApiPath('level')).toBe('parentId');
    expect(placeApiPath('params.topicId')).toBe('id');
    expect(placeApiPath('form')).toBe('form.fields');
    expect(placeApiPath('form.fields.2.label.ca')).toBe('form.fields.2.label.ca');
  });
});

describe('the checks before sending', () => {
  const check = (draft: TopicDraft, options: Partial<Parameters<typeof checkDraft>[1]> = {}) =>
    checkDraft(draft, { isNew: true, takenIds: ['hestia-users'], mayBeLevel1: false, ...options });

  it('want a new topic’s id written as the API takes it in the address, and not taken', () => {
    expect(check(draftWith([], { id: '' }))).toEqual({ id: 'idRequired' });
    expect(check(draftWith([], { id: 'Hestia Test' }))).toEqual({ id: 'idSlug' });
    expect(check(draftWith([], { id: 'hestia--test' }))).toEqual({ id: 'idSlug' });
    expect(check(draftWith([], { id: 'hestia-users' }))).toEqual({ id: 'idTaken' });
    expect(check(draftWith([], { id: 'hestia-test' }))).toEqual({});
    expect(check(draftWith([], { id: '' }), { isNew: false })).toEqual({});
  });

  it('want a parent, unless an admin makes a level-1 topic', () => {
    expect(check(draftWith([], { parentId: '' }))).toEqual({ parentId: 'parentRequired' });
    expect(check(draftWith([], { parentId: '' }), { mayBeLevel1: true })).toEqual({});
  });

  it('want numbers where numbers go, and leave every other check to the API', () => {
    const draft = draftWith(
      [
        field({ type: 'text', maxLength: '0' }),
        field({ type: 'number', min: 'ten', max: '2,5' }),
        field({ type: 'select', label: { ca: '', es: '', oc: '', en: '' } }),
      ],
      { order: '1.5' },
    );
    expect(check(draft)).toEqual({
      order: 'wholeNumber',
      'form.fields.0.maxLength': 'positive',
      'form.fields.1.min': 'number',
    });
  });
});

describe('the list of topics', () => {
  it('is a tree: level-2 topics under their level-1 topic, level-3 ones under them, by order', () => {
    const hestia = files.find((file) => file.organisation?.id === 'hestia')?.topics.map(stored) ?? [];
    const groups = topicTree(hestia, ['technology', 'social-services']);
    expect(groups.map((group) => group.id)).toEqual(['social-services']);
    const [users, records] = groups[0]?.children ?? [];
    expect(users?.topic.id).toBe('hestia-users');
    expect(users?.children.map((node) => node.topic.id)).toEqual(['hestia-new-user']);
    expect(records?.children.length).toBeGreaterThan(3);
    expect(groups[0]?.children.flatMap((node) => [node, ...node.children]).length).toBe(hestia.length);
  });

  it('still lists a topic whose parent it does not know, under that parent’s id', () => {
    const orphan = { ...stored(topics.find((topic) => topic.id === 'hestia-new-user') as (typeof topics)[number]) };
    const groups = topicTree([{ ...orphan, parentId: 'gone' }], ['social-services']);
    expect(groups).toEqual([{ id: 'gone', children: [{ topic: { ...orphan, parentId: 'gone' }, children: [] }] }]);
  });
});
