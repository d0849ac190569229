/**
 * `npm start`: the whole of Finestreta on this machine. Emulators for DynamoDB, S3, SES and
 * Cognito, the local API gateway running the real handlers, scheduled functions on their
 * intervals, demo users; Ctrl-C stops it all.
 *
 *   npm start                   keep data in .local/ between restarts
 *   npm start -- --fresh        start empty
 *   npm start -- --port-base N  gateway on N, emulators on N+1..N+4, portal N+5, Step Functions N+6
 *                               (or FINESTRETA_PORT_BASE)
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { isLocalStackError } from '../lib/local/errors';
import { portsFrom, startLocalStack } from '../lib/local/stack';

const DEFAULT_PORT_BASE = 4600;

const { values } = parseArgs({
  options: {
    fresh: { type: 'boolean', default: false },
    'port-base': { type: 'string' },
    'data-dir': { type: 'string', default: '.local' },
  },
});

const portBase = Number(values['port-base'] ?? process.env.FINESTRETA_PORT_BASE ?? DEFAULT_PORT_BASE);
if (!Number.isInteger(portBase) || portBase < 1024 || portBase > 65530) {
  console.error(`--port-base must be an integer between 1024 and 65530, not ${values['port-base']}`);
  process.exit(2);
}

const say = (line: string) => process.stdout.write(`${line}\n`);

/** `every minute`, `every 5 minutes`, `every 2 hours`: how often a schedule runs. */
function every(ms: number): string {
  const [count, unit] = ms % 3_600_000 === 0 ? [ms / 3_600_000, 'hour'] : [ms / 60_000, 'minute'];
  return count === 1 ? `every ${unit}` : `every ${count} ${unit}s`;
}

const PORTAL_DIR = join(import.meta.dirname, '..', 'web', 'dist');

try {
  // The portal as it deploys: built by Vite, then served as CloudFront serves it.
  say('· Building the portal (npm run build:web)…');
  execFileSync('npm', ['run', '--silent', 'build:web'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const stack = await startLocalStack({
    dataDir: values['data-dir'] as string,
    fresh: values.fresh,
    ports: portsFrom(portBase),
    log: (line) => say(`· ${line}`),
    demoTickets: true,
    portalDir: PORTAL_DIR,
  });
  const e = stack.endpoints;
  say('');
  say('Finestreta is running locally.');
  say(`  Portal          ${e.portalUrl}`);
  say(`  API             ${e.apiUrl}`);
  say(`  Health          ${e.healthUrl}`);
  say(`  OpenAPI         ${e.openapiUrl}`);
  say(`  Sent mail       ${e.mailPageUrl}`);
  say(`  DynamoDB Local  ${e.services.dynamodb}  (table ${e.tableName})`);
  say(`  S3 (s3rver)     ${e.services.s3}  (bucket ${e.attachmentsBucket})`);
  say(`  Cognito         ${e.services.cognito}  (pool ${e.userPoolId}, client ${e.userPoolClientId})`);
  for (const machine of e.stateMachines) say(`  Step Functions  ${e.services.stepFunctions}  (${machine.arn})`);
  for (const schedule of e.schedules) say(`  Scheduled       ${schedule.function} ${every(schedule.everyMs)}`);
  say('');
  say('Demo logins (all share one password):');
  for (const user of e.demoUsers) say(`  ${user.role.padEnd(11)} ${user.email.padEnd(36)} ${user.password}`);
  say('');
  say(`Everything above is in ${values['data-dir']}/endpoints.json. Ctrl-C stops it all.`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`\n${signal}: stopping…`);
    await stack.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
} catch (error) {
  if (isLocalStackError(error)) {
    console.error(`\n${error.message}`);
    process.exit(1);
  }
  throw error;
}
