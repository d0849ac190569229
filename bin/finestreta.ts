#!/usr/bin/env node
/**
 * CDK entry point (`cdk synth`, `cdk deploy`): stage from `-c stage=<name>` (default dev),
 * settings from cdk.json `finestreta:stages`; cdk-nag AwsSolutions findings fail the synth.
 */
import { createApp } from '../lib/finestreta-stack';

createApp().app.synth();
