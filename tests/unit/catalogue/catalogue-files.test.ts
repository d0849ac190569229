import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED_CATALOGUE } from '../../../contracts/catalogue';
import { Catalogue } from '../../../functions/catalogue/domain/model';
import {
  CatalogueFileError,
  catalogueFilesIn,
  catalogueOfFiles,
  ownerOf,
  parseCatalogueFile,
  readCatalogueDirectory,
  readCatalogueFile,
} from '../../../lib/catalogue/files';
import { DEMO_CATALOGUE, DEMO_CATALOGUE_DIR } from '../../../lib/local/demo-catalogue';

const paths = catalogueFilesIn(DEMO_CATALOGUE_DIR);
const files = paths.map((path) => ({ path, file: readCatalogueFile(path) }));

/** The problems parseCatalogueFile reports for a text, as `path (line): message` strings. */
function problemsOf(source: string): CatalogueFileError {
  try {
    parseCatalogueFile(source, 'broken.yaml');
  } catch (error) {
    if (error instanceof CatalogueFileError) return error;
    throw error;
  }
  throw new Error('The file parsed.');
}

const name = (id: string) => `{ ca: ${id}, es: ${id}, oc: ${id}, en: ${id} }`;

describe('the catalogue files in catalogues/', () => {
  it('are the shared level 1 and the five organisations, shared first', () => {
    expect(paths.map((path) => basename(path))).toEqual([
      'shared.yaml',
      'dipu.yaml',
      'gencat.yaml',
      'hestia.yaml',
      'oac360.yaml',
      'salut.yaml',
    ]);
  });

  it('each parse as a catalogue file, named after whose catalogue it is', () => {
    for (const { path, file } of files) expect(basename(path), path).toBe(`${ownerOf(file)}.yaml`);
  });

  it('give each organisation its calendar and SLA policy', () => {
    for (const { path, file } of files.filter(({ file }) => file.organisation)) {
      expect(file.calendar, path).toBeDefined();
      expect(file.slaPolicy, path).toBeDefined();
    }
  });

  it('keep the level-1 topics in shared.yaml, and only them', () => {
    for (const { path, file } of files) {
      const shared = ownerOf(file) === SHARED_CATALOGUE;
      for (const topic of file.topics) {
        expect(topic.level === 1, `${path}: ${topic.id}`).toBe(shared);
        expect(topic.organisationId === null, `${path}: ${topic.id}`).toBe(shared);
      }
    }
  });

  it('make together a catalogue the domain schema accepts, which is the demo catalogue', () => {
    const assembled = readCatalogueDirectory(DEMO_CATALOGUE_DIR);
    const parsed = Catalogue.safeParse(assembled);
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(parsed.data).toEqual(DEMO_CATALOGUE);
    expect(DEMO_CATALOGUE.organisations.map((organisation) => organisation.id)).toEqual([
      'dipu',
      'gencat',
      'hestia',
      'oac360',
      'salut',
    ]);
  });

  it('write a repeated text once (a YAML anchor) and read it back wherever it is used', () => {
    const dipu = files.find(({ file }) => file.organisation?.id === 'dipu')?.file;
    const advised = dipu?.topics.filter((topic) => topic.guidance?.en.startsWith('Incident = urgent action')) ?? [];
    expect(advised.map((topic) => topic.id)).toContain('dipu-other');
    expect(advised.length).toBe(6);
  });
});

describe('a broken catalogue file', () => {
  it('names the file and every failing path, with its line', () => {
    const error = problemsOf(
      [
        'organisation:',
        '  id: broken',
        '  name: { ca: Trencat, es: Roto, en: Broken }',
        '  ticketPrefix: br',
        '  emailDomains: [not a domain]',
        '  languages: [ca]',
        '  colour: blue',
        'topics:',
        '  - id: broken-help',
        '    parentId: technology',
        '    organisationId: broken',
        `    name: ${name('x')}`,
        '    internal: false',
        '    ticketTypes: [query]',
        '    form: { fields: [{ name: x, type: select, required: true, label: { ca: a, es: b, oc: c, en: d } }] }',
      ].join('\n'),
    );
    expect(error.file).toBe('broken.yaml');
    expect(error.issues).toEqual([
      { path: 'organisation.name.oc', line: 3, message: 'Required.' },
      { path: 'organisation.ticketPrefix', line: 4, message: 'Use 2 to 8 capital letters.' },
      { path: 'organisation.emailDomains[0]', line: 5, message: 'Not a domain name.' },
      { path: 'organisation.colour', line: 7, message: 'Unknown field.' },
      { path: 'topics[0].level', line: 9, message: 'Required.' },
      { path: 'topics[0].form.fields[0].options', line: 15, message: 'Select and multiselect fields need options.' },
    ]);
    expect(error.message).toMatch(/^broken\.yaml: 6 problems\n {2}organisation\.name\.oc \(line 3\): Required\./);
  });

  it('says which literal values a field takes', () => {
    const error = problemsOf(
      `teams: [{ id: a-desk, organisationId: a, level: 3, name: ${name('a')} }]\norganisation: { id: a }`,
    );
    expect(error.issues).toContainEqual({ path: 'teams[0].level', line: 1, message: 'Use one of: 1, 2.' });
  });

  it('reports YAML syntax errors, duplicate keys and several documents by line', () => {
    expect(problemsOf('teams: [\n  a: 1\n').issues[0]?.line).toBe(3);
    expect(problemsOf('topics: []\ntopics: []\n').issues).toEqual([
      { path: '', line: 2, message: 'This key appears twice in the same map.' },
    ]);
    expect(problemsOf('topics: []\n---\ntopics: []\n').issues[0]?.message).toMatch(/one document/);
  });

  it('refuses teams and topics of another organisation, and level-1 topics outside the shared file', () => {
    const topic = (id: string, organisationId: string) =>
      `{ id: ${id}, parentId: null, level: 1, organisationId: ${organisationId}, name: ${name(id)}, internal: false, ticketTypes: [query], form: { fields: [] } }`;
    const error = problemsOf(
      [
        `organisation: { id: mine, name: ${name('m')}, ticketPrefix: MINE, emailDomains: [mine.example.cat], languages: [ca] }`,
        `teams: [{ id: theirs-desk, organisationId: theirs, level: 1, name: ${name('t')} }]`,
        `topics: [${topic('theirs-topic', 'theirs')}, ${topic('level-one', 'null')}]`,
      ].join('\n'),
    );
    expect(error.issues.map((issue) => `${issue.path}: ${issue.message}`)).toEqual([
      "teams[0].organisationId: This file is mine's catalogue: its teams belong to mine.",
      "topics[0].organisationId: This file is mine's catalogue: its topics belong to mine.",
      "topics[1].organisationId: This file is mine's catalogue: its topics belong to mine. The shared level-1 topics go in a file of their own.",
    ]);
  });

  it('refuses a calendar, an SLA policy or a team in a file without an organisation', () => {
    const error = problemsOf(
      [
        "calendar: { timeZone: Europe/Madrid, week: { mon: [{ from: '08:00', to: '15:00' }] }, holidays: [] }",
        'slaPolicy: { rules: [{ firstResponse: { days: 1 }, resolution: { days: 5 } }] }',
        `teams: [{ id: a-desk, organisationId: a, level: 1, name: ${name('a')} }]`,
      ].join('\n'),
    );
    expect(error.issues.map((issue) => issue.path)).toEqual(['calendar', 'slaPolicy', 'teams[0]']);
    expect(error.issues[0]?.message).toMatch(/belongs to an organisation/);
  });
});

describe('catalogueOfFiles', () => {
  it('merges each organisation with its calendar and SLA policy', () => {
    const hestia = catalogueOfFiles(files).organisations.find((organisation) => organisation.id === 'hestia');
    expect(hestia?.calendar?.week.mon).toEqual([{ from: '08:00', to: '15:00' }]);
    expect(hestia?.slaPolicy?.rules.length).toBeGreaterThan(0);
  });

  it('refuses an id given twice, naming both files', () => {
    const [shared] = files;
    if (!shared) throw new Error('No shared file.');
    expect(() => catalogueOfFiles([shared, { path: 'copy.yaml', file: shared.file }])).toThrow(
      /copy\.yaml: .*\n {2}topics\[0\]\.id: The topic technology is also defined in .*shared\.yaml\./,
    );
  });
});
