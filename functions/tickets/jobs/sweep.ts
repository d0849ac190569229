import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import * as z from '../../../contracts/zod';
import { loadCatalogue } from '../../catalogue';
import { releaseHeldMail } from '../../mail';
import { cryptoIds, systemClock } from '../../platform/ids';
import { logger } from '../../platform/observability';
import { dynamoAttachmentStore } from '../attachment-store';
import { type SweepDeps, type SweepReport, sweep } from '../domain/sweep';
import { dynamoTicketStore } from '../store';
import { dynamoSweepIndex } from '../sweep-index';

/**
 * The scheduler's input: the instant the run was scheduled for (the sweeper's clock, so a late
 * run still judges by its own minute, and tests can move time) and, to sweep only some of them,
 * organisations by id.
 */
const SweepEvent = z.object({
  scheduledTime: z.optional(z.iso.datetime()),
  organisationIds: z.optional(z.array(z.string())),
});

const deps: SweepDeps = {
  store: dynamoTicketStore,
  files: dynamoAttachmentStore,
  index: dynamoSweepIndex,
  catalogue: { load: () => loadCatalogue() },
  ids: cryptoIds,
  heldMail: { release: releaseHeldMail },
};

/** Every minute (EventBridge Scheduler; an interval in `npm start`): see domain/sweep.ts. */
export const handler = middy<unknown, SweepReport>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => {
    // The schedule is ours: an event it would not send is a defect, and failing shows it.
    const { scheduledTime, organisationIds } = SweepEvent.parse(event);
    const report = await sweep(deps, scheduledTime ? new Date(scheduledTime) : systemClock.now(), organisationIds);
    logger.info('Sweep done', { ...report });
    return report;
  });
