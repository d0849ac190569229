import type { InboundHeaders } from './mime';

let parser: Promise<typeof import('./mime.lazy')> | undefined;

/** Parses a raw message's headers with mailparser, loaded on first use (mime.lazy.ts). */
export async function parseInbound(raw: Buffer): Promise<InboundHeaders> {
  parser ??= import('./mime.lazy.js');
  return (await parser).parseInboundHeaders(raw);
}
