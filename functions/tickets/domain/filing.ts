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
import { notificationFor } from './notifications';
import type { CatalogueSource, GuestMailer, TicketDeps } from './ports';
import { priorityFrom } from './priority';
import { automaticAssignment } from './routing';

/**
 * Who files: a signed-in person (citizen or staff), or a guest who gave a name and an address;
 * `client` is the address their request came from, for the abuse limits.
 */
export type Filer = (
  | { readonly kind: 'user'; readonly caller: Caller; readonly profile: Profile }
  | { readonly kind: 'guest'; readonly name: string; readonly email: string; readonly language: Language }
) & { readonly client: string };

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
  if (issues.length > 0 || !form.success) throw new ValidationFailed(issues);
  if (input.channel && input.channel !== 'web' && !staff(organisation.id)) {
    throw new Forbidden('Only staff record tickets that arrived by phone, email or in person.');
  }

  const now = deps.clock.now();
  const at = now.toISOString();
  const ticketId = deps.ids.uuid();
  const accessToken = filer.kind === 'guest' ? deps.ids.secretToken() : undefined;
  const requester =
    filer.kind === 'user'
      ? { id: filer.caller.userId, name: filer.profile.name }
      : { id: `guest#${ticketId}`, name: filer.name };
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
      ...(filer.kind === 'guest' && accessToken
        ? { guest: { email: filer.email, language: filer.language, tokenHash: deps.ids.hash(accessToken) } }
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
      ...(filer.kind === 'user' ? { authorId: filer.caller.userId } : {}),
      authorName: requester.name,
      body: input.description,
      internal: false,
      createdAt: at,
    },
    historyEntry(deps.ids, now, ticketId, 'created', { name: requester.name }, undefined, 'open'),
    organisation.ticketPrefix,
    (numbered) => (accessToken ? [] : [notificationFor('created', numbered, deps.ids, now)]),
    counters,
    team && automaticAssignment(catalogue, team, topic.id, deps.ids, now, organisation.calendar),
  );
  if (accessToken) {
    if (!deps.mailer) throw new Error('Guest filing needs a mailer for the access link');
    await deps.mailer.sendAccessLink(notificationFor('created', ticket, deps.ids, now), accessToken);
  }
  return ticket;
}
