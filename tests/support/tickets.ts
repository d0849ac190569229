import { randomUUID } from 'node:crypto';
import { api } from './api';

export interface TicketBody {
  id: string;
  number: string;
  status: string;
  statusLabel: string;
  priority: string;
  fields: Record<string, unknown>;
  version: number;
  topic: { id: string; path: string[]; name: string };
  thread?: { author: { kind: string }; body: string; internal: boolean }[];
  history?: { action: string; from?: string; to?: string }[];
}

/** A valid incident on the council's web portals topic, with a unique subject to find it by. */
export const portalIncident = (over: Record<string, unknown> = {}) => ({
  type: 'incident',
  topicId: 'dipu-web-portals',
  subject: `Portal down ${randomUUID().slice(0, 8)}`,
  description: 'The municipal website answers with error 500 since 9:00.',
  fields: {},
  impact: { blocksWork: true, affectsOthers: true, affectsCitizens: true },
  ...over,
});

export async function fileAs(role: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await api<TicketBody>('POST', '/tickets', { as: role, body, headers });
  if (response.status !== 201) throw new Error(`Filing failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}
