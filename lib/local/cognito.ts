import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  InitiateAuthCommand,
  ListGroupsCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import { spawnChild, waitUntilReady } from './child-process';
import type { DemoUser } from './demo-users';
import { assertPortFree, LOOPBACK } from './ports';

export interface StartCognitoOptions {
  port: number;
  /** cognito-local's working directory: it keeps `.cognito/config.json` and `.cognito/db/` here. */
  dataDir: string;
  startTimeoutMs?: number;
  /** A verification code cognito-local would have mailed (it only prints it): the stack mails it. */
  onCode?: (delivery: CodeDelivery) => void;
}

export interface CodeDelivery {
  destination: string;
  code: string;
}

/**
 * Reads the codes out of cognito-local's console output, where its "Confirmation Code Delivery"
 * box says to whom and which code. Returns the deliveries found and the text still to be read
 * (a box may arrive split across chunks).
 */
export function readCodeDeliveries(text: string): { deliveries: CodeDelivery[]; rest: string } {
  const plain = stripVTControlCharacters(text);
  const box = /Confirmation Code Delivery[\s\S]*?Destination:\s*(\S+)[\s\S]*?Code:\s*(\d+)/g;
  const deliveries: CodeDelivery[] = [];
  let end = -1;
  for (let found = box.exec(plain); found; found = box.exec(plain)) {
    deliveries.push({ destination: found[1] as string, code: found[2] as string });
    end = box.lastIndex;
  }
  const rest = end >= 0 ? plain.slice(end) : plain;
  // Output without a box start is of no use: keep only what may begin one.
  const start = rest.lastIndexOf('Confirmation Code Delivery');
  return { deliveries, rest: start >= 0 ? rest.slice(start) : '' };
}

export interface LocalCognito {
  /** Also the token issuer domain: issuer = `${endpoint}/${userPoolId}`. */
  endpoint: string;
  /** The cognito-local process id, so tests can assert it is gone after stop(). */
  pid: number;
  stop(): Promise<void>;
}

export interface ProvisionOptions {
  poolName: string;
  clientName: string;
  groups: readonly string[];
  users: readonly DemoUser[];
}

export interface ProvisionedPool {
  userPoolId: string;
  clientId: string;
  issuer: string;
  jwksUrl: string;
  /** Each demo user's id (`sub`), by email: staff profiles in the table are keyed by it. */
  userIds: Record<string, string>;
}

export interface SignInTokens {
  idToken: string;
  accessToken: string;
}

const LABEL = 'Cognito (cognito-local)';
const startScript = createRequire(import.meta.url).resolve('cognito-local/lib/bin/start.js');

/** cognito-local accepts any credentials; the admin calls are signed, so some must be present. */
export const localCognitoClientConfig = (endpoint: string) => ({
  endpoint,
  region: 'eu-west-1',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
});

const readJson = (file: string): Record<string, unknown> => {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
};

/**
 * Writes the port and issuer into `.cognito/config.json`, keeping any other settings a developer
 * put there. Rewritten on every start because the port may differ from the previous run.
 */
const writeConfig = (dataDir: string, port: number, endpoint: string): void => {
  const configDir = join(dataDir, '.cognito');
  mkdirSync(configDir, { recursive: true });
  const file = join(configDir, 'config.json');
  const existing = readJson(file);
  const config = {
    ...existing,
    ServerConfig: { ...(existing.ServerConfig as object | undefined), hostname: LOOPBACK, port },
    // The issuer must be the URL clients (and the JWT verifier) use, so localhost vs 127.0.0.1 matters.
    TokenConfig: { ...(existing.TokenConfig as object | undefined), IssuerDomain: endpoint },
  };
  writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
};

const codeReader = (onCode: (delivery: CodeDelivery) => void) => {
  let pending = '';
  return (text: string) => {
    const { deliveries, rest } = readCodeDeliveries(pending + text);
    pending = rest;
    for (const delivery of deliveries) onCode(delivery);
  };
};

export const startCognito = async (options: StartCognitoOptions): Promise<LocalCognito> => {
  const { port, startTimeoutMs = 30_000 } = options;
  await assertPortFree(port, LABEL);
  const dataDir = resolve(options.dataDir);
  const endpoint = `http://${LOOPBACK}:${port}`;
  writeConfig(dataDir, port, endpoint);

  const child = spawnChild({
    label: LABEL,
    command: process.execPath,
    args: [startScript],
    // cognito-local resolves `.cognito/` against its cwd.
    cwd: dataDir,
    // cognito-local still runs on AWS SDK v2, which prints a maintenance-mode notice on every start.
    env: { ...process.env, PORT: String(port), HOST: LOOPBACK, AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1' },
    logFile: join(dataDir, 'cognito-local.log'),
    onOutput: options.onCode ? codeReader(options.onCode) : undefined,
  });
  await waitUntilReady(child, async () => (await fetch(`${endpoint}/health`)).ok, {
    timeoutMs: startTimeoutMs,
    label: `${LABEL} on port ${port} to answer /health`,
  });
  return { endpoint, pid: child.pid, stop: () => child.stop() };
};

const withClient = async <T>(endpoint: string, use: (client: CognitoIdentityProviderClient) => Promise<T>) => {
  const client = new CognitoIdentityProviderClient(localCognitoClientConfig(endpoint));
  try {
    return await use(client);
  } finally {
    client.destroy();
  }
};

const findPoolId = async (client: CognitoIdentityProviderClient, poolName: string): Promise<string | undefined> => {
  let NextToken: string | undefined;
  do {
    const page = await client.send(new ListUserPoolsCommand({ MaxResults: 60, NextToken }));
    const match = page.UserPools?.find((pool) => pool.Name === poolName);
    if (match?.Id) return match.Id;
    NextToken = page.NextToken;
  } while (NextToken);
  return undefined;
};

const ensurePool = async (client: CognitoIdentityProviderClient, poolName: string): Promise<string> => {
  const existing = await findPoolId(client, poolName);
  if (existing) return existing;
  const created = await client.send(
    new CreateUserPoolCommand({
      PoolName: poolName,
      // Sign-in by email, as in the deployed pool: the username becomes the user's sub.
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      Policies: {
        PasswordPolicy: {
          MinimumLength: 12,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        },
      },
    }),
  );
  const id = created.UserPool?.Id;
  if (!id) throw new Error(`CreateUserPool returned no id for ${poolName}`);
  return id;
};

const ensureClient = async (
  client: CognitoIdentityProviderClient,
  userPoolId: string,
  clientName: string,
): Promise<string> => {
  let NextToken: string | undefined;
  do {
    const page = await client.send(
      new ListUserPoolClientsCommand({ UserPoolId: userPoolId, MaxResults: 60, NextToken }),
    );
    const match = page.UserPoolClients?.find((candidate) => candidate.ClientName === clientName);
    if (match?.ClientId) return match.ClientId;
    NextToken = page.NextToken;
  } while (NextToken);
  const created = await client.send(
    new CreateUserPoolClientCommand({
      UserPoolId: userPoolId,
      ClientName: clientName,
      GenerateSecret: false, // a public (browser) client
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    }),
  );
  const id = created.UserPoolClient?.ClientId;
  if (!id) throw new Error(`CreateUserPoolClient returned no id for ${clientName}`);
  return id;
};

const ensureGroups = async (
  client: CognitoIdentityProviderClient,
  userPoolId: string,
  groups: readonly string[],
): Promise<void> => {
  const existing = new Set<string>();
  let NextToken: string | undefined;
  do {
    const page = await client.send(new ListGroupsCommand({ UserPoolId: userPoolId, Limit: 60, NextToken }));
    for (const group of page.Groups ?? []) if (group.GroupName) existing.add(group.GroupName);
    NextToken = page.NextToken;
  } while (NextToken);
  for (const GroupName of groups) {
    if (!existing.has(GroupName)) await client.send(new CreateGroupCommand({ UserPoolId: userPoolId, GroupName }));
  }
};

/** Returns the user's actual username (its sub, since the pool signs in by email), creating the user if missing. */
const ensureUser = async (
  client: CognitoIdentityProviderClient,
  userPoolId: string,
  user: DemoUser,
): Promise<string> => {
  let username: string | undefined;
  let confirmed = false;
  try {
    const found = await client.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: user.email }));
    username = found.Username;
    confirmed = found.UserStatus === 'CONFIRMED';
  } catch (error) {
    if (!(error instanceof UserNotFoundException)) throw error;
    const created = await client.send(
      new AdminCreateUserCommand({
        UserPoolId: userPoolId,
        Username: user.email,
        MessageAction: 'SUPPRESS', // no welcome message: the password is set right below
        UserAttributes: [
          { Name: 'email', Value: user.email },
          { Name: 'email_verified', Value: 'true' },
          { Name: 'name', Value: user.name },
          { Name: 'locale', Value: user.locale },
        ],
      }),
    );
    username = created.User?.Username;
  }
  if (!username) throw new Error(`Cognito returned no username for ${user.email}`);
  // Also repairs a user left in FORCE_CHANGE_PASSWORD by an interrupted earlier run; a confirmed
  // user keeps whatever password it has now.
  if (!confirmed) {
    await client.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: userPoolId,
        Username: username,
        Password: user.password,
        Permanent: true,
      }),
    );
  }
  return username;
};

/** The user, created if missing, in each of its groups; returns its username (its sub). */
const ensureMember = async (client: CognitoIdentityProviderClient, userPoolId: string, user: DemoUser) => {
  const username = await ensureUser(client, userPoolId, user);
  // Adding an existing member is a no-op, in cognito-local as in Cognito. The sub is used rather
  // than the email because cognito-local's AdminListGroupsForUser matches the literal username.
  for (const GroupName of user.groups) {
    await client.send(new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: username, GroupName }));
  }
  return username;
};

/** Adds one user to an existing pool (tests that need a person of their own); returns their sub. */
export const addUser = (endpoint: string, userPoolId: string, user: DemoUser): Promise<string> =>
  withClient(endpoint, (client) => ensureMember(client, userPoolId, user));

/**
 * Creates (or finds, when the data dir was kept) the pool, its public app client, the groups and
 * the users. Safe to run on every start. `endpoint` must be the one startCognito returned, since
 * the issuer is derived from it.
 */
export const provisionUserPool = (endpoint: string, options: ProvisionOptions): Promise<ProvisionedPool> =>
  withClient(endpoint, async (client) => {
    const userPoolId = await ensurePool(client, options.poolName);
    const clientId = await ensureClient(client, userPoolId, options.clientName);
    const groups = new Set([...options.groups, ...options.users.flatMap((user) => user.groups)]);
    await ensureGroups(client, userPoolId, [...groups]);
    const userIds: Record<string, string> = {};
    for (const user of options.users) userIds[user.email] = await ensureMember(client, userPoolId, user);
    const issuer = `${endpoint}/${userPoolId}`;
    return { userPoolId, clientId, issuer, jwksUrl: `${issuer}/.well-known/jwks.json`, userIds };
  });

/** Password sign-in as the web client does it (USER_PASSWORD_AUTH); for tests, e2e and the benchmark. */
export const signIn = (endpoint: string, clientId: string, username: string, password: string): Promise<SignInTokens> =>
  withClient(endpoint, async (client) => {
    const result = await client.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: clientId,
        AuthParameters: { USERNAME: username, PASSWORD: password },
      }),
    );
    const tokens = result.AuthenticationResult;
    if (!tokens?.IdToken || !tokens.AccessToken) {
      throw new Error(`Sign-in of ${username} did not complete (challenge: ${result.ChallengeName ?? 'none'})`);
    }
    return { idToken: tokens.IdToken, accessToken: tokens.AccessToken };
  });
