import type { CreateTicket } from '../../../contracts/tickets';
import type { Language } from '../../../contracts/vocabulary';
import {
  type Catalogue,
  compileForm,
  findOrganisation,
  findTeam,
  findTopic,
  isFileable,
  type OrganisationDefinition,
  storableFields,
  type TopicDefinition,
  topicPaths,
} from '../../catalogue/domain/index';
import type { Caller } from '../../platform/kernel/caller';
import { type FieldIssue, Forbidden, ValidationFailed } from '../../platform/kernel/errors';
import { zodIssuesOf } from '../../platform/kernel/issues';
import type { Profile } from '../../profiles/domain/index';
import { commitmentsFor, startSla } from '../../sla/domain/index';
import { isStaffOf } from './access';
import { historyEntry } from './history';
import { filingCounters } from './limits';
import type { TicketRecord } from './model';
import { ACCOUNTLESS, notificationFor } from './notifications';
import type { CatalogueSource, GuestMailer, TicketDeps } from './ports';
import { priorityFrom } from './priority';
import { automaticAssignment } from './routing';

/**
 * Who files: a signed-in person (citizen or staff), or a guest who gave a name and an address;
 * `client` is the address their request came from, for the abuse limits. A guest's mails, and
 * those of someone staff record a ticket for, are in the request's `language`.
 */
export type Filer = (
  | { readonly kind: 'user'; readonly caller: Caller; readonly profile: Profile; readonly language?: Language }
  | { readonly kind: 'guest'; readonly name: string; readonly email: string; readonly language: Language }
) & { readonly client: string };

/** Channels by which a request reaches staff, who record it for the person who made it. */
const RECORDED_CHANNELS: ReadonlySet<string> = new Set(['phone', 'email', 'in_person']);

function organisationOf(catalogue: Catalogue, topic: TopicDefinition): OrganisationDefinition {
  const organisation = findOrganisation(catalogue, topic.organisationId ?? '');
  if (!organisation) throw new Error(`Topic ${topic.id} names a missing organisation`);
  return organisation;
}

/**
 * The topic form's issues for a body that failed other checks, so a requester sees every
 * problem at once. Bodies too malformed to name a topic and its fields yield none.
 */
export async function formIssues(catalogue: CatalogueSource, raw: unknown): Promise<FieldIssue[]> {
  if (typeof raw !== 'object' || raw === null) return [];
  const { topicId, fields } = raw as Record<string, unknown>;
  if (typeof topicId !== 'string' || typeof fields !== 'object' || fields === null) return [];
  const loaded = await catalogue.load();
  const topic = findTopic(loaded, topicId);
  if (!topic?.organisationId) return [];
  const form = compileForm(topic.form.fields, organisationOf(loaded, topic)).safeParse(fields);
  return form.success ? [] : zodIssuesOf(form.error, 'fields');
}

/**
 * Files a ticket: the topic's own form is compiled and checked, transient fields are used and
 * dropped, priority comes from the impact answers, the ticket goes to the topic's team (and, if
 * the team opted in, to its least-loaded agent), and one transaction stores it all with the
 * creation mail. A guest's first mail carries their access token, so it is sent at once.
 * Staff of the topic's organisation record what came by phone, email or in person for the
 * person who asked (`onBehalfOf`): that person is the requester, a guest when they gave an
 * email, unreachable by mail otherwise; the history names the member of staff who recorded it.
 */
export async function openTicket(
  deps: TicketDeps & { readonly mailer?: GuestMailer },
  filer: Filer,
  input: CreateTicket,
): Promise<TicketRecord> {
  const catalogue = await deps.catalogue.load();
  const topic = findTopic(catalogue, input.topicId);
  const staff = (organisationId: string | null) =>
    filer.kind === 'user' && organisationId !== null && isStaffOf(filer.caller, filer.profile, organisationId);
  // Internal topics do not exist as far as requesters are concerned.
  if (!topic || (topic.internal && !staff(topic.organisationId))) {
    throw new ValidationFailed([{ path: 'topicId', message: 'No such topic.' }]);
  }
  const issues: FieldIssue[] = [];
  if (!isFileable(topic)) issues.push({ path: 'topicId', message: 'Choose a more specific topic.' });
  if (!topic.ticketTypes.includes(input.type)) {
    issues.push({ path: 'type', message: `This topic accepts: ${topic.ticketTypes.join(', ')}.` });
  }
  if (input.type === 'callback' && !input.callback) {
    issues.push({ path: 'callback', message: 'Required for a call-back request.' });
  }
  if (input.type !== 'callback' && input.callback)
    issues.push({ path: 'callback', message: 'Only for call-back requests.' });
  const organisation = organisationOf(catalogue, topic);
  const form = compileForm(topic.form.fields, organisation).safeParse(input.fields);
  if (!form.success) issues.push(...zodIssuesOf(form.error, 'fields'));
  const onBehalfOf = input.onBehalfOf;
  if (onBehalfOf && !RECORDED_CHANNELS.has(input.channel ?? 'web')) {
    issues.push({ path: 'channel', message: 'Say how the request arrived: phone, email or in_person.' });
  }
  if (issues.length > 0 || !form.success) throw new ValidationFailed(issues);
  // Well-formed but not theirs to do: 403, as for any call by the wrong role. The topic and its
  // organisation are public, so refusing reveals nothing a 404 would hide.
  if ((onBehalfOf || (input.channel && input.channel !== 'web')) && !staff(organisation.id)) {
    throw new Forbidden(
      onBehalfOf
        ? 'Only staff of the topic’s organisation record tickets on someone’s behalf.'
        : 'Only staff record tickets that arrived by phone, email or in person.',
    );
  }

  const now = deps.clock.now();
  const at = now.toISOString();
  const ticketId = deps.ids.uuid();
  // Whoever has no account but an address follows the ticket through a mailed access link.
  const guestEmail = filer.kind === 'guest' ? filer.email : onBehalfOf?.email;
  const accessToken = guestEmail ? deps.ids.secretToken() : undefined;
  if (accessToken && !deps.mailer) throw new Error('Filing for someone without an account needs a mailer');
  const requester = onBehalfOf
    ? { id: `${ACCOUNTLESS}${ticketId}`, name: onBehalfOf.name }
    : filer.kind === 'guest'
      ? { id: `${ACCOUNTLESS}${ticketId}`, name: filer.name }
      : { id: filer.caller.userId, name: filer.profile.name };
  // Staff recording a request appear in the history as who created the ticket.
  const creator =
    onBehalfOf && filer.kind === 'user'
      ? { id: filer.caller.userId, name: filer.profile.name }
      : { name: requester.name };
  const team = topic.teamId ? findTeam(catalogue, topic.teamId) : undefined;
  const priority = priorityFrom(input.impact);
  const sla =
    organisation.calendar && organisation.slaPolicy
      ? startSla(organisation.calendar, commitmentsFor(organisation.slaPolicy, { priority, topicId: topic.id }), now)
      : undefined;
  // Staff recording what came by phone or at the desk are not limited; everyone else is.
  const counters = staff(organisation.id)
    ? []
    : filingCounters(
        deps.limits,
        { address: filer.kind === 'user' ? filer.profile.email : filer.email, client: filer.client },
        now,
        deps.ids.hash,
      );
  const ticket = await deps.store.file(
    {
      ticketId,
      organisationId: organisation.id,
      type: input.type,
      status: 'open',
      priority,
      topicId: topic.id,
      topicPaths: topicPaths(catalogue, topic),
      subject: input.subject,
      description: input.description,
      fields: storableFields(topic.form.fields, form.data),
      channel: input.channel ?? 'web',
      ...(input.impact ? { impact: input.impact } : {}),
      ...(input.callback ? { callback: input.callback } : {}),
      requesterId: requester.id,
      requesterName: requester.name,
      ...(onBehalfOf?.phone ? { requesterPhone: onBehalfOf.phone } : {}),
      ...(guestEmail && accessToken
        ? { guest: { email: guestEmail, language: filer.language ?? 'ca', tokenHash: deps.ids.hash(accessToken) } }
        : {}),
      ...(team ? { teamId: team.id, teamName: team.name } : {}),
      ...(sla ? { sla } : {}),
      createdAt: at,
      updatedAt: at,
      version: 1,
    },
    {
      ticketId,
      messageId: deps.ids.sortableId(now),
      authorKind: 'requester',
      ...(filer.kind === 'user' && !onBehalfOf ? { authorId: filer.caller.userId } : {}),
      authorName: requester.name,
      body: input.description,
      internal: false,
      createdAt: at,
    },
    historyEntry(deps.ids, now, ticketId, 'created', creator, undefined, 'open'),
    organisation.ticketPrefix,
    // Nobody to mail when recorded without an address; an access link cannot wait in the outbox.
    (numbered) => (accessToken || onBehalfOf ? [] : [notificationFor('created', numbered, deps.ids, now)]),
    counters,
    team && automaticAssignment(catalogue, team, topic.id, deps.ids, now, organisation.calendar),
  );
  if (accessToken && deps.mailer) {
    await deps.mailer.sendAccessLink(notificationFor('created', ticket, deps.ids, now), accessToken);
  }
  return ticket;
}
