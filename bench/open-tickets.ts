/**
 * Loads the sweeper benchmark's tickets straight into the table, as the store would write them
 * (every index key included): `open` open tickets of the regional government's education team,
 * of which `due` are owed an alert now (half a warning, half an escalation) and the rest not
 * for days. Runs in a worker with the functions' environment (lib/local/run-as-function.ts).
 */
import { randomUUID } from 'node:crypto';
import { putItems } from '../functions/platform/table/table';
import type { TicketSla } from '../functions/sla/domain/index';
import type { TicketRecord } from '../functions/tickets/domain/model';
import { storedTicket } from '../functions/tickets/store';
import { DEMO_CATALOGUE } from '../lib/local/demo-catalogue';

export interface OpenTicketsInput {
  readonly open: number;
  readonly due: number;
  /** The instant the sweep will run at. */
  readonly now: string;
}

export const BENCH_ORGANISATION = 'gencat';

export default async function load({ open, due, now }: OpenTicketsInput): Promise<{ loaded: number }> {
  const topic = DEMO_CATALOGUE.topics.find((t) => t.teamId === 'gencat-education');
  if (!topic) throw new Error('The demo catalogue has no topic of the education team');
  const at = Date.parse(now);
  const iso = (minutes: number) => new Date(at + minutes * 60_000).toISOString();
  const later = { resolutionWarnAt: iso(6 * 1440), resolutionDueAt: iso(7 * 1440), pausedMinutes: 0 };
  /** Warned of a minute ago and due in an hour; due a minute ago; or nothing for days. */
  const clock = (index: number): TicketSla => {
    if (index < due / 2) return { firstResponseWarnAt: iso(-1), firstResponseDueAt: iso(60), ...later };
    if (index < due) return { firstResponseWarnAt: iso(-120), firstResponseDueAt: iso(-1), ...later };
    return { firstResponseWarnAt: iso(2 * 1440), firstResponseDueAt: iso(3 * 1440), ...later };
  };
  const items = Array.from({ length: open }, (_, index) => {
    const ticketId = randomUUID();
    const ticket: TicketRecord = {
      ticketId,
      organisationId: BENCH_ORGANISATION,
      number: `GENCAT-2026-${String(900_000 + index)}`,
      type: 'query',
      status: 'open',
      priority: 'P3',
      topicId: topic.id,
      topicPaths: { ca: [topic.name.ca], es: [topic.name.es], oc: [topic.name.oc], en: [topic.name.en] },
      subject: `Bench query ${index}`,
      description: 'A question for the sweeper benchmark.',
      fields: {},
      channel: 'web',
      requesterId: randomUUID(),
      requesterName: 'Bench Citizen',
      teamId: 'gencat-education',
      sla: clock(index),
      createdAt: iso(-60),
      updatedAt: iso(-60),
      version: 1,
    };
    return storedTicket(ticket);
  });
  await putItems(items);
  return { loaded: items.length };
}
