import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { GetAccountCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import type { ServiceName } from '../../../contracts/health';
import { readEnv } from '../../platform/env';
import { dynamoDb } from '../../platform/table/client';

export type Probe = (signal: AbortSignal) => Promise<unknown>;

const env = readEnv('tableName', 'attachmentsBucket', 'jwtIssuer');
const s3 = new S3Client({ forcePathStyle: true });
const ses = new SESv2Client({});

/** The cheapest read each service offers that proves it answers and our grants work. */
export const PROBES: Record<ServiceName, Probe> = {
  dynamodb: (abortSignal) => dynamoDb.send(new DescribeTableCommand({ TableName: env.tableName }), { abortSignal }),
  s3: (abortSignal) => s3.send(new HeadBucketCommand({ Bucket: env.attachmentsBucket }), { abortSignal }),
  ses: (abortSignal) => ses.send(new GetAccountCommand({}), { abortSignal }),
  cognito: async (signal) => {
    const response = await fetch(`${env.jwtIssuer}/.well-known/jwks.json`, { signal });
    if (!response.ok) throw new Error(`JWKS answered ${response.status}`);
  },
};
