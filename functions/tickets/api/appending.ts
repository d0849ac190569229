import { Conflict } from '../../platform/kernel/errors';

const ATTEMPTS = 5;

/**
 * Runs an append to a thread again when the ticket changed under it. A message does not
 * depend on the version it was written against, so two people answering at once should both
 * be heard: each attempt re-reads the ticket and re-asks the access policy and the lifecycle.
 * Changes a client makes with If-Match are never retried this way: their 409 is the answer.
 */
export async function appendWithRetry<T>(attempt: () => Promise<T>): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof Conflict) || tries >= ATTEMPTS) throw error;
    }
    // A little jitter, so writers that collided do not collide again.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * tries));
  }
}
