import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  type _Record,
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse } from 'aws-lambda';
import { localDynamoDbClientConfig } from './dynamodb';
import type { LocalFunction } from './lambda-host';

export interface StreamSubscription {
  readonly fn: LocalFunction;
  readonly batchSize: number;
  readonly filters: readonly unknown[];
  /** The first try and the mapping's retries; then the record goes to the dead-letter queue. */
  readonly maxAttempts: number;
}

const POLL_MS = 100;

/**
 * A local stand-in for a Lambda event source mapping on a DynamoDB stream: polls DynamoDB
 * Local's stream, applies the mapping's filter patterns, invokes the function in batches and
 * retries the records it reports as failed.
 */
export async function startStreamPoller(options: {
  endpoint: string;
  tableName: string;
  subscriptions: readonly StreamSubscription[];
  region: string;
  log: (line: string) => void;
  /** Where a record goes when its function kept failing on it: the mapping's on-failure destination. */
  deadLetter: (record: _Record) => void;
}) {
  const config = localDynamoDbClientConfig(options.endpoint);
  const dynamo = new DynamoDBClient(config);
  const streams = new DynamoDBStreamsClient(config);
  const table = await dynamo.send(new DescribeTableCommand({ TableName: options.tableName }));
  const streamArn = table.Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`Table ${options.tableName} has no stream`);

  const iterators = new Map<string, string | undefined>();
  let stopped = false;

  const refreshShards = async (initial: boolean) => {
    const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    for (const shard of StreamDescription?.Shards ?? []) {
      if (!shard.ShardId || iterators.has(shard.ShardId)) continue;
      // Shards present at start begin now; shards opened later are read from their beginning.
      const { ShardIterator } = await streams.send(
        new GetShardIteratorCommand({
          StreamArn: streamArn,
          ShardId: shard.ShardId,
          ShardIteratorType: initial ? 'LATEST' : 'TRIM_HORIZON',
        }),
      );
      iterators.set(shard.ShardId, ShardIterator);
    }
  };

  const deliver = async (subscription: StreamSubscription, records: _Record[]) => {
    let pending = records.filter(
      (record) => subscription.filters.length === 0 || subscription.filters.some((f) => matches(f, record)),
    );
    for (let attempt = 1; pending.length > 0 && attempt <= subscription.maxAttempts; attempt++) {
      const failed: _Record[] = [];
      for (let i = 0; i < pending.length; i += subscription.batchSize) {
        const batch = pending.slice(i, i + subscription.batchSize);
        const invocation = await subscription.fn.invoke({
          Records: batch.map((record) => ({ ...record, eventSourceARN: streamArn, awsRegion: options.region })),
        });
        if (invocation.error) {
          failed.push(...batch);
          continue;
        }
        const ids = new Set(
          ((invocation.result as DynamoDBBatchResponse | undefined)?.batchItemFailures ?? []).map(
            (f) => f.itemIdentifier,
          ),
        );
        failed.push(...batch.filter((record) => ids.has(record.dynamodb?.SequenceNumber ?? '')));
      }
      pending = failed;
      if (pending.length > 0) await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
    for (const record of pending) options.deadLetter(record);
    if (pending.length > 0) {
      options.log(
        `stream: ${pending.length} record(s) sent to the dead-letter queue after ${subscription.maxAttempts} attempts`,
      );
    }
  };

  const loop = async () => {
    await refreshShards(true);
    let rounds = 0;
    while (!stopped) {
      if (++rounds % 50 === 0) await refreshShards(false);
      for (const [shardId, iterator] of iterators) {
        if (!iterator) continue;
        const page = await streams.send(new GetRecordsCommand({ ShardIterator: iterator }));
        iterators.set(shardId, page.NextShardIterator);
        const records = page.Records ?? [];
        if (records.length > 0) for (const subscription of options.subscriptions) await deliver(subscription, records);
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  };
  const running = loop().catch((error: unknown) => {
    if (!stopped) options.log(`stream poller stopped: ${(error as Error).message}`);
  });

  return {
    stop: async () => {
      stopped = true;
      await running;
      dynamo.destroy();
      streams.destroy();
    },
  };
}

/**
 * The subset of EventBridge pattern matching event source filters use here: nested objects,
 * and arrays of allowed values at the leaves.
 */
export function matches(pattern: unknown, value: unknown): boolean {
  if (Array.isArray(pattern)) return pattern.some((allowed) => allowed === value);
  if (pattern && typeof pattern === 'object') {
    if (!value || typeof value !== 'object') return false;
    return Object.entries(pattern).every(([key, sub]) => matches(sub, (value as Record<string, unknown>)[key]));
  }
  return pattern === value;
}
