import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import * as z from '../../../contracts/zod';
import { cryptoIds, systemClock } from '../../platform/ids';
import { Conflict } from '../../platform/kernel/errors';
import { logger } from '../../platform/observability';
import { sweepDeadline } from '../domain/requests';
import { dueRequests, readRecord, saveRequest } from '../store';
import { loadDirectorate } from './directorate';

/** The scheduler's input: the instant the run was scheduled for, the deadlines' clock (tests move it). */
const DeadlineEvent = z.object({ scheduledTime: z.optional(z.iso.datetime()) });

/**
 * Every quarter of an hour: reminds whoever must act on a form request the business day before
 * their step is due, and escalates to the directorate's supervisors once it is late. Requests
 * wait on the deadline index only while one of the two is ahead, so a run reads what has come.
 */
export const handler = middy<unknown, { reminded: number; escalated: number }>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => {
    const { scheduledTime } = DeadlineEvent.parse(event);
    const now = scheduledTime ? new Date(scheduledTime) : systemClock.now();
    const due = await dueRequests(now.toISOString());
    const report = { reminded: 0, escalated: 0 };
    if (due.length === 0) return report;
    const { directorate, calendar } = await loadDirectorate();
    for (const requestId of due) {
      const stored = await readRecord(requestId);
      if (!stored) continue;
      const swept = sweepDeadline(stored.request, { directorate, timeZone: calendar.timeZone, ids: cryptoIds, now });
      if (!swept) continue;
      try {
        await saveRequest(
          stored.request.version,
          { request: swept.request, ...(stored.taskToken ? { taskToken: stored.taskToken } : {}) },
          { entry: { entry: swept.entry, id: cryptoIds.uuid() }, notices: swept.notices },
        );
        report[swept.entry.action === 'escalated' ? 'escalated' : 'reminded'] += 1;
      } catch (error) {
        // Someone acted meanwhile: the next run judges the request as it is then.
        if (!(error instanceof Conflict)) throw error;
      }
    }
    logger.info('Form-request deadlines swept', report);
    return report;
  });
