/**
 * The floor a function's cold start is measured against: a bare bundle of the DynamoDB
 * client doing one GetItem, built with the same esbuild settings as every function.
 */
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';

const client = new DynamoDBClient({});

export const handler = async (event: { id: string }) => {
  const { Item } = await client.send(
    new GetItemCommand({ TableName: process.env.TABLE_NAME, Key: { pk: { S: event.id }, sk: { S: event.id } } }),
  );
  return Item;
};
