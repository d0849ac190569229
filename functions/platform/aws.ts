import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { HttpRequest } from '@smithy/core/protocols';
import { SignatureV4 } from '@smithy/signature-v4';

/**
 * SigV4-signed fetch for the few single calls a function makes to SES, S3 or Step Functions
 * (send a mail, probe a bucket, read an inbound mail, start or signal a workflow). The SDK's SES and S3 clients added 55–100 KB and
 * 5–10 ms to every cold start of the functions that hold them (README, Cold starts); DynamoDB,
 * used everywhere and in many ways, keeps its SDK client, whose own signer signs these calls too
 * (one signer in the bundle, not two). Credentials are the function's own, from the environment
 * Lambda sets; throttling and 5xx answers are tried again with jittered backoff.
 */
export type AwsService = 'ses' | 's3' | 'states';

/** The standard endpoint variable of each service (the local stack sets them), and its AWS host. */
const ENDPOINTS: Record<AwsService, { readonly variable: string; readonly host: (region: string) => string }> = {
  ses: { variable: 'AWS_ENDPOINT_URL_SESV2', host: (region) => `email.${region}.amazonaws.com` },
  s3: { variable: 'AWS_ENDPOINT_URL_S3', host: (region) => `s3.${region}.amazonaws.com` },
  states: { variable: 'AWS_ENDPOINT_URL_SFN', host: (region) => `states.${region}.amazonaws.com` },
};
const RETRIES = 3;

const region = () => process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'eu-west-1';

/** Base URL of a service: the endpoint override if set, else the regional AWS endpoint. */
export function endpointOf(service: AwsService): string {
  return (process.env[ENDPOINTS[service].variable] ?? `https://${ENDPOINTS[service].host(region())}`).replace(
    /\/$/,
    '',
  );
}

type SourceData = string | ArrayBuffer | ArrayBufferView;
const bytes = (data: SourceData): string | Uint8Array =>
  typeof data === 'string'
    ? data
    : ArrayBuffer.isView(data)
      ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
      : new Uint8Array(data);

/** SHA-256 and HMAC-SHA256 from node:crypto, in the shape the signer asks for. */
class Sha256 {
  private readonly hash: Hash | Hmac;
  constructor(secret?: SourceData) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret));
  }
  update(data: SourceData): void {
    this.hash.update(bytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
}

const credentials = async () => ({
  accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? '',
  secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? '',
  ...(process.env.AWS_SESSION_TOKEN ? { sessionToken: process.env.AWS_SESSION_TOKEN } : {}),
});

const signers = new Map<AwsService, SignatureV4>();

function signerOf(service: AwsService): SignatureV4 {
  let signer = signers.get(service);
  if (!signer) {
    signer = new SignatureV4({
      service,
      region: region(),
      sha256: Sha256,
      credentials,
    });
    signers.set(service, signer);
  }
  return signer;
}

/**
 * An object's URL (or the bucket's, without a key): path-style against the local stand-in,
 * virtual-hosted against AWS, each key segment encoded.
 */
export function objectUrl(bucket: string, key = ''): string {
  const path = key.split('/').map(encodeURIComponent).join('/');
  return process.env[ENDPOINTS.s3.variable]
    ? `${endpointOf('s3')}/${bucket}/${path}`
    : `https://${bucket}.${ENDPOINTS.s3.host(region())}/${path}`;
}

const signableRequest = (url: URL, method: string, headers: Record<string, string> = {}) =>
  new HttpRequest({
    method,
    protocol: url.protocol,
    hostname: url.hostname,
    ...(url.port ? { port: Number(url.port) } : {}),
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers: { host: url.host, ...headers },
  });

/**
 * A presigned GET of an S3 object, valid `expiresIn` seconds from `signedAt`; `query` (response
 * overrides) is signed with it.
 */
export async function presignedGet(
  bucket: string,
  key: string,
  expiresIn: number,
  query: Record<string, string> = {},
  signedAt = new Date(),
): Promise<string> {
  const url = new URL(objectUrl(bucket, key));
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  const signed = await signerOf('s3').presign(signableRequest(url, 'GET'), { expiresIn, signingDate: signedAt });
  const out = new URL(url.origin + url.pathname);
  for (const [name, value] of Object.entries(signed.query ?? {})) out.searchParams.set(name, String(value));
  return out.toString();
}

/**
 * An S3 presigned POST (browser-based upload): a policy of `conditions`, valid until
 * `expiresAt`, signed with SigV4 as the fields S3 expects. The caller sends `fields`, then the
 * file as `file`, to `url`.
 */
export async function presignedPost(
  bucket: string,
  key: string,
  conditions: readonly unknown[],
  fields: Record<string, string>,
  expiresAt: Date,
): Promise<{ url: string; fields: Record<string, string> }> {
  const now = new Date();
  const amzDate = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const { accessKeyId, sessionToken } = await credentials();
  const credential = `${accessKeyId}/${amzDate.slice(0, 8)}/${region()}/s3/aws4_request`;
  const signing: Record<string, string> = {
    'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
    'X-Amz-Credential': credential,
    'X-Amz-Date': amzDate,
    ...(sessionToken ? { 'X-Amz-Security-Token': sessionToken } : {}),
  };
  const policy = Buffer.from(
    JSON.stringify({
      expiration: expiresAt.toISOString(),
      conditions: [
        { bucket },
        { key },
        ...conditions,
        ...Object.entries({ ...fields, ...signing }).map(([name, value]) => ({ [name]: value })),
      ],
    }),
  ).toString('base64');
  const signature = await signerOf('s3').sign(policy, { signingDate: now });
  return {
    url: objectUrl(bucket),
    fields: { key, ...fields, ...signing, Policy: policy, 'X-Amz-Signature': signature },
  };
}

/** A fetch signed for `service`; `init.body`, if any, is a string. */
export async function signedFetch(service: AwsService, url: string, init: RequestInit = {}): Promise<Response> {
  const headers: Record<string, string> = {};
  new Headers(init.headers).forEach((value, name) => {
    headers[name] = value;
  });
  const request = signableRequest(new URL(url), init.method ?? 'GET', headers);
  if (typeof init.body === 'string') request.body = init.body;
  for (let attempt = 0; ; attempt++) {
    // Signed again on each attempt: the signature carries the time.
    const signed = await signerOf(service).sign(request);
    const response = await fetch(url, { ...init, headers: signed.headers as Record<string, string> });
    if (attempt >= RETRIES || (response.status !== 429 && response.status < 500)) return response;
    await response.body?.cancel();
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 50 * 2 ** attempt));
  }
}
