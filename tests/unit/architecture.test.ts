import { join } from 'node:path';
import { cruise, type IViolation } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const FIXTURE = join(import.meta.dirname, 'architecture/fixture');

async function violationsIn(baseDir: string) {
  const options = await extractDepcruiseOptions(join(ROOT, '.dependency-cruiser.cjs'));
  const { output } = await cruise(['contracts', 'functions'], { ...options, baseDir });
  if (typeof output === 'string') throw new Error('expected a cruise result');
  return { modules: output.modules.length, violations: output.summary.violations };
}

const describeViolation = (v: IViolation) => `${v.rule.name}: ${v.from} → ${v.to}`;

describe('the dependency rules (.dependency-cruiser.cjs)', () => {
  it('hold for the whole of contracts/ and functions/', async () => {
    const { modules, violations } = await violationsIn(ROOT);
    expect(modules).toBeGreaterThan(60);
    expect(violations.map(describeViolation)).toEqual([]);
  });

  it('each catch what they forbid, in a miniature that breaks every one', async () => {
    const { violations } = await violationsIn(FIXTURE);
    const broken = (rule: string) => violations.filter((v) => v.rule.name === rule).map((v) => `${v.from} → ${v.to}`);
    expect(broken('domain-is-pure')).toEqual(
      expect.arrayContaining([
        'functions/alpha/domain/rules.ts → functions/platform/table.ts',
        expect.stringMatching(/^functions\/alpha\/domain\/rules\.ts → .*node_modules\/@aws-sdk\/client-dynamodb\//),
      ]),
    );
    expect(broken('domain-uses-other-domains-through-their-index')).toEqual([
      'functions/alpha/domain/rules.ts → functions/beta/domain/helper.ts',
    ]);
    expect(broken('features-meet-through-their-index')).toEqual(
      expect.arrayContaining(['functions/alpha/api/handler.ts → functions/beta/store.ts']),
    );
    expect(broken('handlers-do-not-use-other-stores')).toEqual([
      'functions/alpha/api/handler.ts → functions/beta/store.ts',
    ]);
    expect(broken('stores-and-domains-do-not-use-handlers')).toEqual([
      'functions/alpha/store.ts → functions/alpha/api/handler.ts',
    ]);
    expect(broken('platform-knows-no-feature')).toEqual([
      'functions/platform/table.ts → functions/alpha/domain/rules.ts',
    ]);
    expect(broken('kernel-is-pure')).toEqual(['functions/platform/kernel/errors.ts → functions/platform/table.ts']);
    expect(broken('contract-stands-alone')).toEqual(['contracts/routes.ts → functions/platform/table.ts']);
    expect(broken('no-dev-dependencies-at-run-time')).toEqual([
      expect.stringMatching(/^functions\/beta\/store\.ts → .*node_modules\/vitest\//),
    ]);
    expect(broken('lazy-modules-carry-no-sdk')).toEqual([
      expect.stringMatching(/^functions\/beta\/cache\.lazy\.ts → .*node_modules\/@aws-sdk\/client-dynamodb\//),
    ]);
    expect(broken('no-circular').length).toBeGreaterThan(0);
  });
});
