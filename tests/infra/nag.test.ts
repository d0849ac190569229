import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Validations } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import type { IConstruct } from 'constructs';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../lib/finestreta-stack';
import { CAPABILITY_FUNCTIONS, CAPABILITY_ROUTES } from './fixtures';

const outdirs: string[] = [];
afterAll(() => {
  for (const dir of outdirs) rmSync(dir, { recursive: true, force: true });
});

function build(options: Parameters<typeof createApp>[1] = {}) {
  const outdir = mkdtempSync(join(tmpdir(), 'finestreta-nag-'));
  outdirs.push(outdir);
  return createApp({ 'aws:cdk:bundling-stacks': [] }, { outdir, ...options });
}

/** Every acknowledgement recorded in the tree: construct path, rule id, reason. */
function acknowledgements(root: IConstruct): { path: string; id: string; reason: string }[] {
  return root.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({
          path: construct.node.path,
          id: id.replace(/^annotation::/i, ''),
          reason,
        })),
      ),
  );
}

/** Rules we accept acknowledging at all; anything else must be fixed, not acknowledged. */
const ACKNOWLEDGEABLE = /^AwsSolutions-(S1|COG2|COG8|L1|APIG4|IAM5\[Resource::[^\]]+\])$/;
/**
 * Accepted on the web portal only (lib/constructs/portal.ts): no geo restriction, no WAF and the
 * CloudFront default certificate on the distribution, and the wildcard S3 actions CDK's
 * BucketDeployment grants its own handler.
 */
const PORTAL_ACKNOWLEDGEABLE = /^AwsSolutions-(CFR1|CFR2|CFR4|IAM5\[Action::s3:[A-Za-z]+\*\])$/;
const PORTAL_PATH = /^[^/]+\/Portal\//;

describe('cdk-nag AwsSolutions', () => {
  it.each([
    ['the real stack', {}],
    ['a stack using every capability', { functions: CAPABILITY_FUNCTIONS, routes: CAPABILITY_ROUTES }],
  ])('reports no unacknowledged error or warning on %s', (_, options) => {
    const { app, nag } = build(options);
    // Synthesis runs the checks as a validation plugin and throws on any finding.
    expect(() => app.synth()).not.toThrow();
    // Run them again on the synthesized tree so a failure names each finding and construct.
    const findings = nag
      .validateScope(app)
      .violations.flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} ${r.constructPath ?? ''}`));
    expect(findings).toEqual([]);
  });

  it('fails synthesis when a finding is introduced', () => {
    const { app, stack, nag } = build();
    new Bucket(stack, 'Unlogged');
    // In-process the report is the error message; under other runners CDK prints it and says "Validation failed".
    expect(() => app.synth()).toThrow(/AwsSolutions-S1|Validation failed/);
    const rules = nag.validateScope(app).violations.map((v) => v.ruleName);
    expect(rules).toEqual(expect.arrayContaining(['AwsSolutions-S1', 'AwsSolutions-S10']));
  });

  it('still flags a wildcard grant added to a function role', () => {
    const { app, stack, nag } = build();
    stack.api.functions.openapi?.role.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['dynamodb:*'], resources: [stack.data.table.tableArn] }),
    );
    expect(() => app.synth()).toThrow(/AwsSolutions-IAM5|Validation failed/);
    expect(nag.validateScope(app).violations.map((v) => v.ruleName)).toContain('AwsSolutions-IAM5[Action::dynamodb:*]');
  });

  it('acknowledges only accepted rules, each narrowly and with a written reason', () => {
    const { app } = build({ functions: CAPABILITY_FUNCTIONS, routes: CAPABILITY_ROUTES });
    const acks = acknowledgements(app);
    expect(acks.length).toBeGreaterThan(0);
    for (const ack of acks) {
      const accepted =
        ACKNOWLEDGEABLE.test(ack.id) || (PORTAL_PATH.test(ack.path) && PORTAL_ACKNOWLEDGEABLE.test(ack.id));
      expect(accepted, `${ack.id} at ${ack.path}`).toBe(true);
      expect(ack.reason.length, `${ack.id} at ${ack.path}`).toBeGreaterThanOrEqual(80);
      // Never on the app or the stack: always on the construct that has the finding.
      expect(ack.path.split('/').length, `${ack.id} at ${ack.path}`).toBeGreaterThan(2);
    }
    const apig4 = acks.filter((ack) => ack.id === 'AwsSolutions-APIG4').map((ack) => ack.path);
    const publicRoutes = CAPABILITY_ROUTES.filter((route) => route.auth === 'public');
    expect(apig4).toHaveLength(publicRoutes.length);
  });
});
