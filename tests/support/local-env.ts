import { inject } from 'vitest';

/**
 * Integration tests import handlers directly: give this worker the environment the local
 * functions run with (table, bucket, emulator endpoints) before any handler module loads.
 */
Object.assign(process.env, inject('endpoints').functionEnvironment);
