import { loadCatalogue } from '../../catalogue';
import { cryptoIds, systemClock } from '../../platform/ids';
import type { TicketDeps } from '../domain/ports';
import { dynamoTicketStore } from '../store';

/** The ticket use cases wired to DynamoDB, the cached catalogue and the system clock. */
export const ticketDeps: TicketDeps = {
  store: dynamoTicketStore,
  catalogue: { load: () => loadCatalogue() },
  clock: systemClock,
  ids: cryptoIds,
};
