import { linkToken } from '../platform/links';

/**
 * The token of a resolution mail's rating link. The tickets feature stores its hash when the
 * ticket is resolved; the mail makes it again when it is sent: the token is stored nowhere.
 */
export const ratingToken = (ticketId: string, resolvedAt: string): string => linkToken('rating', ticketId, resolvedAt);
