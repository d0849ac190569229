import { describe, expect, it } from 'vitest';
import { FormPetition, FormSetup, Review } from '../../../contracts/form-requests';
import {
  type Actor,
  act,
  deadlines,
  enterStep,
  type FormRequestRecord,
  mayRead,
  nextStep,
  STEP_ACTOR,
  WAITING_STEPS,
} from '../../../functions/form-requests/domain/workflow';
import { Conflict, Forbidden, NotFound, ValidationFailed } from '../../../functions/platform/kernel/errors';
import { DEMO_CALENDARS } from '../../../lib/local/demo-calendars';

const calendar = DEMO_CALENDARS['office-hours'] as NonNullable<(typeof DEMO_CALENDARS)['office-hours']>;
/** Monday 23 November 2026, 10:00 in Barcelona. */
const MONDAY = new Date('2026-11-23T09:00:00Z');

const department: Actor = { userId: 'u-dept', name: 'Laia Costa Riera', groups: ['department'] };
const otherDepartment: Actor = { userId: 'u-other', name: 'Pau Mas', groups: ['department'] };
const reviewer: Actor = { userId: 'u-rev', name: 'Carmen López Martín', groups: ['reviewer'] };
const operator: Actor = { userId: 'u-op', name: 'Arnau Font Mas', groups: ['operator'] };

const petition = FormPetition.parse({
  website: 'https://salut.gencat.cat',
  topics: ['gencat-health-cards'],
  languages: ['ca', 'es'],
  contact: { name: 'Laia Costa Riera', email: 'laia.costa@gencat.cat' },
});

function filed(step: FormRequestRecord['step'] = 'review'): FormRequestRecord {
  const at = MONDAY.toISOString();
  return {
    requestId: 'r-1',
    departmentId: 'u-dept',
    departmentName: 'Departament de Salut',
    petition,
    step,
    templates: {},
    stepStartedAt: at,
    executionName: 'r-1',
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
}

const review = (decision: string, comment?: string) =>
  ({ kind: 'review', review: Review.parse({ decision, ...(comment ? { comment } : {}) }) }) as const;

describe('the form-request workflow', () => {
  it('goes through the seven steps: review, templates, parameters, setup, links, completed', () => {
    const path: string[] = [];
    let step = 'review' as FormRequestRecord['step'];
    const outputs = { review: { decision: 'approve' as const } };
    while ((WAITING_STEPS as readonly string[]).includes(step)) {
      path.push(`${step} by ${STEP_ACTOR[step]}`);
      step = nextStep(step as (typeof WAITING_STEPS)[number], step === 'review' ? outputs.review : {});
    }
    expect([...path, step]).toEqual([
      'review by reviewer',
      'templates by department',
      'parameters by department',
      'setup by operator',
      'links by department',
      'completed',
    ]);
  });

  it('sends a request back for changes and then to review again, or ends it when rejected', () => {
    expect(nextStep('review', { decision: 'request_changes' })).toBe('changes');
    expect(nextStep('changes', {})).toBe('review');
    expect(nextStep('review', { decision: 'reject' })).toBe('rejected');
  });

  it('records the directorate’s decision with who and when, and tells the workflow which way to go', () => {
    const done = act(filed(), reviewer, review('request_changes', 'Name the three topics the form shows.'), MONDAY);
    expect(done.output).toEqual({ decision: 'request_changes' });
    expect(done.entry).toEqual({
      requestId: 'r-1',
      step: 'review',
      action: 'review',
      decision: 'request_changes',
      comment: 'Name the three topics the form shows.',
      by: { id: 'u-rev', name: 'Carmen López Martín' },
      at: MONDAY.toISOString(),
    });
    expect(done.request.version).toBe(2);
  });

  it('wants a reason for anything but an approval', () => {
    expect(Review.safeParse({ decision: 'reject' }).success).toBe(false);
    expect(Review.safeParse({ decision: 'approve' }).success).toBe(true);
  });

  it('refuses the wrong role with 403 before looking at the step, and a step that is not current with 409', () => {
    expect(() => act(filed(), department, review('approve'), MONDAY)).toThrow(Forbidden);
    expect(() => act(filed('templates'), operator, review('approve'), MONDAY)).toThrow(Forbidden);
    expect(() => act(filed('templates'), reviewer, review('approve'), MONDAY)).toThrow(Conflict);
    expect(() => act(filed('review'), department, { kind: 'links_updated' }, MONDAY)).toThrow(Conflict);
    // Another department's member is not the department that asked.
    expect(() => act(filed('links'), otherDepartment, { kind: 'links_updated' }, MONDAY)).toThrow(Forbidden);
  });

  it('finishes the templates step only once every language of the request has its header and footer', () => {
    const first = act(filed('templates'), department, { kind: 'template', language: 'ca' }, MONDAY);
    expect(first.output).toBeUndefined();
    const again = act(first.request, department, { kind: 'template', language: 'ca' }, MONDAY);
    expect(again.output).toBeUndefined();
    const last = act(again.request, department, { kind: 'template', language: 'es' }, MONDAY);
    expect(last.output).toEqual({});
    expect(Object.keys(last.request.templates).sort()).toEqual(['ca', 'es']);
    expect(() => act(filed('templates'), department, { kind: 'template', language: 'oc' }, MONDAY)).toThrow(
      ValidationFailed,
    );
  });

  it('takes the form’s addresses for exactly the languages of the request', () => {
    const setup = (urls: Record<string, string>) => ({ kind: 'setup', setup: FormSetup.parse({ urls }) }) as const;
    const done = act(
      filed('setup'),
      operator,
      setup({ ca: 'https://web.gencat.cat/ca/contacte', es: 'https://web.gencat.cat/es/contacto' }),
      MONDAY,
    );
    expect(done.request.urls).toEqual({
      ca: 'https://web.gencat.cat/ca/contacte',
      es: 'https://web.gencat.cat/es/contacto',
    });
    expect(() => act(filed('setup'), operator, setup({ ca: 'https://web.gencat.cat/ca/contacte' }), MONDAY)).toThrow(
      ValidationFailed,
    );
    expect(FormSetup.safeParse({ urls: { ca: 'http://web.gencat.cat/ca' } }).success).toBe(false);
  });

  it('is read by its department, the directorate and the technical office, and by nobody else', () => {
    for (const actor of [department, reviewer, operator]) expect(mayRead(actor, filed())).toEqual(filed());
    expect(() => mayRead(otherDepartment, filed())).toThrow(NotFound);
    expect(() => mayRead({ userId: 'u-agent', name: 'Jordi', groups: ['agent'] }, filed())).toThrow(NotFound);
  });

  it('gives each waiting step a deadline in business days, with a reminder the business day before', () => {
    // Five business days after Monday 23 November: due at the close of Monday 30, reminded at Friday 27's.
    const { remindAt, dueAt } = deadlines('review', MONDAY, calendar);
    expect(dueAt.toISOString()).toBe('2026-11-30T14:00:00.000Z');
    expect(remindAt.toISOString()).toBe('2026-11-27T14:00:00.000Z');
    const entered = enterStep(filed(), 'templates', calendar, MONDAY);
    expect(entered).toMatchObject({ step: 'templates', stepStartedAt: MONDAY.toISOString(), version: 2 });
    // Ten business days: 8 December is a holiday in Catalonia, but it falls after the deadline.
    expect(entered.dueAt).toBe('2026-12-07T14:00:00.000Z');
    const ended = enterStep(entered, 'completed', calendar, MONDAY);
    expect(ended.dueAt).toBeUndefined();
  });
});
