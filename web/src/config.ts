/**
 * The portal's configuration, read at run time from `/config.json` on the portal's own origin.
 *
 * The same built site runs against any stack: `npm start` and the CDK stack write `config.json`
 * beside `index.html`, and `npm run dev:web` serves it from `.local/endpoints.json` (see
 * web/vite.config.ts). Nothing here is secret: a Cognito app client id is public by design
 * (the browser needs it to sign in), and the API is public behind its authorizer.
 *
 * ```json
 * {
 *   "apiUrl": "https://abc123.execute-api.eu-west-1.amazonaws.com",
 *   "cognito": {
 *     "endpoint": "https://cognito-idp.eu-west-1.amazonaws.com/",
 *     "clientId": "1example23456789",
 *     "region": "eu-west-1"
 *   }
 * }
 * ```
 */
export interface PortalConfig {
  /** Base URL of the HTTP API, without a trailing slash. */
  apiUrl: string;
  cognito: {
    /** Cognito user pools endpoint that receives `InitiateAuth` (cognito-local's URL locally). */
    endpoint: string;
    /** The user pool's app client (no secret; `USER_PASSWORD_AUTH` enabled). */
    clientId: string;
    /** AWS region of the user pool. */
    region: string;
  };
}

let current: PortalConfig | undefined;

/** The configuration loaded at start; the app renders nothing before it is there. */
export function config(): PortalConfig {
  if (!current) throw new Error('The configuration has not been loaded yet.');
  return current;
}

export function isPortalConfig(value: unknown): value is PortalConfig {
  if (typeof value !== 'object' || value === null) return false;
  const { apiUrl, cognito } = value as Partial<PortalConfig>;
  return (
    typeof apiUrl === 'string' &&
    typeof cognito === 'object' &&
    cognito !== null &&
    typeof cognito.endpoint === 'string' &&
    typeof cognito.clientId === 'string' &&
    typeof cognito.region === 'string'
  );
}

export async function loadConfig(): Promise<PortalConfig> {
  // `no-store`: a redeployed stack may point the same site at a new API.
  const response = await fetch('/config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`GET /config.json answered ${response.status}`);
  const value: unknown = await response.json();
  if (!isPortalConfig(value)) throw new Error('/config.json lacks apiUrl or cognito { endpoint, clientId, region }.');
  current = { ...value, apiUrl: value.apiUrl.replace(/\/+$/, '') };
  return current;
}
