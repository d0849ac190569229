/**
 * An error whose message is written for the person running `npm start` or the tests: what went
 * wrong and what to do about it. The CLI prints only the message (no stack trace), so the message
 * must stand on its own.
 */
export class LocalStackError extends Error {
  override readonly name = 'LocalStackError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

export const isLocalStackError = (error: unknown): error is LocalStackError => error instanceof LocalStackError;
