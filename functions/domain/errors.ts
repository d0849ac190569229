/**
 * Domain errors: thrown by domain and store code, mapped to HTTP exactly once
 * (functions/http/problem.ts). Messages here are safe to show to a client.
 */
export interface FieldIssue {
  /** Dotted path of the offending field, e.g. `fields.nationalId`. */
  readonly path: string;
  readonly message: string;
}

export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;
}

export type DomainErrorKind =
  | 'validation'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'invalid_transition'
  | 'payload_too_large'
  | 'unsupported_media_type';

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

/** Also used for things that exist but the caller may not know about. */
export class NotFound extends DomainError {
  readonly kind = 'not_found';
}

/** A lost update: the caller's version is stale. */
export class Conflict extends DomainError {
  readonly kind = 'conflict';
}

export class InvalidTransition extends DomainError {
  readonly kind = 'invalid_transition';
}

export class PayloadTooLarge extends DomainError {
  readonly kind = 'payload_too_large';
}

export class UnsupportedMediaType extends DomainError {
  readonly kind = 'unsupported_media_type';
}
