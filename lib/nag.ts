import { type App, Stack, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';

/** Runs the AWS Solutions rules on every synth; an unacknowledged finding fails synthesis. */
export function applyNagChecks(app: App): AwsSolutionsChecks {
  const checks = new AwsSolutionsChecks(app);
  Validations.of(app).addPlugins(checks);
  return checks;
}

/**
 * Acknowledges one AwsSolutions finding on `scope` (and its children only). Every call
 * carries the reason a security reviewer reads in the validation report.
 */
export function acknowledge(scope: IConstruct, id: string, reason: string): void {
  if (!id.startsWith('AwsSolutions-')) throw new Error(`Not an AwsSolutions rule id: ${id}`);
  if (reason.trim().length < 20) throw new Error(`Acknowledgement of ${id} needs a real reason`);
  Validations.of(scope).acknowledge({ id, reason });
}

/**
 * The finding id cdk-nag reports for a wildcard resource in an IAM policy, e.g.
 * `AwsSolutions-IAM5[Resource::<AttachmentsBucket1234.Arn>/*]`, so acknowledgements name
 * the exact resource rather than the whole rule.
 */
export function wildcardResourceFinding(scope: IConstruct, resource: string): string {
  return `AwsSolutions-IAM5[Resource::${flattenCfnReference(Stack.of(scope).resolve(resource))}]`;
}

/** Same flattening cdk-nag applies to CloudFormation intrinsics before naming a finding. */
function flattenCfnReference(node: unknown): string {
  if (node === undefined) return '';
  if (typeof node === 'string') return node.replace(/\$\{/g, '<').replace(/}/g, '>');
  if (typeof node === 'object' && node !== null) {
    const fn = node as Record<string, unknown>;
    if (Array.isArray(fn['Fn::Join'])) {
      const [delimiter, items] = fn['Fn::Join'] as [string, unknown[]];
      return items.map(flattenCfnReference).join(delimiter);
    }
    if ('Fn::Sub' in fn) return flattenCfnReference(fn['Fn::Sub']);
    if (Array.isArray(fn['Fn::GetAtt'])) {
      const [resource, attribute] = fn['Fn::GetAtt'] as [unknown, unknown];
      return `<${flattenCfnReference(resource)}.${flattenCfnReference(attribute)}>`;
    }
    if ('Fn::ImportValue' in fn) return flattenCfnReference(fn['Fn::ImportValue']);
    if ('Ref' in fn) return `<${flattenCfnReference(fn.Ref)}>`;
  }
  return JSON.stringify(node);
}
