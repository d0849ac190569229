/**
 * `npm run catalogue -- import <file> --api <url> [--dry-run]`: loads a catalogue file into a
 * running stack through the administration API. The work is in lib/catalogue/; this is the
 * command line: arguments, output, exit codes.
 */
import { parseArgs } from 'node:util';
import { ApiError, adminClient, cognitoEndpointOf, signIn } from '../lib/catalogue/client';
import { CatalogueFileError, problemsInFile, readCatalogueFile } from '../lib/catalogue/files';
import { applyPlan, planFor } from '../lib/catalogue/import';
import { countsOf, type ImportPlan, type PlannedDocument } from '../lib/catalogue/plan';

const USAGE = `Usage: npm run catalogue -- import <file> --api <url> [--dry-run] [authentication]

Loads a catalogue file (see catalogues/) into a running Finestreta through its administration
API: creates the documents the stack lacks, updates those that differ, leaves the others alone.
Nothing is deleted: what the stack has and the file lacks is listed as kept. Each document to
write is first checked as the API will check it: a problem found then changes nothing.

  <file>                      one organisation's catalogue, or shared.yaml (the level-1 topics)
  --api <url>                 the API's base URL (npm start prints it)
  --dry-run                   print the plan; change nothing

Authentication, as an admin (or, for its own organisation, a supervisor):
  --token <jwt>               a bearer token; or env FINESTRETA_TOKEN
  --user <email>              or sign in with Cognito (USER_PASSWORD_AUTH):
  --password <password>         the password; or env FINESTRETA_PASSWORD
  --client-id <id>              the user pool's app client id (npm start prints it)
  --cognito-endpoint <url>      default https://cognito-idp.<region>.amazonaws.com/
                                (npm start prints its local one)
  --region <region>             for that default; or env AWS_REGION

Exit status: 0 done (or nothing to do), 1 the file or the API refused, 2 wrong usage.`;

const say = (line = '') => process.stdout.write(`${line}\n`);

class UsageError extends Error {}

function parse() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        api: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        token: { type: 'string' },
        user: { type: 'string' },
        password: { type: 'string' },
        'client-id': { type: 'string' },
        'cognito-endpoint': { type: 'string' },
        region: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

type Values = ReturnType<typeof parse>['values'];

async function tokenOf(values: Values): Promise<string> {
  const token = values.token ?? process.env.FINESTRETA_TOKEN;
  if (token) return token;
  const password = values.password ?? process.env.FINESTRETA_PASSWORD;
  if (!values.user || !password || !values['client-id']) {
    throw new UsageError('Give --token (or FINESTRETA_TOKEN), or --user, --password and --client-id.');
  }
  const region = values.region ?? process.env.AWS_REGION;
  const endpoint = values['cognito-endpoint'] ?? (region ? cognitoEndpointOf(region) : undefined);
  if (!endpoint) throw new UsageError('Give --cognito-endpoint, or --region (or AWS_REGION) for the regional one.');
  return signIn({ endpoint, clientId: values['client-id'], username: values.user, password });
}

const differencesShown = 8;
const describe = (document: PlannedDocument): string => {
  const line = `  ${document.action.padEnd(10)} ${document.name}`;
  if (document.action !== 'update') return line;
  const shown = document.differences.slice(0, differencesShown).join(', ');
  const more = document.differences.length - differencesShown;
  return `${line}: ${shown}${more > 0 ? `, and ${more} more` : ''}`;
};

function printPlan(plan: ImportPlan): void {
  for (const document of plan.documents) say(describe(document));
  for (const document of plan.kept) say(`  ${'kept'.padEnd(10)} ${document.name} (not in file)`);
  say();
}

function printApiError(error: ApiError): void {
  console.error(`${error.request}: ${error.status} ${error.title}`);
  if (error.detail) console.error(`  ${error.detail}`);
  for (const issue of error.errors) console.error(`  ${issue.path || '(body)'}: ${issue.message}`);
}

/** The file, checked; one that cannot be read is reported like one that does not parse. */
function readFile(path: string) {
  try {
    return readCatalogueFile(path);
  } catch (error) {
    if (error instanceof CatalogueFileError || !(error instanceof Error && 'code' in error)) throw error;
    throw new CatalogueFileError(path, [{ path: '', message: error.message }]);
  }
}

async function main(): Promise<number> {
  const { values, positionals } = parse();
  if (values.help) {
    say(USAGE);
    return 0;
  }
  const [command, path, ...rest] = positionals;
  if (command !== 'import') throw new UsageError(command ? `Unknown command ${command}.` : 'Say what to do: import.');
  if (!path || rest.length > 0) throw new UsageError('Give one catalogue file.');
  if (!values.api || !URL.canParse(values.api)) throw new UsageError('Give the API’s URL: --api <url>.');

  const file = readFile(path);
  const client = adminClient({ api: values.api, token: await tokenOf(values) });
  const plan = await planFor(file, client);
  say(`Catalogue ${plan.organisationId} from ${path}, against ${values.api}:`);
  printPlan(plan);
  // What the API would refuse half-way is refused whole, before the first change.
  if (plan.problems.length > 0) {
    throw problemsInFile(
      path,
      plan.problems.map(({ document, path: at, message }) => ({
        path: at,
        message: `The API would refuse ${document}: ${message}`,
      })),
    );
  }

  const counts = countsOf(plan);
  const keptAndUnchanged = `${counts.unchanged} unchanged, ${counts.kept} kept (not in file)`;
  if (values['dry-run']) {
    say(`Dry run, nothing changed: ${counts.create} to create, ${counts.update} to update, ${keptAndUnchanged}.`);
    return 0;
  }
  const done = { create: 0, update: 0 };
  try {
    await applyPlan(plan, client, (document) => {
      if (document.action === 'create') done.create += 1;
      if (document.action === 'update') done.update += 1;
      say(`  ${(document.action === 'create' ? 'created' : 'updated').padEnd(10)} ${document.name}`);
    });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    printApiError(error);
    console.error(`Stopped: ${done.create} created and ${done.update} updated before the error; nothing after it.`);
    return 1;
  }
  say(`${done.create} created, ${done.update} updated, ${keptAndUnchanged}.`);
  return 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`${error.message}\n\n${USAGE}`);
    process.exitCode = 2;
  } else if (error instanceof CatalogueFileError) {
    console.error(`${error.message}\nNothing was changed.`);
    process.exitCode = 1;
  } else if (error instanceof ApiError) {
    printApiError(error);
    console.error('Nothing was changed.');
    process.exitCode = 1;
  } else {
    throw error;
  }
}
