import { cryptoIds } from '../domain/tickets/ids';
import type { Deps } from '../domain/tickets/intake';
import { sesMailer } from '../mail/ses-mailer';
import { loadCatalogue } from '../store/catalogue-store';
import { dynamoTicketStore } from '../store/ticket-store';

/** The ticket use cases wired to DynamoDB, SES and the system clock. */
export const ticketDeps: Deps = {
  store: dynamoTicketStore,
  catalogue: { load: () => loadCatalogue() },
  mailer: sesMailer,
  clock: { now: () => new Date() },
  ids: cryptoIds,
};
