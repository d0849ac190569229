/**
 * Counts CloudWatch derives from the functions' structured log lines, one metric filter each
 * (lib/constructs/api.ts): no metrics library in the Lambdas, whose every kilobyte is part of a
 * citizen's cold start (Powertools Metrics was 12 KB, about 2.5 % of each cold import).
 */
export const LOG_METRICS = {
  /** A ticket was filed: by organisation, and by a signed-in person or a guest. */
  ticketFiled: {
    message: 'Ticket filed',
    metric: 'TicketsFiled',
    dimensions: ['organisationId', 'filer'],
  },
} as const;

export type LogMetric = keyof typeof LOG_METRICS;
