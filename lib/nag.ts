import { type App, Validations } from 'aws-cdk-lib';
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

/** Whether `id` is already acknowledged on `scope` itself (not inherited from a parent). */
export function isAcknowledged(scope: IConstruct, id: string): boolean {
  return scope.node.metadata.some(
    (entry) =>
      entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY &&
      Object.keys(entry.data as Record<string, unknown>).some((key) => key === id || key.endsWith(`::${id}`)),
  );
}
