/**
 * zod/mini with English messages, for everything that validates: the contract, the domain's
 * forms and stored records. zod/mini rather than classic zod because it tree-shakes: classic
 * zod alone adds ~100 KB and ~8 ms to every Lambda's cold start (see README, Cold starts).
 * zod/mini installs no locale, so its default message would be a bare "Invalid input".
 */
import { en } from 'zod/locales';
import { config } from 'zod/mini';

config(en());

export * from 'zod/mini';
