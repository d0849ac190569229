import { describe, expect, it } from 'vitest';
import { FormPetition } from '../../../contracts/form-requests';
import { DEFAULT_DIRECTORATE } from '../../../functions/form-requests/domain/directorate';
import {
  assertPublicTopics,
  type Context,
  endingNotices,
  entered,
  nextDeadline,
  petition,
  referenceOf,
  sweepDeadline,
  viewOf,
} from '../../../functions/form-requests/domain/requests';
import { type Actor, act, leaveFor } from '../../../functions/form-requests/domain/workflow';
import { cryptoIds } from '../../../functions/platform/ids';
import { DEMO_CALENDARS } from '../../../lib/local/demo-calendars';

const calendar = DEMO_CALENDARS['office-hours'] as NonNullable<(typeof DEMO_CALENDARS)['office-hours']>;
const MONDAY = new Date('2026-11-23T09:00:00Z');
let n = 0;
const ids = { ...cryptoIds, uuid: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}` };
const context = (now = MONDAY): Context => ({
  directorate: DEFAULT_DIRECTORATE,
  timeZone: calendar.timeZone,
  ids,
  now,
});

const department: Actor = { userId: 'u-dept', name: 'Laia Costa Riera', groups: ['department'] };
const reviewer: Actor = { userId: 'u-rev', name: 'Carmen López Martín', groups: ['reviewer'] };
const input = FormPetition.parse({
  website: 'https://salut.gencat.cat/contacte',
  topics: ['gencat-education-enrolment', 'gencat-education-grants'],
  languages: ['ca', 'es'],
  contact: { name: 'Laia Costa Riera', email: 'laia@example.org' },
});

const filed = () => petition(department, input, ids, MONDAY).request;

describe('a form request’s steps, outside their actions', () => {
  it('is filed at the review, by its department, with no deadline until the workflow reaches the step', () => {
    const { request, entry } = petition(department, input, ids, MONDAY);
    expect(request).toMatchObject({
      step: 'review',
      departmentId: 'u-dept',
      executionName: request.requestId,
      version: 1,
    });
    expect(request.dueAt).toBeUndefined();
    expect(entry).toMatchObject({ action: 'petitioned', by: { id: 'u-dept', name: 'Laia Costa Riera' } });
    expect(referenceOf(request.requestId)).toMatch(/^FR-[0-9a-f]{8}$/);
    expect(() => petition(reviewer, input, ids, MONDAY)).toThrow(/Only a department/);
  });

  it('offers only topics citizens may choose: known to the catalogue and not internal', () => {
    const topics: Record<string, { internal: boolean }> = { public: { internal: false }, hidden: { internal: true } };
    expect(() => assertPublicTopics(['public'], (id) => topics[id])).not.toThrow();
    expect(() => assertPublicTopics(['public', 'hidden', 'gone'], (id) => topics[id])).toThrow(
      expect.objectContaining({
        issues: [expect.objectContaining({ path: 'topics.1' }), expect.objectContaining({ path: 'topics.2' })],
      }),
    );
  });

  it('starts a step’s clock when its task starts, and tells whoever must act: a shared mailbox or the department', () => {
    const { request, notices } = entered(filed(), 'review', calendar, context());
    expect(request.dueAt).toBeDefined();
    expect(Date.parse(request.remindAt as string)).toBeLessThan(Date.parse(request.dueAt as string));
    expect(notices).toMatchObject([
      { event: 'form_request_waiting', recipient: DEFAULT_DIRECTORATE.reviewers, formRequest: { step: 'review' } },
    ]);
    const changes = entered(leaveFor(request, 'changes', MONDAY), 'changes', calendar, context());
    expect(changes.notices[0]?.recipient).toEqual({ userId: 'u-dept' });
    const setup = entered(leaveFor(request, 'setup', MONDAY), 'setup', calendar, context());
    expect(setup.notices[0]?.recipient).toEqual(DEFAULT_DIRECTORATE.operators);
  });

  it('keeps the deadline and tells nobody again when an execution resumes at the step the request is at', () => {
    const { request } = entered(filed(), 'review', calendar, context());
    const later = new Date(MONDAY.getTime() + 86_400_000);
    const resumed = entered(request, 'review', calendar, context(later));
    expect(resumed.request).toEqual(request);
    expect(resumed.notices).toEqual([]);
  });

  it('is reminded once its reminder is due, then escalated to the directorate’s supervisors once late, once each', () => {
    const { request } = entered(filed(), 'review', calendar, context());
    expect(nextDeadline(request)).toBe(request.remindAt);
    expect(sweepDeadline(request, context(new Date(Date.parse(request.remindAt as string) - 1)))).toBeUndefined();

    const reminded = sweepDeadline(request, context(new Date(request.remindAt as string)));
    expect(reminded?.entry.action).toBe('reminded');
    expect(reminded?.notices.map((notice) => notice.event)).toEqual(['form_request_reminder']);
    const afterReminder = reminded?.request ?? request;
    expect(nextDeadline(afterReminder)).toBe(request.dueAt);
    expect(sweepDeadline(afterReminder, context(new Date(request.remindAt as string)))).toBeUndefined();

    const escalated = sweepDeadline(afterReminder, context(new Date(request.dueAt as string)));
    expect(escalated?.entry).toMatchObject({ action: 'escalated', by: { id: 'finestreta' } });
    expect(escalated?.notices.map((notice) => [notice.event, notice.recipient])).toEqual([
      ['form_request_escalated', { supervisorsOf: DEFAULT_DIRECTORATE.organisationId }],
      ['form_request_reminder', DEFAULT_DIRECTORATE.reviewers],
    ]);
    expect(nextDeadline(escalated?.request ?? request)).toBeUndefined();
  });

  it('found late before its reminder is escalated straight away, the reminder counted as sent', () => {
    const { request } = entered(filed(), 'review', calendar, context());
    const swept = sweepDeadline(request, context(new Date(Date.parse(request.dueAt as string) + 1)));
    expect(swept?.entry.action).toBe('escalated');
    expect(swept?.request.remindedAt).toBeDefined();
  });

  it('tells the department why it was rejected, or that its form is live, and nobody otherwise', () => {
    const { request } = entered(filed(), 'review', calendar, context());
    const rejected = leaveFor(request, 'rejected', MONDAY);
    expect(endingNotices(rejected, 'Ja existeix.', context())).toMatchObject([
      { event: 'form_request_rejected', recipient: { userId: 'u-dept' }, formRequest: { comment: 'Ja existeix.' } },
    ]);
    const completed = { ...leaveFor(request, 'completed', MONDAY), urls: { ca: 'https://a.cat/ca' } };
    expect(endingNotices(completed, undefined, context())).toMatchObject([
      { event: 'form_request_completed', formRequest: { urls: { ca: 'https://a.cat/ca' } } },
    ]);
    expect(endingNotices(leaveFor(request, 'templates', MONDAY), undefined, context())).toEqual([]);
  });

  it('leaves a step without its deadlines, so the next step’s task sets its own', () => {
    const { request } = entered(filed(), 'review', calendar, context());
    const { request: approved } = act(request, reviewer, { kind: 'review', review: { decision: 'approve' } }, MONDAY);
    const moved = leaveFor(approved, 'templates', MONDAY);
    expect(moved).toMatchObject({ step: 'templates' });
    expect(moved.dueAt).toBeUndefined();
    expect(moved.remindAt).toBeUndefined();
  });

  it('is shown without anything of the workflow’s, late once its deadline has passed', () => {
    const { request } = entered(filed(), 'review', calendar, context());
    const view = viewOf(request, [], new Date(Date.parse(request.dueAt as string) + 1));
    expect(view).toMatchObject({ status: 'in_progress', waitingFor: 'reviewer', late: true });
    expect(Object.keys(view)).not.toContain('executionName');
    expect(viewOf(leaveFor(request, 'completed', MONDAY), [], MONDAY)).toMatchObject({
      status: 'completed',
      late: false,
    });
  });
});
