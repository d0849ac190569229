import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StageConfig } from '../config';
import { createApp } from '../finestreta-stack';
import type { CfnTemplate } from './template';

export interface SynthesizedStack {
  readonly template: CfnTemplate & { Outputs?: Record<string, { Value: unknown }> };
  readonly config: StageConfig;
}

/**
 * Synthesizes the real stack in-process, cdk-nag included, without bundling: the local
 * stack runs handler sources, so esbuild output would only cost time.
 */
export function synthesizeStack(context: Record<string, unknown> = {}): SynthesizedStack {
  const outdir = mkdtempSync(join(tmpdir(), 'finestreta-synth-'));
  try {
    const { app, stack, config } = createApp({ 'aws:cdk:bundling-stacks': [], ...context }, { outdir });
    const assembly = app.synth();
    return { template: assembly.getStackArtifact(stack.artifactId).template, config };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
