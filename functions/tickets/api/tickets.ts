import { TICKETS_ROUTES } from '../../../contracts/routes/tickets';
import { byRoute } from '../../platform/http/handler';
import { idempotency } from '../../platform/http/idempotency';
import { created, ok } from '../../platform/http/responses';
import { Conflict } from '../../platform/kernel/errors';
import { getProfile, profileOf } from '../../profiles';
import { accessAsRequester, accessAsUser, asStaffMember, mayBeStaff, workAccess } from '../domain/access';
import { reply } from '../domain/conversation';
import { formIssues, openTicket } from '../domain/filing';
import type { GuestMailer } from '../domain/ports';
import { workList } from '../domain/queues';
import { reopenTicket } from '../domain/reopening';
import { updateTicket } from '../domain/staff-changes';
import { type Reader, threadView, ticketView } from '../domain/views';
import { appendWithRetry } from './appending';
import { ticketDeps } from './deps';
import { logFiling } from './filed';

let guestMailer: Promise<GuestMailer> | undefined;
/** Sends the access link of someone staff record a ticket for; loaded on first use, off the cold start. */
const mailer: GuestMailer = {
  sendAccessLink: async (message, accessToken) => {
    guestMailer ??= import('./guest-mailer.lazy.js').then((lazy) => lazy.guestMailer);
    return (await guestMailer).sendAccessLink(message, accessToken);
  },
};
const deps = { ...ticketDeps, mailer };

/**
 * Signed-in requesters (citizens, and staff filing for themselves) and staff working tickets.
 * Who may see or change a ticket is the access policy's to say (domain/access.ts); staff
 * profiles are read with the ticket, fresh, on every call that needs them.
 */
export const handler = byRoute(
  TICKETS_ROUTES,
  {
    'POST /tickets': {
      bodyIssues: (raw) => formIssues(deps.catalogue, raw),
      run: async ({ body, caller, language, client }) => {
        const profile = await profileOf(caller, language);
        const ticket = await openTicket(deps, { kind: 'user', caller, profile, client, language }, body);
        logFiling(ticket, 'user');
        // Whoever recorded it for someone else reads it as staff, with how to reach that person.
        const reader = body.onBehalfOf ? 'staff' : 'requester';
        return created(ticketView(ticket, language, reader, deps.clock.now()), `/tickets/${ticket.ticketId}`);
      },
    },

    'GET /tickets': {
      run: async ({ query, caller, language }) => {
        const { view, teamId, ...options } = query;
        const now = deps.clock.now();
        if (!view) {
          const page = await deps.store.listByRequester(caller.userId, options);
          const items = page.items.map((ticket) => ticketView(ticket, language, 'requester', now));
          return ok({ items, nextCursor: page.nextCursor });
        }
        const member = asStaffMember(caller, await getProfile(caller.userId));
        const page = await deps.store.listWork(await workList(deps, member, view, teamId), options);
        return ok({
          items: page.items.map((ticket) => ticketView(ticket, language, 'staff', now)),
          nextCursor: page.nextCursor,
        });
      },
    },

    'GET /tickets/{ticketId}': {
      run: async ({ params, caller, language }) => {
        const [thread, profile] = await Promise.all([
          deps.store.thread(params.ticketId),
          mayBeStaff(caller) ? getProfile(caller.userId) : undefined,
        ]);
        const access = accessAsUser(caller, profile, thread.ticket);
        return ok(threadView(access, thread, language, deps.clock.now()));
      },
    },

    'PATCH /tickets/{ticketId}': {
      run: async ({ params, headers, body, caller, language }) => {
        const people = [caller.userId, ...(body.assigneeId ? [body.assigneeId] : [])];
        const { ticket, profiles } = await deps.store.ticketAndProfiles(params.ticketId, people);
        const access = workAccess(caller, profiles.get(caller.userId), ticket);
        const version = headers['if-match'];
        if (access.ticket.version !== version) throw new Conflict('The ticket changed since you read it; reload it.');
        const assignee = body.assigneeId ? profiles.get(body.assigneeId) : undefined;
        const updated = await updateTicket(deps, access, body, version, assignee);
        return ok(ticketView(updated, language, 'staff', deps.clock.now()), { etag: `"${updated.version}"` });
      },
    },

    'POST /tickets/{ticketId}/messages': {
      run: async ({ params, body, caller, language }) => {
        let reader: Reader = 'requester';
        const updated = await appendWithRetry(async () => {
          const { ticket, profiles } = mayBeStaff(caller)
            ? await deps.store.ticketAndProfiles(params.ticketId, [caller.userId])
            : { ticket: await deps.store.ticket(params.ticketId), profiles: new Map() };
          const access = accessAsUser(caller, profiles.get(caller.userId), ticket);
          reader = access.as;
          return reply(deps, access, body);
        });
        return created(ticketView(updated, language, reader, deps.clock.now()), `/tickets/${params.ticketId}`);
      },
    },

    'POST /tickets/{ticketId}/reopen': {
      run: async ({ params, body, caller, language }) => {
        const updated = await appendWithRetry(async () => {
          // Read consistently: a resolution a moment ago must be seen, with its time in the history.
          const thread = await deps.store.thread(params.ticketId, { consistent: true });
          return reopenTicket(deps, accessAsRequester(caller, thread.ticket), thread.history, body.reason);
        });
        return ok(ticketView(updated, language, 'requester', deps.clock.now()));
      },
    },
  },
  { idempotency },
);
