/** Placeholder while the sweeper is written: the scheduled invocation's event is `{ scheduledTime }`. */
export const handler = async (_event: { scheduledTime?: string }): Promise<void> => undefined;
