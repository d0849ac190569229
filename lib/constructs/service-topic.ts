import { Aws } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';

export interface ServiceTopicProps {
  /** The AWS service that publishes, e.g. `ses.amazonaws.com`. */
  readonly publisher: string;
  readonly description: string;
  /** Construct ids of the key and the topic (kept stable so deployed resources are not replaced). */
  readonly keyId: string;
  readonly topicId: string;
}

/**
 * An SNS topic encrypted with its own rotating key, TLS-only, that one AWS service may publish
 * to on behalf of this account only (the key policy lets that service encrypt for the topic).
 */
export function serviceTopic(scope: Construct, props: ServiceTopicProps): Topic {
  const key = new Key(scope, props.keyId, { description: props.description, enableKeyRotation: true });
  key.addToResourcePolicy(
    new PolicyStatement({
      principals: [new ServicePrincipal(props.publisher)],
      actions: ['kms:GenerateDataKey*', 'kms:Decrypt'],
      resources: ['*'],
      conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } },
    }),
  );
  return new Topic(scope, props.topicId, { masterKey: key, enforceSSL: true });
}
