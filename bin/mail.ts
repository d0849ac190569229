/**
 * Feeds the running local stack (`npm start`) the mail events AWS would deliver, through the
 * same handlers:
 *
 *   npm run mail:inbound -- reply.eml              a raw MIME reply, as SES's receipt rule stores it
 *   npm run mail:feedback -- bounce anna@x.org     a permanent bounce (or `complaint`) from SES
 *
 * Answers appear in the local mailbox (the SES page `npm start` prints).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { MailEventInput } from '../lib/local/mail-events';
import { runAsFunction } from '../lib/local/run-as-function';
import type { LocalEndpoints } from '../lib/local/stack';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'data-dir': { type: 'string', default: '.local' } },
});
const [source, ...rest] = positionals;

function usage(): never {
  console.error('Usage: tsx bin/mail.ts inbound <file.eml> | tsx bin/mail.ts feedback bounce|complaint <address>');
  process.exit(2);
}

let input: MailEventInput;
if (source === 'inbound' && rest.length === 1) {
  input = { source, raw: readMessage(rest[0] as string) };
} else if (source === 'feedback' && (rest[0] === 'bounce' || rest[0] === 'complaint') && rest[1]?.includes('@')) {
  input = { source, kind: rest[0], address: rest[1] };
} else {
  usage();
}

function readMessage(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    console.error(`Cannot read ${file}: ${(error as Error).message}`);
    process.exit(1);
  }
}

const endpointsFile = join(resolve(values['data-dir'] as string), 'endpoints.json');
let endpoints: LocalEndpoints;
try {
  endpoints = JSON.parse(readFileSync(endpointsFile, 'utf8')) as LocalEndpoints;
} catch {
  console.error(`No running local stack found (${endpointsFile}): start it with npm start.`);
  process.exit(1);
}
const result = await runAsFunction<string>(
  join(import.meta.dirname, '..', 'lib', 'local', 'mail-events.ts'),
  input,
  endpoints.functionEnvironment,
);
console.log(result);
