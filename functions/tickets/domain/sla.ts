import type { Priority } from '../../../contracts/vocabulary';
import { type Catalogue, findOrganisation } from '../../catalogue/domain/index';
import {
  type ClockEvent,
  clockAfter,
  commitmentsFor,
  resumes,
  retargetSla,
  type TicketSla,
} from '../../sla/domain/index';
import type { TicketRecord } from './model';
import type { TicketDeps } from './ports';

/**
 * The ticket's SLA clock after a lifecycle event, or undefined if it has none. The
 * organisation's calendar is read (from the cached catalogue) only when a pause ends, the one
 * event that counts business time: replies otherwise cost no extra read.
 */
export async function clockAfterEvent(
  deps: Pick<TicketDeps, 'catalogue'>,
  ticket: TicketRecord,
  event: ClockEvent,
): Promise<TicketSla | undefined> {
  if (!ticket.sla) return undefined;
  const calendar = resumes(ticket.sla, event)
    ? findOrganisation(await deps.catalogue.load(), ticket.organisationId)?.calendar
    : undefined;
  return clockAfter(ticket.sla, event, calendar);
}

/** The clock held to the commitments of the ticket's new priority or topic (its organisation's policy). */
export function retargeted(
  catalogue: Catalogue,
  ticket: TicketRecord,
  sla: TicketSla,
  now: { readonly priority: Priority; readonly topicId: string },
): TicketSla {
  const organisation = findOrganisation(catalogue, ticket.organisationId);
  if (!organisation?.calendar || !organisation.slaPolicy) return sla;
  return retargetSla(
    sla,
    organisation.calendar,
    commitmentsFor(organisation.slaPolicy, now),
    new Date(ticket.createdAt),
  );
}
