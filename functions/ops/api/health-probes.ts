import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import type { ServiceName } from '../../../contracts/health';
import { endpointOf, signedFetch } from '../../platform/aws';
import { readEnv } from '../../platform/env';
import { dynamoDb } from '../../platform/table/client';

export type Probe = (signal: AbortSignal) => Promise<unknown>;

const env = readEnv('tableName', 'attachmentsBucket', 'jwtIssuer');

const answers = async (response: Promise<Response>, what: string) => {
  const { ok, status } = await response;
  if (!ok) throw new Error(`${what} answered ${status}`);
};

/** Path-style against an endpoint override (the local stack), virtual-hosted against AWS. */
const bucketUrl = (bucket: string) =>
  process.env.AWS_ENDPOINT_URL_S3
    ? `${endpointOf('s3')}/${bucket}`
    : endpointOf('s3').replace('https://', `https://${bucket}.`);

/** The cheapest read each service offers that proves it answers and our grants work. */
export const PROBES: Record<ServiceName, Probe> = {
  dynamodb: (abortSignal) => dynamoDb.send(new DescribeTableCommand({ TableName: env.tableName }), { abortSignal }),
  s3: (signal) => answers(signedFetch('s3', bucketUrl(env.attachmentsBucket), { method: 'HEAD', signal }), 'S3'),
  ses: (signal) => answers(signedFetch('ses', `${endpointOf('ses')}/v2/email/account`, { signal }), 'SES'),
  cognito: (signal) => answers(fetch(`${env.jwtIssuer}/.well-known/jwks.json`, { signal }), 'The JWKS'),
};
