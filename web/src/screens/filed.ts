/** What the confirmation page shows after a guest files: kept in memory, never in the address. */
export interface FiledTicket {
  number: string;
  email: string;
  /** The files sent with it, and those that did not go (with why). */
  files?: { sent: string[]; failed: { name: string; reason: string }[] };
}

let last: FiledTicket | undefined;

export const lastFiled = () => last;

export function rememberFiled(value: FiledTicket): void {
  last = value;
}
