import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, Billing, StreamViewType, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IGrantable } from 'aws-cdk-lib/aws-iam';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { GLOBAL_INDEXES, TABLE_KEYS } from '../../functions/platform/table/keys';

export interface DataTableProps {
  /**
   * Customer-managed key for encryption at rest.
   * @default - AWS-owned key (no KMS cost, no key policy to manage)
   */
  readonly encryptionKey?: IKey;
}

/** Reads never include Scan: no request path may scan the table. */
const READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'];
/** TransactWriteItems is authorised per item through these. */
const WRITE_ACTIONS = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];

/** The single Finestreta table: keys, indexes and TTL named in `functions/store/keys.ts`. */
export class DataTable extends Construct {
  public readonly table: TableV2;
  private readonly encryptionKey?: IKey;

  constructor(scope: Construct, id: string, props: DataTableProps = {}) {
    super(scope, id);
    this.encryptionKey = props.encryptionKey;
    this.table = new TableV2(this, 'Table', {
      partitionKey: { name: TABLE_KEYS.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE_KEYS.sortKey, type: AttributeType.STRING },
      globalSecondaryIndexes: GLOBAL_INDEXES.map((index) => ({
        indexName: index.indexName,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
      })),
      timeToLiveAttribute: TABLE_KEYS.ttl,
      // New images feed the outbox: notification mails leave the request path.
      dynamoStream: StreamViewType.NEW_IMAGE,
      billing: Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      encryption: props.encryptionKey
        ? TableEncryptionV2.customerManagedKey(props.encryptionKey)
        : TableEncryptionV2.dynamoOwnedKey(),
    });
  }

  get tableName(): string {
    return this.table.tableName;
  }

  /** Item-level access on the table and its named indexes (exact ARNs, no `index/*`). */
  grantItems(grantee: IGrantable, access: 'read' | 'write'): void {
    const indexArns = GLOBAL_INDEXES.map((index) => `${this.table.tableArn}/index/${index.indexName}`);
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        actions: access === 'write' ? [...READ_ACTIONS, ...WRITE_ACTIONS] : READ_ACTIONS,
        resources: [this.table.tableArn, ...indexArns],
      }),
    );
    if (this.encryptionKey) {
      if (access === 'write') this.encryptionKey.grantEncryptDecrypt(grantee);
      else this.encryptionKey.grantDecrypt(grantee);
    }
  }

  /** DescribeTable only: proves the table answers without reading any item. */
  grantDescribe(grantee: IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['dynamodb:DescribeTable'], resources: [this.table.tableArn] }),
    );
  }
}
