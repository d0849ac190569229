import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { AuditEntry, CatalogueDocuments, CatalogueFileInput } from '../../contracts/admin-views';
import { DEMO_PASSWORD, demoUser } from '../../lib/local/demo-users';
import { api, endpoints, tokenFor } from '../support/api';

/**
 * A town hall goes live with a data file: `npm run catalogue -- import` run as its operator
 * would run it (a child process of the real command line), against the local stack, for an
 * organisation made up for this file so the demo's stay as they are.
 */

const ROOT = resolve(import.meta.dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
/** Starting tsx takes a second or two per run, and a test here runs up to three. */
const CHILD_PROCESSES = { timeout: 60_000 };

const hex = () => randomBytes(4).toString('hex');
/** A prefix no other organisation has: 'Q' and seven random capital letters. */
const randomPrefix = () => `Q${[...randomBytes(7)].map((byte) => String.fromCharCode(65 + (byte % 26))).join('')}`;
const name = (en: string) => ({ ca: `${en} (ca)`, es: `${en} (es)`, oc: `${en} (oc)`, en });

/** One town hall's catalogue, in the shapes of catalogues/hestia.yaml: every default written out. */
function townCatalogue(id: string, ticketPrefix: string) {
  const desk = `${id}-desk`;
  const technical = `${id}-technical`;
  const certificates = `${id}-certificates`;
  const registerFix = `${id}-register-fix`;
  return {
    organisation: {
      id,
      name: name('Town hall of Vilanova de Prova'),
      ticketPrefix,
      emailDomains: [`${id}.example.cat`],
      reopenWindowDays: 10,
      languages: ['ca', 'es'],
      // A small town takes smaller files and keeps them a year after each ticket closes.
      attachments: { maxBytes: 5 * 1024 * 1024, retentionDays: 365 },
    },
    calendar: {
      timeZone: 'Europe/Madrid',
      week: {
        mon: [{ from: '08:00', to: '15:00' }],
        tue: [{ from: '08:00', to: '15:00' }],
        wed: [{ from: '08:00', to: '15:00' }],
        thu: [
          { from: '08:00', to: '14:00' },
          { from: '16:00', to: '19:00' },
        ],
        fri: [{ from: '08:00', to: '15:00' }],
      },
      holidays: [
        { date: '2026-01-01', yearly: true },
        { date: '2026-09-11', yearly: true },
        { from: '2026-08-10', to: '2026-08-14' },
      ],
    },
    slaPolicy: {
      rules: [
        { firstResponse: { days: 1, endOfDay: true }, resolution: { days: 5 } },
        { priority: 'P1', firstResponse: { minutes: 120 }, resolution: { days: 2 } },
        // A rule for one of the town's own topics: the policy can only be written after it.
        { topicId: registerFix, firstResponse: { minutes: 60 }, resolution: { days: 1 } },
      ],
      warnAtPercent: 80,
    },
    teams: [
      { id: desk, organisationId: id, level: 1, assignment: 'automatic', name: name('Citizen desk') },
      { id: technical, organisationId: id, level: 2, assignment: 'manual', name: name('Technical services') },
    ],
    topics: [
      {
        id: certificates,
        parentId: 'e-administration',
        level: 2,
        organisationId: id,
        internal: false,
        name: name('Certificates and the census register'),
        ticketTypes: ['request', 'query'],
        teamId: desk,
        order: 1,
        form: { fields: [] },
      },
      {
        id: registerFix,
        parentId: certificates,
        level: 3,
        organisationId: id,
        // Staff classify tickets with it; requesters never see it.
        internal: true,
        name: name('Census register correction'),
        guidance: name('Give the record number and what is wrong in it.'),
        ticketTypes: ['request'],
        teamId: technical,
        order: 1,
        form: {
          fields: [
            { name: 'recordNumber', type: 'text', required: true, label: name('Record number'), maxLength: 50 },
            {
              name: 'reason',
              type: 'select',
              required: true,
              label: name('What is wrong'),
              options: [
                { value: 'address', label: name('The address') },
                { value: 'name', label: name('The name') },
              ],
            },
          ],
        },
      },
    ],
  } satisfies CatalogueFileInput;
}
type TownCatalogue = ReturnType<typeof townCatalogue>;

const directory = mkdtempSync(join(tmpdir(), 'finestreta-catalogue-import-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

let written = 0;
/** Writes a catalogue file as an operator would keep it: YAML, in a directory of its own. */
function fileOf(catalogue: object): string {
  const path = join(directory, `catalogue-${++written}.yaml`);
  writeFileSync(path, stringify(catalogue));
  return path;
}

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The child's environment: the test's, without a token or password that would stand in for the arguments. */
const childEnvironment = () => {
  const { FINESTRETA_TOKEN: _token, FINESTRETA_PASSWORD: _password, ...rest } = process.env;
  return { ...rest, NO_COLOR: '1' };
};

/** `npm run catalogue -- import <file> --api <url> …` as a child process: its exit status and output. */
function catalogueImport(file: string, ...options: string[]): Promise<Run> {
  const args = ['bin/catalogue.ts', 'import', file, '--api', endpoints().apiUrl, ...options];
  return new Promise((done) => {
    execFile(TSX, args, { cwd: ROOT, env: childEnvironment(), timeout: 30_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
      done({ code, stdout, stderr });
    });
  });
}

/** Signed in as the demo admin with Cognito's password flow, as someone at a terminal would. */
const signedIn = () => {
  const e = endpoints();
  const admin = demoUser('admin');
  return [
    '--user',
    admin.email,
    '--password',
    DEMO_PASSWORD,
    '--client-id',
    e.userPoolClientId,
    '--cognito-endpoint',
    e.services.cognito,
  ];
};

/** The plan the command printed: each document's action, and for an update the paths that differ. */
function planIn(stdout: string): Record<string, string> {
  const plan: Record<string, string> = {};
  for (const line of stdout.split('\n')) {
    const match = /^ {2}(create|update|unchanged|kept) +(\S+?)(?:: (.+)| \(not in file\))?$/.exec(line);
    if (match?.[1] && match[2]) plan[match[2]] = match[3] ? `${match[1]}: ${match[3]}` : match[1];
  }
  return plan;
}

/** The documents the command reported as applied, in the order it applied them. */
const appliedIn = (stdout: string) =>
  stdout
    .split('\n')
    .map((line) => /^ {2}(created|updated) +(\S+)$/.exec(line))
    .filter((match) => match !== null)
    .map((match) => `${match[1]} ${match[2]}`);

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A problem as the command reports one of a file: `  topics[1].teamId (line 97): No such team…`. */
const problemAt = (path: string, message: string) =>
  new RegExp(`^ {2}${escaped(path)} \\(line \\d+\\): ${escaped(message)}$`, 'm');

/** The first form field of the file's level-3 topic: the label the changes below touch. */
function recordNumberOf(file: TownCatalogue) {
  const field = file.topics[1]?.form.fields[0];
  if (!field) throw new Error('The file has no field to relabel.');
  return field;
}

/** `GET /catalogues/{organisationId}` as the demo admin. */
async function catalogueOf(organisationId: string): Promise<CatalogueDocuments> {
  const response = await api<CatalogueDocuments>('GET', `/catalogues/${organisationId}`, { as: 'admin' });
  expect(response.status).toBe(200);
  return response.body;
}

const NOTHING: CatalogueDocuments = { organisation: null, calendar: null, slaPolicy: null, teams: [], topics: [] };

const byId = <T extends { id: string }>(documents: readonly T[]) =>
  [...documents].sort((a, b) => a.id.localeCompare(b.id));
const unstamped = <T extends object>(document: T, ...also: string[]) =>
  Object.fromEntries(
    Object.entries(document).filter(([key]) => !['version', 'updatedAt', 'updatedBy', ...also].includes(key)),
  );

/** What the stack holds, without its stamps: comparable with a file. */
const contentOf = (stored: CatalogueDocuments) => ({
  organisation: stored.organisation && unstamped(stored.organisation),
  calendar: stored.calendar && unstamped(stored.calendar, 'organisationId'),
  slaPolicy: stored.slaPolicy && unstamped(stored.slaPolicy, 'organisationId'),
  teams: byId(stored.teams).map((team) => unstamped(team)),
  topics: byId(stored.topics).map((topic) => unstamped(topic)),
});
const contentOfFile = (file: TownCatalogue) => ({ ...file, teams: byId(file.teams), topics: byId(file.topics) });

/** Each stored document's version, by the name the command gives it. */
function versionsOf(stored: CatalogueDocuments): Record<string, number> {
  const organisationId = stored.organisation?.id;
  return Object.fromEntries([
    ...(stored.organisation ? [[`organisations/${organisationId}`, stored.organisation.version]] : []),
    ...(stored.calendar ? [[`calendars/${stored.calendar.organisationId}`, stored.calendar.version]] : []),
    ...(stored.slaPolicy ? [[`sla-policies/${stored.slaPolicy.organisationId}`, stored.slaPolicy.version]] : []),
    ...stored.teams.map((team) => [`teams/${team.id}`, team.version]),
    ...stored.topics.map((topic) => [`topics/${topic.id}`, topic.version]),
  ]);
}

const every = (names: readonly string[], value: string | number) =>
  Object.fromEntries(names.map((document) => [document, value]));

describe('a town hall goes live with its catalogue file (npm run catalogue -- import)', CHILD_PROCESSES, () => {
  // The steps build on each other, in order: dry run, import, re-run, a change.
  const town = `town-${hex()}`;
  const file = townCatalogue(town, randomPrefix());
  const path = fileOf(file);
  /** The file as the town keeps it, after the change made below. */
  let latest = file;
  /** Parents before what refers to them; the SLA policy, which names a topic, last. */
  const documents = [
    `organisations/${town}`,
    `calendars/${town}`,
    `teams/${town}-desk`,
    `teams/${town}-technical`,
    `topics/${town}-certificates`,
    `topics/${town}-register-fix`,
    `sla-policies/${town}`,
  ];

  it('a dry run signed in with a password lists every document of the file as a create, and creates nothing', async () => {
    const run = await catalogueImport(path, '--dry-run', ...signedIn());
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Catalogue ${town} from ${path}, against ${endpoints().apiUrl}:`);
    expect(planIn(run.stdout)).toEqual(every(documents, 'create'));
    expect(Object.keys(planIn(run.stdout))).toEqual(documents);
    expect(run.stdout).toContain(
      'Dry run, nothing changed: 7 to create, 0 to update, 0 unchanged, 0 kept (not in file).',
    );
    expect(appliedIn(run.stdout)).toEqual([]);

    expect(await catalogueOf(town)).toEqual(NOTHING);
  });

  it('the import creates every document, in that order, each at version 1 with the file’s content', async () => {
    const run = await catalogueImport(path, ...signedIn());
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(appliedIn(run.stdout)).toEqual(documents.map((document) => `created ${document}`));
    expect(run.stdout).toContain('7 created, 0 updated, 0 unchanged, 0 kept (not in file).');

    const stored = await catalogueOf(town);
    expect(versionsOf(stored)).toEqual(every(documents, 1));
    expect(contentOf(stored)).toEqual(contentOfFile(file));
    expect(stored.calendar?.organisationId).toBe(town);
    expect(stored.slaPolicy?.organisationId).toBe(town);
  });

  it('run again, with a bearer token, it finds everything unchanged and changes nothing', async () => {
    const before = await catalogueOf(town);
    const run = await catalogueImport(path, '--token', await tokenFor('admin'));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(planIn(run.stdout)).toEqual(every(documents, 'unchanged'));
    expect(appliedIn(run.stdout)).toEqual([]);
    expect(run.stdout).toContain('0 created, 0 updated, 7 unchanged, 0 kept (not in file).');

    expect(await catalogueOf(town)).toEqual(before);
    expect(versionsOf(before)).toEqual(every(documents, 1));
    // One audit entry per document: the creation, and nothing since.
    const audit = await api<{ items: AuditEntry[] }>('GET', `/audit?organisationId=${town}&limit=100`, {
      as: 'admin',
    });
    expect(audit.status).toBe(200);
    const changes = audit.body.items.map((entry) => `${entry.kind} ${entry.documentId} ${entry.before === null}`);
    expect(changes.sort()).toEqual(
      [
        `organisation ${town} true`,
        `calendar ${town} true`,
        `slaPolicy ${town} true`,
        `team ${town}-desk true`,
        `team ${town}-technical true`,
        `topic ${town}-certificates true`,
        `topic ${town}-register-fix true`,
      ].sort(),
    );
  });

  it('after a label changes and a team is added, the dry run shows that update at its path and the create, and the import makes them', async () => {
    const changed = structuredClone(file);
    recordNumberOf(changed).label.es = 'Número de la inscripción padronal';
    changed.teams.push({
      id: `${town}-mobility`,
      organisationId: town,
      level: 2,
      assignment: 'manual',
      name: name('Mobility and the public road'),
    });
    const changedPath = fileOf(changed);
    latest = changed;

    const dryRun = await catalogueImport(changedPath, '--dry-run', ...signedIn());
    expect(dryRun.stderr).toBe('');
    expect(dryRun.code).toBe(0);
    expect(planIn(dryRun.stdout)).toEqual({
      ...every(documents, 'unchanged'),
      [`teams/${town}-mobility`]: 'create',
      [`topics/${town}-register-fix`]: 'update: form.fields[0].label.es',
    });
    expect(dryRun.stdout).toContain(
      'Dry run, nothing changed: 1 to create, 1 to update, 6 unchanged, 0 kept (not in file).',
    );
    expect(versionsOf(await catalogueOf(town))).toEqual(every(documents, 1));

    const run = await catalogueImport(changedPath, ...signedIn());
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(appliedIn(run.stdout)).toEqual([`created teams/${town}-mobility`, `updated topics/${town}-register-fix`]);
    expect(run.stdout).toContain('1 created, 1 updated, 6 unchanged, 0 kept (not in file).');

    const stored = await catalogueOf(town);
    expect(versionsOf(stored)).toEqual({
      ...every(documents, 1),
      [`teams/${town}-mobility`]: 1,
      [`topics/${town}-register-fix`]: 2,
    });
    expect(contentOf(stored)).toEqual(contentOfFile(changed));
  });

  it('a file the schema refuses (a ticket prefix that is not 2–8 capital letters) is refused before any call: exit 1, the field and its line, nothing changed', async () => {
    const before = await catalogueOf(town);
    const broken = structuredClone(latest);
    broken.organisation.ticketPrefix = 'Vila1';
    // A change the refused file also carries, which must not be made.
    recordNumberOf(broken).label.en = 'Not to be applied';

    const run = await catalogueImport(fileOf(broken), ...signedIn());
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(problemAt('organisation.ticketPrefix', 'Use 2 to 8 capital letters.'));
    expect(run.stderr).toContain('Nothing was changed.');
    expect(run.stdout).toBe('');
    expect(await catalogueOf(town)).toEqual(before);
  });

  it('a change with a document the API would refuse (an SLA rule for a topic that does not exist) makes none of the file’s other changes either', async () => {
    const before = await catalogueOf(town);
    const broken = structuredClone(latest);
    recordNumberOf(broken).label.en = 'Not to be applied';
    broken.slaPolicy.rules.push({
      topicId: `${town}-nowhere`,
      firstResponse: { minutes: 30 },
      resolution: { days: 1 },
    });

    const run = await catalogueImport(fileOf(broken), ...signedIn());
    expect(run.code).toBe(1);
    expect(planIn(run.stdout)).toMatchObject({
      [`topics/${town}-register-fix`]: 'update: form.fields[0].label.en',
      [`sla-policies/${town}`]: 'update: rules[3]',
    });
    expect(run.stderr).toMatch(
      problemAt(
        'slaPolicy.rules[3].topicId',
        `The API would refuse sla-policies/${town}: No such topic in this organisation.`,
      ),
    );
    expect(run.stderr).toContain('Nothing was changed.');
    expect(appliedIn(run.stdout)).toEqual([]);
    expect(await catalogueOf(town)).toEqual(before);
  });
});

describe('a file the API would refuse part of is refused whole, before anything is created', CHILD_PROCESSES, () => {
  it('a calendar with overlapping windows: exit 1, naming the calendar’s window, and no organisation is created', async () => {
    const town = `town-${hex()}`;
    const file = townCatalogue(town, randomPrefix());
    file.calendar.week.mon = [
      { from: '08:00', to: '15:00' },
      { from: '14:00', to: '18:00' },
    ];

    for (const dryRun of [['--dry-run'], []]) {
      const run = await catalogueImport(fileOf(file), ...dryRun, ...signedIn());
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(
        problemAt('calendar.week.mon[1]', `The API would refuse calendars/${town}: Overlaps the window week.mon.0.`),
      );
      expect(run.stderr).toContain('Nothing was changed.');
      expect(appliedIn(run.stdout)).toEqual([]);
    }
    expect(await catalogueOf(town)).toEqual(NOTHING);
  });

  it('a topic whose team is neither in the file nor in the stack: exit 1, naming the topic’s teamId, and nothing is created', async () => {
    const town = `town-${hex()}`;
    const file = townCatalogue(town, randomPrefix());
    const topic = file.topics[1];
    if (!topic) throw new Error('No level-3 topic.');
    topic.teamId = `${town}-nobody`;

    for (const dryRun of [['--dry-run'], []]) {
      const run = await catalogueImport(fileOf(file), ...dryRun, ...signedIn());
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(
        problemAt(
          'topics[1].teamId',
          `The API would refuse topics/${town}-register-fix: No such team in this organisation.`,
        ),
      );
      expect(run.stderr).toContain('Nothing was changed.');
      expect(appliedIn(run.stdout)).toEqual([]);
    }
    expect(await catalogueOf(town)).toEqual(NOTHING);
  });
});
