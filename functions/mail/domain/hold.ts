import { addBusinessTime, type Calendar } from '../../sla/domain/index';

/**
 * Until when a mail to staff written at `now` waits: the organisation's next opening, if it is
 * closed now; undefined if it is open (or has no calendar), and the mail goes at once.
 */
export function heldUntil(calendar: Calendar | undefined, now: Date): string | undefined {
  if (!calendar) return undefined;
  const opening = addBusinessTime(calendar, now, { minutes: 0 });
  return opening > now ? opening.toISOString() : undefined;
}
