/**
 * Catalogue files: YAML documents checked by the administration contract's `CatalogueFile`. One
 * per organisation (its organisation, calendar, SLA policy, teams and topics), and `shared.yaml`
 * for the level-1 topics every organisation hangs its own on. Read by the local stack and the
 * tests (lib/local/demo-catalogue.ts) and by `npm run catalogue -- import`; never by a Lambda.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { isAlias, isCollection, LineCounter, type Node, parseDocument, type Document as YamlDocument } from 'yaml';
import { CatalogueFile } from '../../contracts/admin-views';
import { SHARED_CATALOGUE } from '../../contracts/catalogue';
import type * as z from '../../contracts/zod';
import type { CatalogueInput } from '../../functions/catalogue/domain/model';
import { formatPath, type Path } from './path';

/** One problem of a file: where (`topics[3].form.fields[2].label.oc`, and its line) and what. */
export interface FileIssue {
  readonly path: string;
  readonly line?: number;
  readonly message: string;
}

export const describeIssue = ({ path, line, message }: FileIssue): string =>
  `${path === '' ? '(file)' : path}${line === undefined ? '' : ` (line ${line})`}: ${message}`;

/** A file that is not a catalogue, with every problem found in it. */
export class CatalogueFileError extends Error {
  constructor(
    readonly file: string,
    readonly issues: readonly FileIssue[],
  ) {
    const count = issues.length === 1 ? 'one problem' : `${issues.length} problems`;
    super(`${file}: ${count}\n${issues.map((issue) => `  ${describeIssue(issue)}`).join('\n')}`);
    this.name = 'CatalogueFileError';
  }
}

/** The organisation a file administers: its organisation's id, or `shared` for the level-1 topics. */
export const ownerOf = (file: CatalogueFile): string => file.organisation?.id ?? SHARED_CATALOGUE;

interface RawIssue {
  readonly path: Path;
  readonly message: string;
  /** The schema's reason, when the schema found it. */
  readonly code?: string;
}

/** One line per problem: unknown keys one by one, a union by what each of its shapes lacks. */
const zodIssues = (error: z.core.$ZodError): RawIssue[] =>
  error.issues.flatMap((issue): RawIssue[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: [...issue.path, key], message: 'Unknown field.' }));
    }
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const literal = (branch: readonly z.core.$ZodIssue[]) =>
        branch.length === 1 && branch[0]?.code === 'invalid_value' && branch[0].path.length === 0;
      if (issue.errors.every(literal)) {
        const values = issue.errors.flatMap((branch) => (branch[0]?.code === 'invalid_value' ? branch[0].values : []));
        return [
          {
            path: issue.path,
            code: issue.code,
            message: `Use one of: ${values.map((value) => JSON.stringify(value)).join(', ')}.`,
          },
        ];
      }
      const shapes = issue.errors.map((branch) =>
        branch.map((inner) => `${formatPath(inner.path) || 'value'}: ${inner.message}`).join(', '),
      );
      const message = `Matches none of the allowed shapes (${shapes.join('; or ')}).`;
      return [{ path: issue.path, code: issue.code, message }];
    }
    return [{ path: issue.path, code: issue.code, message: issue.message }];
  });

/** A key the file leaves out is "Required.", whatever type or shape its schema expected there. */
function missingOr(value: unknown, issue: RawIssue): RawIssue {
  if (issue.code !== 'invalid_type' && issue.code !== 'invalid_union') return issue;
  const parent = issue.path
    .slice(0, -1)
    .reduce<unknown>((at, part) => (isObject(at) ? at[part as string] : undefined), value);
  const key = issue.path.at(-1);
  const missing = isObject(parent) && key !== undefined && !(String(key) in parent);
  return missing ? { path: issue.path, message: 'Required.' } : issue;
}

interface LooseFile {
  readonly organisation?: { readonly id?: unknown };
  readonly calendar?: unknown;
  readonly slaPolicy?: unknown;
  readonly teams?: unknown;
  readonly topics?: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const entries = (list: unknown): [number, Record<string, unknown>][] =>
  Array.isArray(list)
    ? [...list.entries()].filter((entry): entry is [number, Record<string, unknown>] => isObject(entry[1]))
    : [];

/**
 * Every team and topic of a file belongs to its organisation; a file without one holds only the
 * shared level-1 topics (`organisationId: null`), so an import never writes to two catalogues.
 * Checked on the file as written, so its problems are listed with the schema's.
 */
function ownershipIssues(file: LooseFile): RawIssue[] {
  const issues: RawIssue[] = [];
  if (!isObject(file)) return issues;
  if (file.organisation === undefined) {
    const needsOrganisation = (what: string) =>
      `${what} belongs to an organisation: add it to this file (organisation:), or move this to its organisation's file.`;
    if (file.calendar !== undefined) issues.push({ path: ['calendar'], message: needsOrganisation('A calendar') });
    if (file.slaPolicy !== undefined) issues.push({ path: ['slaPolicy'], message: needsOrganisation('An SLA policy') });
    for (const [index] of entries(file.teams))
      issues.push({ path: ['teams', index], message: needsOrganisation('A team') });
    for (const [index, topic] of entries(file.topics)) {
      if (topic.organisationId !== null) {
        issues.push({
          path: ['topics', index, 'organisationId'],
          message: `A file without an organisation holds only the shared level-1 topics (organisationId: null); put this topic in its organisation's file.`,
        });
      }
    }
    return issues;
  }
  const owner = isObject(file.organisation) ? file.organisation.id : undefined;
  if (typeof owner !== 'string') return issues;
  if (owner === SHARED_CATALOGUE) {
    issues.push({
      path: ['organisation', 'id'],
      message: `"${SHARED_CATALOGUE}" names the shared catalogue of level-1 topics, which has no organisation.`,
    });
  }
  for (const [index, team] of entries(file.teams)) {
    if (team.organisationId !== owner) {
      issues.push({
        path: ['teams', index, 'organisationId'],
        message: `This file is ${owner}'s catalogue: its teams belong to ${owner}.`,
      });
    }
  }
  for (const [index, topic] of entries(file.topics)) {
    if (topic.organisationId !== owner) {
      const shared = topic.organisationId === null ? ' The shared level-1 topics go in a file of their own.' : '';
      issues.push({
        path: ['topics', index, 'organisationId'],
        message: `This file is ${owner}'s catalogue: its topics belong to ${owner}.${shared}`,
      });
    }
  }
  return issues;
}

/** The line of the deepest node of `path` the document has (the parent's, for a missing key). */
function lineOf(document: YamlDocument, lines: LineCounter, path: Path): number | undefined {
  let node: unknown = document.contents;
  let found = node as Node | null;
  for (const part of path) {
    if (isAlias(node)) node = node.resolve(document);
    if (!isCollection(node)) break;
    const next = node.get(part, true);
    if (next === undefined || next === null) break;
    node = next;
    found = next as Node;
  }
  const offset = found?.range?.[0];
  return offset === undefined ? undefined : lines.linePos(offset).line;
}

const YAML_MESSAGES: Partial<Record<string, string>> = {
  MULTIPLE_DOCS: 'A catalogue file holds one document: remove the `---` separators.',
  DUPLICATE_KEY: 'This key appears twice in the same map.',
};

/** Parses a catalogue file's text; `file` names it in errors. Throws a CatalogueFileError listing every problem. */
export function parseCatalogueFile(source: string, file = 'catalogue'): CatalogueFile {
  const lines = new LineCounter();
  const document = parseDocument(source, { lineCounter: lines, prettyErrors: false });
  if (document.errors.length > 0) {
    throw new CatalogueFileError(
      file,
      document.errors.map((error) => ({
        path: '',
        line: lines.linePos(error.pos[0]).line,
        message: YAML_MESSAGES[error.code] ?? error.message,
      })),
    );
  }
  let value: unknown;
  try {
    value = document.toJS();
  } catch (error) {
    throw new CatalogueFileError(file, [{ path: '', message: error instanceof Error ? error.message : String(error) }]);
  }
  const fail = (issues: readonly RawIssue[]) =>
    new CatalogueFileError(
      file,
      issues
        .map(({ path, message }) => ({ path: formatPath(path), line: lineOf(document, lines, path), message }))
        .sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
    );
  const result = CatalogueFile.safeParse(value);
  const schemaIssues = result.success ? [] : zodIssues(result.error).map((issue) => missingOr(value, issue));
  const issues = [...schemaIssues, ...ownershipIssues(value as LooseFile)];
  if (issues.length > 0 || !result.success) throw fail(issues);
  return result.data;
}

/**
 * Problems found in the documents of a file that parsed (an import's checks against the stack),
 * each with its line, as a CatalogueFileError.
 */
export function problemsInFile(
  file: string,
  problems: readonly { readonly path: Path; readonly message: string }[],
): CatalogueFileError {
  const lines = new LineCounter();
  const document = parseDocument(readFileSync(file, 'utf8'), { lineCounter: lines, prettyErrors: false });
  return new CatalogueFileError(
    file,
    problems
      .map(({ path, message }) => ({ path: formatPath(path), line: lineOf(document, lines, path), message }))
      .sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
  );
}

/** Reads and checks one catalogue file (see parseCatalogueFile). */
export const readCatalogueFile = (path: string): CatalogueFile => parseCatalogueFile(readFileSync(path, 'utf8'), path);

/** The catalogue files of a directory: `shared.yaml` first (the parents of every level-2 topic), then by name. */
export function catalogueFilesIn(directory: string): string[] {
  const names = readdirSync(directory).filter((name) => ['.yaml', '.yml'].includes(extname(name)));
  const rank = (name: string) => (name.slice(0, -extname(name).length) === SHARED_CATALOGUE ? 0 : 1);
  return names.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b)).map((name) => join(directory, name));
}

export interface LoadedCatalogueFile {
  readonly path: string;
  readonly file: CatalogueFile;
}

/**
 * The domain catalogue the files make together: each organisation with its calendar and SLA
 * policy, and every team and topic. An id given twice (in one file or two) is refused, naming both.
 */
export function catalogueOfFiles(files: readonly LoadedCatalogueFile[]): CatalogueInput {
  const catalogue: CatalogueInput = { organisations: [], teams: [], topics: [] };
  const seen = new Map<string, string>();
  for (const { path, file } of files) {
    const issues: FileIssue[] = [];
    const claim = (kind: string, id: string, at: string) => {
      const other = seen.get(`${kind} ${id}`);
      if (other === undefined) seen.set(`${kind} ${id}`, path);
      else issues.push({ path: at, message: `The ${kind} ${id} is also defined in ${other}.` });
    };
    const { organisation, calendar, slaPolicy } = file;
    if (organisation) {
      claim('organisation', organisation.id, 'organisation.id');
      catalogue.organisations.push({ ...organisation, ...(calendar && { calendar }), ...(slaPolicy && { slaPolicy }) });
    }
    file.teams.forEach((team, index) => {
      claim('team', team.id, `teams[${index}].id`);
      catalogue.teams.push(team);
    });
    file.topics.forEach((topic, index) => {
      claim('topic', topic.id, `topics[${index}].id`);
      catalogue.topics.push(topic);
    });
    if (issues.length > 0) throw new CatalogueFileError(path, issues);
  }
  return catalogue;
}

/** Reads every catalogue file of a directory (see catalogueFilesIn) into one domain catalogue. */
export const readCatalogueDirectory = (directory: string): CatalogueInput =>
  catalogueOfFiles(catalogueFilesIn(directory).map((path) => ({ path, file: readCatalogueFile(path) })));
