import { Conflict } from '../../platform/kernel/errors';

const ATTEMPTS = 8;
const BASE_DELAY_MS = 10;
const MAX_DELAY_MS = 400;

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
    // Exponential backoff with full jitter: writers that collided spread out instead of
    // colliding again, and a busy ticket still gets through within about two seconds.
    const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** tries);
    await new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
  }
}
