import { AwsClient } from 'aws4fetch';

/**
 * SigV4-signed fetch for the few single calls a function makes to SES or S3 (send a mail,
 * probe a bucket). The SDK's SES and S3 clients added 55–100 KB and 5–10 ms to every cold
 * start of the functions that hold them (README, Cold starts); DynamoDB, used everywhere and
 * in many ways, keeps its SDK client. Credentials are the function's own, from the
 * environment Lambda sets; aws4fetch retries throttling and 5xx with jittered backoff.
 */
export type AwsService = 'ses' | 's3';

/** The standard endpoint variable of each service (the local stack sets them), and its AWS host. */
const ENDPOINTS: Record<AwsService, { readonly variable: string; readonly host: (region: string) => string }> = {
  ses: { variable: 'AWS_ENDPOINT_URL_SESV2', host: (region) => `email.${region}.amazonaws.com` },
  s3: { variable: 'AWS_ENDPOINT_URL_S3', host: (region) => `s3.${region}.amazonaws.com` },
};

let client: AwsClient | undefined;

const region = () => process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'eu-west-1';

/** Base URL of a service: the endpoint override if set, else the regional AWS endpoint. */
export function endpointOf(service: AwsService): string {
  return (process.env[ENDPOINTS[service].variable] ?? `https://${ENDPOINTS[service].host(region())}`).replace(
    /\/$/,
    '',
  );
}

export function signedFetch(service: AwsService, url: string, init: RequestInit = {}): Promise<Response> {
  client ??= new AwsClient({
    accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? '',
    secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? '',
    ...(process.env.AWS_SESSION_TOKEN ? { sessionToken: process.env.AWS_SESSION_TOKEN } : {}),
    retries: 3,
  });
  return client.fetch(url, { ...init, aws: { service, region: region() } });
}
