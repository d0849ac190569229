import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import * as z from '../../../contracts/zod';
import { cryptoIds, systemClock } from '../../platform/ids';
import { Conflict } from '../../platform/kernel/errors';
import { logger } from '../../platform/observability';
import { entered } from '../domain/requests';
import { WAITING_STEPS } from '../domain/workflow';
import { readRecord, saveRequest } from '../store';
import { loadDirectorate } from './directorate';

/** What each waiting task of the state machine sends (lib/constructs/form-workflow.ts). */
const TaskEvent = z.object({
  requestId: z.string(),
  step: z.enum(WAITING_STEPS),
  taskToken: z.string().check(z.minLength(1)),
});

const ATTEMPTS = 5;

/**
 * A waiting step has started: keep its task token on the request (the API completes the task
 * with it; it is never shown), start the step's clock in the directorate's business days and
 * mail whoever must act. Step Functions invokes this and then waits for the token, so it returns
 * at once; a failure is retried by the state machine.
 */
export const handler = middy<unknown, { step: string }>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => {
    const { requestId, step, taskToken } = TaskEvent.parse(event);
    const { directorate, calendar } = await loadDirectorate();
    for (let attempt = 1; ; attempt++) {
      const stored = await readRecord(requestId);
      if (!stored) throw new Error(`Form request ${requestId} does not exist`);
      const now = systemClock.now();
      const { request, notices } = entered(stored.request, step, calendar, {
        directorate,
        timeZone: calendar.timeZone,
        ids: cryptoIds,
        now,
      });
      const next = { ...request, version: stored.request.version + 1, updatedAt: now.toISOString() };
      try {
        await saveRequest(stored.request.version, { request: next, taskToken }, { notices });
        logger.info('Form request waits', { requestId, step, dueAt: next.dueAt });
        return { step };
      } catch (error) {
        // A department's call saved meanwhile (another language's templates): read it again.
        if (attempt >= ATTEMPTS || !(error instanceof Conflict)) throw error;
      }
    }
  });
