import type { FormTemplates } from '../../../contracts/form-requests';
import { FORM_REQUEST_ROUTES } from '../../../contracts/routes/form-requests';
import type { Language } from '../../../contracts/vocabulary';
import { findTopic, loadCatalogue } from '../../catalogue';
import { objectUrl, signedFetch } from '../../platform/aws';
import { readEnv } from '../../platform/env';
import { byRoute } from '../../platform/http/handler';
import { idempotency } from '../../platform/http/idempotency';
import { created, ok } from '../../platform/http/responses';
import { cryptoIds, systemClock } from '../../platform/ids';
import type { Caller } from '../../platform/kernel/caller';
import { Conflict, NotFound } from '../../platform/kernel/errors';
import { logger } from '../../platform/observability';
import { describeExecution, sendTaskFailure, sendTaskSuccess, startExecution } from '../../platform/step-functions';
import { profileOf } from '../../profiles';
import { assertPublicTopics, endingNotices, petition, summaryOf, viewOf } from '../domain/requests';
import { TEMPLATE_PARTS, templateKey } from '../domain/template-keys';
import {
  type Actor,
  act,
  type FormRequestAction,
  leaveFor,
  mayRead,
  nextStep,
  REJECTED_ERROR,
  type WaitingStep,
} from '../domain/workflow';
import {
  createRequest,
  deleteRequest,
  listRequests,
  readRecord,
  readRequest,
  restoreRequest,
  saveRequest,
} from '../store';

const { attachmentsBucket: bucket, formWorkflowArn } = readEnv('attachmentsBucket', 'formWorkflowArn');
let checker: Promise<typeof import('./templates.lazy.js')> | undefined;

/**
 * The form-request routes. Each step's call is checked by the workflow domain (role, step,
 * input), recorded with its history line, and then completes the waiting task of the request's
 * execution, whose next task mails whoever acts next.
 */
export const handler = byRoute(
  FORM_REQUEST_ROUTES,
  {
    'POST /form-requests': {
      run: async ({ body, caller, language }) => {
        await topicsOffered(body.topics);
        const now = systemClock.now();
        const { request, entry } = petition(await actorOf(caller, language), body, cryptoIds, now);
        const entryId = cryptoIds.uuid();
        await createRequest(request, entry, entryId);
        try {
          await startExecution(formWorkflowArn, request.executionName, { requestId: request.requestId });
        } catch (error) {
          // No request without a workflow to carry it.
          await deleteRequest(request, entry, entryId);
          throw error;
        }
        return created(viewOf(request, [entry], now), `/form-requests/${request.requestId}`);
      },
    },

    'GET /form-requests': {
      run: async ({ caller }) => {
        const staff = caller.groups.includes('reviewer') || caller.groups.includes('operator');
        const requests = await listRequests(staff ? undefined : caller.userId);
        const now = systemClock.now();
        return ok({ items: requests.map((request) => summaryOf(request, now)) });
      },
    },

    'GET /form-requests/{requestId}': {
      run: async ({ params, caller }) => {
        const { stored, history } = await readRequest(params.requestId);
        const request = mayRead(caller, stored?.request);
        return ok(viewOf(request, history, systemClock.now()));
      },
    },

    'POST /form-requests/{requestId}/review': {
      run: async ({ params, body, caller, language }) =>
        ok(await perform(params.requestId, await actorOf(caller, language), { kind: 'review', review: body })),
    },

    'PUT /form-requests/{requestId}/petition': {
      run: async ({ params, body, caller, language }) =>
        ok(
          await perform(params.requestId, await actorOf(caller, language), { kind: 'revise', petition: body }, () =>
            topicsOffered(body.topics),
          ),
        ),
    },

    'PUT /form-requests/{requestId}/templates/{language}': {
      run: async ({ params, body, caller, language }) =>
        ok(
          await perform(
            params.requestId,
            await actorOf(caller, language),
            { kind: 'template', language: params.language },
            // Checked once the call is known to be in order, stored before the request records it.
            async () => {
              checker ??= import('./templates.lazy.js');
              (await checker).assertTemplates(body);
              await storeTemplates(params.requestId, params.language, body);
            },
          ),
        ),
    },

    'GET /form-requests/{requestId}/templates/{language}': {
      run: async ({ params, caller }) => {
        const stored = await readRecord(params.requestId);
        const request = mayRead(caller, stored?.request);
        if (!request.templates[params.language]) throw new NotFound('No templates in this language yet.');
        return ok(await readTemplates(params.requestId, params.language));
      },
    },

    'PUT /form-requests/{requestId}/parameters': {
      run: async ({ params, body, caller, language }) =>
        ok(
          await perform(
            params.requestId,
            await actorOf(caller, language),
            { kind: 'parameters', parameters: body },
            () => topicsOffered(body.topics),
          ),
        ),
    },

    'POST /form-requests/{requestId}/setup': {
      run: async ({ params, body, caller, language }) =>
        ok(await perform(params.requestId, await actorOf(caller, language), { kind: 'setup', setup: body })),
    },

    'POST /form-requests/{requestId}/links-updated': {
      run: async ({ params, caller, language }) =>
        ok(await perform(params.requestId, await actorOf(caller, language), { kind: 'links_updated' })),
    },
  },
  { idempotency },
);

async function topicsOffered(topics: readonly string[]): Promise<void> {
  const catalogue = await loadCatalogue();
  assertPublicTopics(topics, (id) => findTopic(catalogue, id));
}

async function actorOf(caller: Caller, language: Language): Promise<Actor> {
  const profile = await profileOf(caller, language);
  return { userId: caller.userId, name: profile.name, groups: caller.groups };
}

/** How long a step's call waits for the workflow to reach the step (its task to store a token). */
const TOKEN_WAIT = { attempts: 8, pauseMs: 250 } as const;
/** How often a step's call is tried again after losing a write to the workflow's own. */
const SAVE_ATTEMPTS = 5;

/**
 * One step's action: decided on the request as read, saved with its history line at that
 * version, and, when it completes the step, handed to the waiting task. If the workflow no
 * longer waits (its execution failed or was stopped), the request is put back as it was.
 */
async function perform(requestId: string, actor: Actor, action: FormRequestAction, beforeSave?: () => Promise<void>) {
  let waits = 0;
  let conflicts = 0;
  let prepared = false;
  /** A write that lost to the workflow's own (its task entering the step, a reminder) is tried again. */
  const saved = (write: Promise<void>) =>
    write.then(
      () => true,
      (error: unknown) => {
        if (error instanceof Conflict && ++conflicts < SAVE_ATTEMPTS) return false;
        throw error;
      },
    );
  for (;;) {
    const { stored, history } = await readRequest(requestId);
    const request = mayRead(actor, stored?.request);
    const now = systemClock.now();
    const acted = act(request, actor, action, now);
    const token = stored?.taskToken;
    if (acted.output && !token) {
      // Just after the previous step, the workflow may not have reached this one yet.
      if (++waits < TOKEN_WAIT.attempts) {
        await new Promise((resolve) => setTimeout(resolve, TOKEN_WAIT.pauseMs));
        continue;
      }
      throw await notWaiting(request.executionName);
    }
    if (!prepared) await beforeSave?.();
    prepared = true;
    const entry = { entry: acted.entry, id: cryptoIds.uuid() };
    if (!acted.output || !token) {
      const kept = { request: acted.request, ...(token ? { taskToken: token } : {}) };
      if (!(await saved(saveRequest(request.version, kept, { entry })))) continue;
      return viewOf(acted.request, [...history, acted.entry], now);
    }
    const moved = leaveFor(acted.request, nextStep(request.step as WaitingStep, acted.output), now);
    const notices = endingNotices(moved, acted.entry.comment, { ids: cryptoIds, now });
    if (!(await saved(saveRequest(request.version, { request: moved }, { entry, notices })))) continue;
    try {
      // The cause stays generic: the reason is the request's, not the execution history's.
      if (moved.step === 'rejected') {
        await sendTaskFailure(token, REJECTED_ERROR, 'The directorate rejected the petition.');
      } else await sendTaskSuccess(token, acted.output);
    } catch (error) {
      logger.error('The workflow did not take the step; the request is put back', {
        requestId,
        error: (error as Error).name,
      });
      await restoreRequest(moved.version, { request, taskToken: token }, entry);
      throw await notWaiting(request.executionName);
    }
    return viewOf(moved, [...history, acted.entry], now);
  }
}

/** Why a step's call cannot be taken now: the workflow is still on its way, or it has stopped. */
async function notWaiting(executionName: string): Promise<Conflict> {
  // An operator may have resumed the request under another execution's name: then say it stopped.
  const status = await describeExecution(executionArnOf(executionName)).then(
    (execution) => execution.status,
    () => 'UNKNOWN',
  );
  return status === 'RUNNING'
    ? new Conflict('The request is still moving to this step; try again in a moment.')
    : new Conflict('The request’s workflow has stopped; the technical office must resume it.');
}

/** Executions are named by the request: their ARN follows from the state machine's. */
const executionArnOf = (name: string) => `${formWorkflowArn.replace(':stateMachine:', ':execution:')}:${name}`;

async function storeTemplates(requestId: string, language: Language, templates: FormTemplates): Promise<void> {
  await Promise.all(
    TEMPLATE_PARTS.map(async (part) => {
      const response = await signedFetch('s3', objectUrl(bucket, templateKey(requestId, language, part)), {
        method: 'PUT',
        headers: { 'content-type': 'text/html; charset=utf-8' },
        body: templates[part],
      });
      if (!response.ok) throw new Error(`Storing the ${part} failed: S3 answered ${response.status}`);
    }),
  );
}

async function readTemplates(requestId: string, language: Language): Promise<FormTemplates> {
  const [header, footer] = await Promise.all(
    TEMPLATE_PARTS.map(async (part) => {
      const response = await signedFetch('s3', objectUrl(bucket, templateKey(requestId, language, part)));
      if (!response.ok) throw new Error(`Reading the ${part} failed: S3 answered ${response.status}`);
      return response.text();
    }),
  );
  return { header: header ?? '', footer: footer ?? '' };
}
