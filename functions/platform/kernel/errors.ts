import type { FieldIssue, ProblemKind } from '../../../contracts/problems';
import type { Status } from '../../../contracts/vocabulary';

export type { FieldIssue };

/**
 * Domain errors: thrown by domain and store code, mapped to HTTP exactly once
 * (platform/http/problem.ts). Messages here are safe to show to a client.
 */
export abstract class DomainError extends Error {
  abstract readonly kind: Exclude<ProblemKind, 'internal'>;
}

export class ValidationFailed extends DomainError {
  readonly kind = 'validation';
  constructor(
    readonly issues: readonly FieldIssue[],
    message = 'The request has invalid fields.',
  ) {
    super(message);
  }
}

export class Unauthorized extends DomainError {
  readonly kind = 'unauthorized';
}

export class Forbidden extends DomainError {
  readonly kind = 'forbidden';
}

/** Also for things that exist but the caller may not know about: 404, never 403. */
export class NotFound extends DomainError {
  readonly kind = 'not_found';
}

/** A lost update: the caller's version is stale. */
export class Conflict extends DomainError {
  readonly kind = 'conflict';
}

/** A status change the ticket lifecycle does not allow. */
export class InvalidTransition extends DomainError {
  readonly kind = 'invalid_transition';
  constructor(
    readonly from: Status,
    readonly to: Status,
    message: string,
  ) {
    super(`${message} (${from} → ${to})`);
  }
}

export class PayloadTooLarge extends DomainError {
  readonly kind = 'payload_too_large';
}

export class UnsupportedMediaType extends DomainError {
  readonly kind = 'unsupported_media_type';
}

/** Too many requests of one kind from one person or client: try again after `retryAfterSeconds`. */
export class Throttled extends DomainError {
  readonly kind = 'throttled';
  constructor(
    readonly retryAfterSeconds: number,
    message: string,
  ) {
    super(message);
  }
}
