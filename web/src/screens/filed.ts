/** What the confirmation page shows after a guest files: kept in memory, never in the address. */
let last: { number: string; email: string } | undefined;

export const lastFiled = () => last;

export function rememberFiled(value: { number: string; email: string }): void {
  last = value;
}
