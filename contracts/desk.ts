import * as z from './zod';

/** A team of the caller's organisation, to forward a ticket to. */
export const Team = z.object({
  id: z.string(),
  name: z.string(),
  /** 2: a second-level team that receives forwarded tickets (the town hall's technical services). */
  level: z.union([z.literal(1), z.literal(2)]),
  /** `automatic`: new tickets are given to the least-loaded agent on filing; `manual`: agents take them from the queue. */
  assignment: z.enum(['manual', 'automatic']),
});
export const TeamList = z.object({ items: z.array(Team) });
export type TeamList = z.infer<typeof TeamList>;

/** A member of staff of the caller's organisation, to assign a ticket to. */
export const Agent = z.object({
  userId: z.string(),
  name: z.string(),
  teamIds: z.array(z.string()),
  topicIds: z.array(z.string()),
  supervisor: z.boolean(),
});
export const AgentList = z.object({ items: z.array(Agent) });
export type AgentList = z.infer<typeof AgentList>;
