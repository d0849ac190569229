/** The clock and id sources the domain is given, so its behaviour is testable to the millisecond. */
export interface Clock {
  now(): Date;
}

export interface Ids {
  /** A random UUID. */
  uuid(): string;
  /** Sortable by time: the ISO instant, then a counter and random suffix for ids made in the same millisecond. */
  sortableId(at: Date): string;
  /** 256 random bits, URL-safe: guest access tokens. */
  secretToken(): string;
  /** SHA-256, hex: what is stored of a secret token. */
  hash(token: string): string;
}
