import { type AddressObject, simpleParser } from 'mailparser';
import type { InboundFacts } from './domain/replies';

/** What the answer to an inbound mail depends on: who sent it, to whom, and what its headers say. */
export interface InboundHeaders extends InboundFacts {
  /** To and Cc addresses, lower-cased. */
  readonly recipients: readonly string[];
}

/** Headers end at the first empty line; nothing after it (text, attachments) is ever needed. */
const HEADER_END = /\r?\n\r?\n/;

/**
 * Parses the header section of a raw MIME message with mailparser: encoded words, folded
 * lines and address lists are its business, not a regular expression's. Only the headers are
 * parsed, so a 40 MB message costs what a short one does. Loaded through mime.lazy.ts, on the
 * first mail: mailparser with its charset tables is 1.1 MB, which every cold start would parse.
 */
export async function parseInboundHeaders(raw: Buffer): Promise<InboundHeaders> {
  const text = raw.toString('latin1');
  const end = HEADER_END.exec(text);
  const section = end ? raw.subarray(0, end.index + end[0].length) : raw;
  const parsed = await simpleParser(section, {
    skipHtmlToText: true,
    skipTextToHtml: true,
    skipImageLinks: true,
    skipTextLinks: true,
  });
  const headers: Record<string, string> = {};
  for (const { key, line } of parsed.headerLines) {
    // The raw line, unfolded, after its name: exact enough for tokens like `no` or `<>`.
    headers[key] ??= line
      .slice(line.indexOf(':') + 1)
      .replace(/\r?\n[ \t]+/g, ' ')
      .trim();
  }
  const from = addressesOf(parsed.from)[0];
  return {
    ...(from ? { from } : {}),
    headers,
    recipients: [...addressesOf(parsed.to), ...addressesOf(parsed.cc)],
  };
}

function addressesOf(header: AddressObject | AddressObject[] | undefined): string[] {
  const objects = header === undefined ? [] : Array.isArray(header) ? header : [header];
  return objects.flatMap((object) =>
    object.value
      .flatMap((entry) => [entry, ...(entry.group ?? [])])
      .flatMap((entry) => (entry.address ? [entry.address.toLowerCase()] : [])),
  );
}
