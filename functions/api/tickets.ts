import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { Conflict, Forbidden, NotFound, ValidationFailed } from '../domain/errors';
import { zodIssuesOf } from '../domain/issues';
import { formIssues, isStaff, openTicket, replyAsRequester } from '../domain/tickets/intake';
import { mayWork, replyAsStaff } from '../domain/tickets/staff';
import { updateTicket } from '../domain/tickets/staff-update';
import { threadView, ticketView } from '../domain/tickets/view';
import { requireCaller, requireGroup } from '../http/auth';
import { httpHandler } from '../http/handler';
import { idempotent } from '../http/idempotency';
import { metrics } from '../http/observability';
import { created, ok } from '../http/responses';
import { byRoute } from '../http/router';
import { loadAgentProfile } from '../store/agent-store';
import {
  CreateTicketBody,
  IfMatchHeader,
  ListTicketsQuery,
  ReplyBody,
  TicketParams,
  UpdateTicketBody,
} from './schemas/tickets';
import { ticketDeps as deps } from './ticket-deps';

/** Signed-in requesters (citizens and staff filing for themselves) and staff working a ticket. */
export const handler = byRoute({
  'POST /tickets': httpHandler(
    {
      body: CreateTicketBody,
      bodyIssues: (raw) => formIssues(deps, raw),
      middlewares: [idempotent('[requestContext.authorizer.jwt.claims.sub, body]')],
    },
    async ({ body, caller, language }) => {
      const who = requireCaller(caller);
      if (!who.email) throw new Forbidden('Sign in with an ID token that carries your email.');
      const { ticket, catalogue } = await openTicket(
        deps,
        { kind: 'user', caller: who, name: who.name ?? who.email, email: who.email },
        body,
        language,
      );
      metrics.addMetric('TicketsFiled', MetricUnit.Count, 1);
      return created(ticketView(ticket, catalogue, language), `/tickets/${ticket.ticketId}`);
    },
  ),

  'GET /tickets': httpHandler({ query: ListTicketsQuery }, async ({ query, caller, language }) => {
    const who = requireCaller(caller);
    const [page, catalogue] = await Promise.all([deps.store.listByRequester(who.userId, query), deps.catalogue.load()]);
    return ok({ items: page.items.map((t) => ticketView(t, catalogue, language)), nextCursor: page.nextCursor });
  }),

  'GET /tickets/{ticketId}': httpHandler({ params: TicketParams }, async ({ params, caller, language }) => {
    const who = requireCaller(caller);
    const [thread, catalogue] = await Promise.all([deps.store.thread(params.ticketId), deps.catalogue.load()]);
    if (thread && thread.ticket.requesterId === who.userId) return ok(threadView(thread, catalogue, language, false));
    // Another requester's ticket is 404, never 403: that would confirm it exists.
    if (!thread || !isStaff(who)) throw new NotFound('No such ticket.');
    mayWork(await loadAgentProfile(who.userId), thread.ticket);
    return ok(threadView(thread, catalogue, language, true));
  }),

  'PATCH /tickets/{ticketId}': httpHandler(
    { params: TicketParams, body: UpdateTicketBody },
    async ({ params, body, caller, headers, language }) => {
      const who = requireGroup(caller, 'agent', 'supervisor');
      const version = IfMatchHeader.safeParse(headers['if-match']);
      if (!version.success) throw new ValidationFailed(zodIssuesOf(version.error, 'headers.if-match'));
      const [ticket, profile, catalogue] = await Promise.all([
        deps.store.ticket(params.ticketId),
        loadAgentProfile(who.userId),
        deps.catalogue.load(),
      ]);
      const workable = mayWork(profile, ticket);
      if (workable.version !== version.data) throw new Conflict('The ticket changed since you read it; reload it.');
      const updated = await updateTicket(deps, workable, profile as NonNullable<typeof profile>, body, version.data);
      return ok(ticketView(updated, catalogue, language), { etag: `"${updated.version}"` });
    },
  ),

  'POST /tickets/{ticketId}/messages': httpHandler(
    {
      params: TicketParams,
      body: ReplyBody,
      middlewares: [idempotent('[requestContext.authorizer.jwt.claims.sub, pathParameters.ticketId, body]')],
    },
    async ({ params, body, caller, language }) => {
      const who = requireCaller(caller);
      const [ticket, catalogue] = await Promise.all([deps.store.ticket(params.ticketId), deps.catalogue.load()]);
      if (ticket && ticket.requesterId === who.userId) {
        if (body.internal || body.requestInfo)
          throw new Forbidden('Only staff write internal notes or ask for information.');
        const updated = await replyAsRequester(deps, ticket, body.body, who.userId);
        return created(ticketView(updated, catalogue, language), `/tickets/${ticket.ticketId}`);
      }
      if (!isStaff(who)) throw new NotFound('No such ticket.');
      const profile = await loadAgentProfile(who.userId);
      const workable = mayWork(profile, ticket);
      const updated = await replyAsStaff(deps, workable, profile as NonNullable<typeof profile>, body);
      return created(ticketView(updated, catalogue, language), `/tickets/${params.ticketId}`);
    },
  ),
});
