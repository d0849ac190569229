import type {
  FormParameters,
  FormPetition,
  FormRequestActor,
  FormRequestStep,
  FormSetup,
  Review,
} from '../../../contracts/form-requests';
import type { Language } from '../../../contracts/vocabulary';
import { Conflict, Forbidden, NotFound, ValidationFailed } from '../../platform/kernel/errors';
import { addBusinessTime, type Calendar } from '../../sla/domain/index';

/**
 * The seven steps as a pure state machine: who acts at each step, what each action does to the
 * request and what it tells the workflow, and the step it leads to. The Step Functions
 * definition is built from the same transitions (next slice), so the API and the workflow
 * cannot disagree about what comes next.
 */

/** Who must act at each step; nobody once the request has ended. */
export const STEP_ACTOR: Record<FormRequestStep, FormRequestActor | undefined> = {
  review: 'reviewer',
  changes: 'department',
  templates: 'department',
  parameters: 'department',
  setup: 'operator',
  links: 'department',
  completed: undefined,
  rejected: undefined,
};

/** Steps someone waits at (a `.waitForTaskToken` task each). */
export const WAITING_STEPS = ['review', 'changes', 'templates', 'parameters', 'setup', 'links'] as const;
export type WaitingStep = (typeof WAITING_STEPS)[number];

export type FormRequestAction =
  | { readonly kind: 'review'; readonly review: Review }
  | { readonly kind: 'revise'; readonly petition: FormPetition }
  | { readonly kind: 'template'; readonly language: Language }
  | { readonly kind: 'parameters'; readonly parameters: FormParameters }
  | { readonly kind: 'setup'; readonly setup: FormSetup }
  | { readonly kind: 'links_updated' };

/** The step each action belongs to: at any other, the call is out of order (409). */
export const ACTION_STEP: Record<FormRequestAction['kind'], WaitingStep> = {
  review: 'review',
  revise: 'changes',
  template: 'templates',
  parameters: 'parameters',
  setup: 'setup',
  links_updated: 'links',
};

/** What the workflow is told when a step is done: the review's decision, for its Choice. */
export type StepOutput = { readonly decision?: Review['decision'] };

/** The request as the workflow and the API keep it (the history is kept beside it). */
export interface FormRequestRecord {
  readonly requestId: string;
  /** The department's member who filed it: the department acts through them. */
  readonly departmentId: string;
  readonly departmentName: string;
  readonly petition: FormPetition;
  readonly step: FormRequestStep;
  /** Languages whose header and footer are stored, and when. */
  readonly templates: Partial<Record<Language, string>>;
  readonly parameters?: FormParameters;
  readonly urls?: FormSetup['urls'];
  /** When the current step began, and when its reminder and its deadline fall. */
  readonly stepStartedAt: string;
  readonly remindAt?: string;
  readonly dueAt?: string;
  /** When the current step's reminder went out, and when it was escalated as late. */
  readonly remindedAt?: string;
  readonly escalatedAt?: string;
  /** The name of the execution that runs it (a resumed request gets a new one). */
  readonly executionName: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly version: number;
}

/** One line of a request's history: who did what at which step, and when. */
export interface FormRequestEntry {
  readonly requestId: string;
  readonly step: FormRequestStep;
  readonly action: FormRequestAction['kind'] | 'petitioned' | 'reminded' | 'escalated';
  readonly decision?: Review['decision'];
  readonly comment?: string;
  readonly language?: Language;
  readonly by: { readonly id: string; readonly name: string };
  readonly at: string;
}

export interface Actor {
  readonly userId: string;
  readonly name: string;
  readonly groups: readonly string[];
}

/** What an action did: the request after it, its history line, and (when the step is done) what to tell the workflow. */
export interface Acted {
  readonly request: FormRequestRecord;
  readonly entry: FormRequestEntry;
  readonly output?: StepOutput;
}

/** Whether someone may read the request: its department, the directorate and the technical office (who they are is enough). */
export function mayRead<A extends Pick<Actor, 'userId' | 'groups'>>(
  actor: A,
  request: FormRequestRecord | undefined,
): FormRequestRecord {
  const staff = actor.groups.includes('reviewer') || actor.groups.includes('operator');
  if (!request || !(staff || request.departmentId === actor.userId)) throw new NotFound('No such form request.');
  return request;
}

/**
 * An action on the request: the wrong role is refused first (403), then a step that is not
 * the current one (409), then input that does not fit the request (400).
 */
export function act(request: FormRequestRecord, actor: Actor, action: FormRequestAction, now: Date): Acted {
  const step = ACTION_STEP[action.kind];
  const role = STEP_ACTOR[step] as FormRequestActor;
  if (!actor.groups.includes(role)) throw new Forbidden(`Only the ${ROLE_NAMES[role]} does this.`);
  if (role === 'department' && request.departmentId !== actor.userId) {
    throw new Forbidden('Only the department that asked does this.');
  }
  if (request.step !== step) {
    throw new Conflict(`The request is at the ${request.step} step, not at ${step}.`);
  }
  const at = now.toISOString();
  const entry = {
    requestId: request.requestId,
    step,
    action: action.kind,
    by: { id: actor.userId, name: actor.name },
    at,
  };
  const changed = { updatedAt: at, version: request.version + 1 };
  switch (action.kind) {
    case 'review':
      return {
        request: { ...request, ...changed },
        entry: {
          ...entry,
          decision: action.review.decision,
          ...(action.review.comment ? { comment: action.review.comment } : {}),
        },
        output: { decision: action.review.decision },
      };
    case 'revise':
      return { request: { ...request, petition: action.petition, ...changed }, entry, output: {} };
    case 'template': {
      if (!request.petition.languages.includes(action.language)) {
        throw new ValidationFailed([
          { path: 'language', message: `The request is for ${request.petition.languages.join(', ')} only.` },
        ]);
      }
      const templates = { ...request.templates, [action.language]: at };
      const complete = request.petition.languages.every((language) => templates[language] !== undefined);
      // Replacing a language's templates is fine until the last one is in: then the step is done.
      return {
        request: { ...request, templates, ...changed },
        entry: { ...entry, language: action.language },
        ...(complete ? { output: {} } : {}),
      };
    }
    case 'parameters':
      return { request: { ...request, parameters: action.parameters, ...changed }, entry, output: {} };
    case 'setup': {
      const missing = request.petition.languages.filter((language) => !action.setup.urls[language]);
      const extra = Object.keys(action.setup.urls).filter(
        (language) => !request.petition.languages.includes(language as Language),
      );
      if (missing.length > 0 || extra.length > 0) {
        throw new ValidationFailed([
          ...missing.map((language) => ({ path: `urls.${language}`, message: 'The form’s address in this language.' })),
          ...extra.map((language) => ({ path: `urls.${language}`, message: 'The request has no such language.' })),
        ]);
      }
      return { request: { ...request, urls: action.setup.urls, ...changed }, entry, output: {} };
    }
    case 'links_updated':
      return { request: { ...request, ...changed }, entry, output: {} };
  }
}

const ROLE_NAMES: Record<FormRequestActor, string> = {
  department: 'department that asked',
  reviewer: 'directorate',
  operator: 'technical office',
};

/** Where a step leads once done: the review's decision picks the way; the rest go straight on. */
export function nextStep(step: WaitingStep, output: StepOutput): FormRequestStep {
  switch (step) {
    case 'review':
      if (output.decision === 'approve') return 'templates';
      if (output.decision === 'reject') return 'rejected';
      return 'changes';
    case 'changes':
      return 'review';
    case 'templates':
      return 'parameters';
    case 'parameters':
      return 'setup';
    case 'setup':
      return 'links';
    case 'links':
      return 'completed';
  }
}

/**
 * Each waiting step's time, in business days of the directorate's calendar: the deadline at the
 * close of the last day, a reminder the business day before, escalation after it.
 */
export const STEP_BUSINESS_DAYS: Record<WaitingStep, number> = {
  review: 5,
  changes: 10,
  templates: 10,
  parameters: 10,
  setup: 5,
  links: 5,
};

export function deadlines(step: WaitingStep, startedAt: Date, calendar: Calendar): { remindAt: Date; dueAt: Date } {
  const days = STEP_BUSINESS_DAYS[step];
  return {
    remindAt: addBusinessTime(calendar, startedAt, { days: days - 1, endOfDay: true }),
    dueAt: addBusinessTime(calendar, startedAt, { days, endOfDay: true }),
  };
}

/** The request entering a step (the workflow's task for it starts): its clock restarts there. */
export function enterStep(
  request: FormRequestRecord,
  step: FormRequestStep,
  calendar: Calendar,
  now: Date,
): FormRequestRecord {
  const at = now.toISOString();
  const { remindAt: _r, dueAt: _d, remindedAt: _rd, escalatedAt: _e, ...rest } = request;
  if (!(WAITING_STEPS as readonly string[]).includes(step)) {
    return { ...rest, step, stepStartedAt: at, updatedAt: at, version: request.version + 1 };
  }
  const { remindAt, dueAt } = deadlines(step as WaitingStep, now, calendar);
  return {
    ...rest,
    step,
    stepStartedAt: at,
    remindAt: remindAt.toISOString(),
    dueAt: dueAt.toISOString(),
    updatedAt: at,
    version: request.version + 1,
  };
}

/**
 * A rejection ends the review task with this error (SendTaskFailure); the state machine catches
 * it and ends as succeeded: a decision, not a failure.
 */
export const REJECTED_ERROR = 'FormRequest.Rejected';

/** Longest a step may wait, far past its deadline and escalation: then the execution fails and alarms. */
export const STEP_TIMEOUT_DAYS = 60;
/** Longest a whole request may take, loops included. */
export const WORKFLOW_MAX_DAYS = 365;

/**
 * The request leaving its step for `to` once an action completed it: the API records the move
 * at once (so a second call for the same step is out of order); the next step's task sets its
 * clock when the workflow reaches it.
 */
export function leaveFor(request: FormRequestRecord, to: FormRequestStep, now: Date): FormRequestRecord {
  const { remindAt: _r, dueAt: _d, remindedAt: _rd, escalatedAt: _e, ...rest } = request;
  return { ...rest, step: to, stepStartedAt: now.toISOString() };
}
