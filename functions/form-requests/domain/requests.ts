import type {
  FormPetition,
  FormRequest,
  FormRequestActor,
  FormRequestStatus,
  FormRequestStep,
} from '../../../contracts/form-requests';
import type { FormRequestEvent, FormRequestOutboxMessage as OutboxMessage, Recipient } from '../../mail/domain/index';
import { Forbidden, ValidationFailed } from '../../platform/kernel/errors';
import type { Ids } from '../../platform/kernel/ports';
import type { Calendar } from '../../sla/domain/index';
import type { Directorate } from './directorate';
import {
  type Actor,
  enterStep,
  type FormRequestEntry,
  type FormRequestRecord,
  STEP_ACTOR,
  type WaitingStep,
} from './workflow';

/**
 * A request's life outside the steps' own actions: filing it, entering each step (its clock,
 * its mail), its reminders and escalation, and what the API shows of it.
 */

/** What the workflow's jobs know besides the request: the directorate, its time zone, ids and the time. */
export interface Context {
  readonly directorate: Directorate;
  readonly timeZone: string;
  readonly ids: Ids;
  readonly now: Date;
}

/** Who the workflow signs its own history lines as. */
export const SYSTEM = { id: 'finestreta', name: 'Finestreta' } as const;

/** A new request, waiting for the directorate's review (the execution's first task starts its clock). */
export function petition(
  actor: Actor,
  input: FormPetition,
  ids: Ids,
  now: Date,
): { request: FormRequestRecord; entry: FormRequestEntry } {
  if (!actor.groups.includes('department')) throw new Forbidden('Only a department asks for a form.');
  const at = now.toISOString();
  const requestId = ids.uuid();
  return {
    request: {
      requestId,
      departmentId: actor.userId,
      departmentName: actor.name,
      petition: input,
      step: 'review',
      templates: {},
      stepStartedAt: at,
      executionName: requestId,
      createdAt: at,
      updatedAt: at,
      version: 1,
    },
    entry: { requestId, step: 'review', action: 'petitioned', by: { id: actor.userId, name: actor.name }, at },
  };
}

/**
 * The topics a form offers are ones citizens may choose: they must exist in the catalogue and
 * not be internal (organisational topics are invisible to citizens).
 */
export function assertPublicTopics(
  topics: readonly string[],
  topicOf: (id: string) => { readonly internal: boolean } | undefined,
): void {
  const issues = topics.flatMap((id, index) =>
    topicOf(id)?.internal === false ? [] : [{ path: `topics.${index}`, message: `No public topic ${id}.` }],
  );
  if (issues.length > 0) throw new ValidationFailed(issues);
}

/** A short reference people can quote: the start of the id. */
export const referenceOf = (requestId: string) => `FR-${requestId.slice(0, 8)}`;

const statusOf = (step: FormRequestStep): FormRequestStatus =>
  step === 'completed' ? 'completed' : step === 'rejected' ? 'rejected' : 'in_progress';

/** The request in a list: where it stands, who must act by when. */
export function summaryOf(request: FormRequestRecord, now: Date) {
  const waitingFor = STEP_ACTOR[request.step];
  return {
    id: request.requestId,
    step: request.step,
    status: statusOf(request.step),
    ...(waitingFor ? { waitingFor } : {}),
    ...(request.dueAt ? { dueAt: request.dueAt } : {}),
    late: request.dueAt !== undefined && Date.parse(request.dueAt) < now.getTime(),
    department: { id: request.departmentId, name: request.departmentName },
    website: request.petition.website,
    createdAt: request.createdAt,
    updatedAt: request.updatedAt,
  };
}

/** The request as the API shows it: never its task token, which stays with the store. */
export function viewOf(request: FormRequestRecord, history: readonly FormRequestEntry[], now: Date): FormRequest {
  return {
    ...summaryOf(request, now),
    petition: request.petition,
    templates: request.templates,
    ...(request.parameters ? { parameters: request.parameters } : {}),
    ...(request.urls ? { urls: request.urls } : {}),
    history: history.map(({ requestId: _, ...entry }) => entry),
  };
}

/**
 * The workflow's task for `step` has started. Entering a new step restarts the clock and tells
 * whoever must act; entering the step the request is already at (an execution resumed after a
 * restart) keeps its deadlines and tells nobody again.
 */
export function entered(
  request: FormRequestRecord,
  step: WaitingStep,
  calendar: Calendar,
  context: Context,
): { request: FormRequestRecord; notices: OutboxMessage[] } {
  if (request.step === step && request.dueAt !== undefined) return { request, notices: [] };
  const next = enterStep(request, step, calendar, context.now);
  return {
    request: next,
    notices: [notice(next, 'form_request_waiting', actorOf(next, context.directorate), context)],
  };
}

/** Whom a step waits for, as a mail recipient: the department's member, or a shared mailbox. */
function actorOf(request: FormRequestRecord, directorate: Directorate): Recipient {
  const actor = STEP_ACTOR[request.step] as FormRequestActor;
  if (actor === 'department') return { userId: request.departmentId };
  return actor === 'reviewer' ? directorate.reviewers : directorate.operators;
}

/** The instant the deadline index should next wake the request up: its reminder, then its deadline. */
export function nextDeadline(request: FormRequestRecord): string | undefined {
  if (request.remindAt && !request.remindedAt) return request.remindAt;
  if (request.dueAt && !request.escalatedAt) return request.dueAt;
  return undefined;
}

/**
 * What a deadline sweep at `now` does to a request: reminds whoever must act once the reminder
 * is due, and escalates to the directorate's supervisors once the deadline has passed (a
 * request found late before its reminder went out gets only the escalation, which tells the
 * actor too). Nothing if neither has come.
 */
export function sweepDeadline(
  request: FormRequestRecord,
  context: Context,
): { request: FormRequestRecord; entry: FormRequestEntry; notices: OutboxMessage[] } | undefined {
  const { directorate, now } = context;
  const at = now.toISOString();
  const changed = { updatedAt: at, version: request.version + 1 };
  const line = { requestId: request.requestId, step: request.step, by: SYSTEM, at };
  if (request.dueAt && !request.escalatedAt && Date.parse(request.dueAt) <= now.getTime()) {
    const next = { ...request, remindedAt: request.remindedAt ?? at, escalatedAt: at, ...changed };
    return {
      request: next,
      entry: { ...line, action: 'escalated' },
      notices: [
        notice(next, 'form_request_escalated', { supervisorsOf: directorate.organisationId }, context),
        notice(next, 'form_request_reminder', actorOf(next, directorate), context),
      ],
    };
  }
  if (request.remindAt && !request.remindedAt && Date.parse(request.remindAt) <= now.getTime()) {
    const next = { ...request, remindedAt: at, ...changed };
    return {
      request: next,
      entry: { ...line, action: 'reminded' },
      notices: [notice(next, 'form_request_reminder', actorOf(next, directorate), context)],
    };
  }
  return undefined;
}

/** The mails an ending sends: the department learns of a rejection (and why) or that its form is live. */
export function endingNotices(
  request: FormRequestRecord,
  comment: string | undefined,
  context: Pick<Context, 'ids' | 'now'>,
): OutboxMessage[] {
  const department = { userId: request.departmentId };
  if (request.step === 'rejected') return [notice(request, 'form_request_rejected', department, context, comment)];
  if (request.step !== 'completed') return [];
  return [notice(request, 'form_request_completed', department, context)];
}

function notice(
  request: FormRequestRecord,
  event: FormRequestEvent,
  recipient: Recipient,
  { ids, now, timeZone }: Pick<Context, 'ids' | 'now'> & { readonly timeZone?: string },
  comment?: string,
): OutboxMessage {
  return {
    notificationId: ids.uuid(),
    event,
    ticketId: request.requestId,
    number: referenceOf(request.requestId),
    subject: request.petition.website,
    recipient,
    formRequest: {
      requestId: request.requestId,
      step: request.step,
      ...(request.dueAt ? { dueAt: request.dueAt } : {}),
      ...(timeZone ? { timeZone } : {}),
      ...(comment ? { comment } : {}),
      ...(request.urls ? { urls: request.urls } : {}),
    },
    createdAt: now.toISOString(),
  };
}
