import { loadCatalogue } from '../../catalogue';
import { ratingToken } from '../../mail';
import { readEnv } from '../../platform/env';
import { cryptoIds, systemClock } from '../../platform/ids';
import { FilingLimits } from '../domain/limits';
import type { TicketDeps } from '../domain/ports';
import { dynamoTicketStore } from '../store';

/** The ticket use cases wired to DynamoDB, the cached catalogue and the system clock. */
export const ticketDeps: TicketDeps = {
  store: dynamoTicketStore,
  catalogue: { load: () => loadCatalogue() },
  clock: systemClock,
  ids: cryptoIds,
  links: { ratingToken },
  // Parsed at cold start: a stage deployed with malformed limits fails at once, not on a filing.
  limits: FilingLimits.parse(JSON.parse(readEnv('filingLimits').filingLimits)),
};
