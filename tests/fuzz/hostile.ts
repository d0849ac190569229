import fc from 'fast-check';

/**
 * Building blocks of hostile input: the characters, numbers, shapes and encodings that break
 * naive parsing, storage, logging or rendering.
 */

/** NUL, BEL, BS, ESC, DEL and C1 controls (NEL, CSI, APC). */
const CONTROLS = ['\u0000', '\u0007', '\u0008', '\u001b', '\u007f', '\u0085', '\u009b', '\u009f'];
/** Bidi overrides, isolates and marks. */
const BIDI = ['\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200f'];
/** Lone surrogates, a combining accent (NFD), a zero-width space, a BOM, a non-character. */
const ODD = ['\ud800', '\udfff', '\u0301', '\u200b', '\ufeff', '\uffff'];
/** Separators and escapes of URLs, JSON, table keys and log lines. */
const SYNTAX = ['\n', '\r', '\t', '"', '\\', '#', '/', '%', '?', '&', '.'];
export const NASTY_CHARS = [...CONTROLS, ...BIDI, ...ODD, ...SYNTAX];

const FRIENDLY_CHARS = [...'abcdefghijklmnopqrstuvwxyz ABCXYZ 0123456789 àéíòúçñl·l-_.,'];

/** Ordinary text with the odd hostile character in it: gets past type checks and into the domain. */
export const plainText = (minLength = 0, maxLength = 40) =>
  fc.string({
    unit: fc.oneof(
      { weight: 200, arbitrary: fc.constantFrom(...FRIENDLY_CHARS) },
      { weight: 1, arbitrary: fc.constantFrom(...NASTY_CHARS) },
    ),
    minLength,
    maxLength,
  });

const NASTY_TEXTS = [
  '',
  ' ',
  '\u0000',
  '\u001b[2J\u001b[31mred',
  '\u001b]8;;https://example.org\u0007link\u001b]8;;\u0007',
  'invoice\u202efdp.exe',
  '\u2066admin\u2069',
  '\ud800',
  'x\udc00y',
  'Cafe\u0301',
  'A\u030a',
  'İ',
  '𝕏👩🏽‍💻',
  '\u0085\u009b',
  '../../etc/passwd',
  '%00',
  '%E0%A4%A',
  '$' + '{jndi:ldap://x/a}',
  "' OR '1'='1",
  '<script>alert(1)</script>',
  '__proto__',
  'constructor',
  'TICKET#x',
  '#TICKET',
  'null',
  'NaN',
  '-0',
  '1e309',
];

/** Long strings around common limits (text fields, keys, the 64 KiB body limit). */
export const longText = fc
  .constantFrom(101, 256, 1025, 2049, 10_001, 70_000)
  .chain((length) => fc.constantFrom('x', 'é', '\u202e', '\u0000').map((c) => c.repeat(length)));

export const nastyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_TEXTS) },
  { weight: 3, arbitrary: fc.string({ unit: fc.constantFrom(...NASTY_CHARS, 'a', ' '), maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: longText },
);

export const nastyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -0, -1, 1.5, 1e308, -1e308, 2 ** 31, 2 ** 53 + 2, 1e-7, Number.NaN, Number.POSITIVE_INFINITY),
  fc.integer(),
  fc.double(),
);

/** Strings a lenient `Number()` or `parseInt` reads differently from a strict parser. */
export const numericString = fc.constantFrom(
  '0',
  '-1',
  '1.5',
  '1e3',
  '1e309',
  '-0',
  'NaN',
  'Infinity',
  '0x10',
  '0b1',
  '1_000',
  ' 7 ',
  '7abc',
  '٣',
  '１',
  '00001',
  '+5',
  '9'.repeat(400),
);

/** A JSON value nested `depth` deep, objects or arrays. */
const nested = (depth: number, array: boolean): unknown => {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = array ? [value] : { a: value };
  return value;
};
const deep = fc.tuple(fc.constantFrom(33, 500, 3000), fc.boolean()).map(([depth, array]) => nested(depth, array));

/** An object with own `__proto__`/`constructor`/`prototype` properties, as JSON.parse makes them. */
export const withOwn = (target: object, key: string, value: unknown) =>
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });

export const POLLUTING_KEYS = ['__proto__', 'constructor', 'prototype'];
const polluting = fc
  .constantFrom(...POLLUTING_KEYS)
  .map((key) => withOwn({}, key, key === '__proto__' ? { admin: true, status: 'closed' } : { prototype: { x: 1 } }));

/** Anything but what the schema wants: wrong types, odd numbers, hostile text, deep or polluting shapes. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: nastyText },
  { weight: 2, arbitrary: nastyNumber },
  { weight: 1, arbitrary: numericString },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}, [1, 'a'], [[[]]], { '': '' }) },
  { weight: 1, arbitrary: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }) },
  { weight: 1, arbitrary: deep },
  { weight: 1, arbitrary: polluting },
);

/**
 * One hostile change to a (nearly) valid value: a property replaced, removed or added (possibly
 * `__proto__`), an element swapped, or the whole value replaced; recursive into nested values.
 */
export function mutation(value: unknown): fc.Arbitrary<unknown> {
  if (Array.isArray(value)) {
    if (value.length === 0) return fc.oneof(nastyValue, fc.array(nastyValue, { minLength: 1, maxLength: 2 }));
    return fc.oneof(
      nastyValue,
      fc.nat(value.length - 1).chain((i) => mutation(value[i]).map((v) => value.map((old, j) => (j === i ? v : old)))),
    );
  }
  if (value === null || typeof value !== 'object') return nastyValue;
  const keys = Object.keys(value);
  const record = value as Record<string, unknown>;
  const set = (key: string, v: unknown) => withOwn({ ...record }, key, v);
  return fc.oneof(
    { weight: 1, arbitrary: nastyValue },
    {
      weight: 3,
      arbitrary: keys.length
        ? fc.constantFrom(...keys).chain((key) => mutation(record[key]).map((v) => set(key, v)))
        : nastyValue.map((v) => set('x', v)),
    },
    {
      weight: 1,
      arbitrary: keys.length
        ? fc.constantFrom(...keys).map((key) => Object.fromEntries(Object.entries(record).filter(([k]) => k !== key)))
        : fc.constant({}),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.oneof(fc.constantFrom(...POLLUTING_KEYS, 'admin', 'status', 'requesterId', ''), nastyText),
          nastyValue,
        )
        .map(([key, v]) => set(key, v)),
    },
  );
}

/**
 * Values `node:http` accepts in a header: tab, printable ASCII and the 0x80–0xFF bytes (C1
 * included); at most 1,000 of them, so all headers together stay under API Gateway's 10 KB.
 */
export const asHeaderValue = (text: string) =>
  Buffer.from(text, 'utf8')
    .toString('latin1')
    .replace(/[^\t\x20-\x7e\x80-\xff]/g, '')
    .slice(0, 1000);

export const nastyHeader: fc.Arbitrary<string> = fc.oneof(
  nastyText.map(asHeaderValue),
  fc.string({ unit: fc.constantFrom('\t', ' ', 'a', '"', 'W/', ',', ';', '=', '*', '\x80', '\x85', '\x9b', '\xff') }),
  fc.constantFrom('', '*', 'null', '-1', '"-1"', 'W/', '""', '"NaN"', '"1.5"', '"1e400"', '"0x10"', 'W/"W/"1""'),
);

/** `encodeURIComponent` that never throws: lone surrogates become U+FFFD first. */
export const encode = (text: string) =>
  [...Buffer.from(text, 'utf8')]
    .map((byte) =>
      /[A-Za-z0-9\-_.!~*'()]/.test(String.fromCharCode(byte))
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');

/** Path segments and query values as no client should send them: malformed percent-encoding and raw bytes. */
export const MALFORMED_ENCODINGS = [
  '%',
  '%ZZ',
  '%E0%A4%A',
  '%C0%AF',
  '%ED%A0%80',
  '%FF',
  '%00',
  '%2F',
  '%2e%2e',
  '..',
  '\xff',
  ';x=1',
  '%25',
];

/** Base64url cursors: undecodable, decodable to the wrong JSON, over the length limit. */
export const brokenCursor: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', '=', '====', 'not-a-cursor', '%%%', 'e30', 'bnVsbA', 'W10', 'MQ', '\u0000', 'x'.repeat(2049)),
  fc.jsonValue({ maxDepth: 3 }).map((value) => Buffer.from(JSON.stringify(value) ?? '').toString('base64url')),
  // A bare table key, as unsealed cursors used to be.
  fc.constant(
    Buffer.from(JSON.stringify({ gsi1pk: 'REQUESTER#x', gsi1sk: 'x', pk: 'x', sk: 'x' })).toString('base64url'),
  ),
  nastyText,
);

/**
 * A real (sealed, opaque) cursor tampered with: a byte flipped, cut short, padded, doubled or
 * re-encoded as standard base64.
 */
export const tamperedCursor = (cursor: string): fc.Arbitrary<string> => {
  const bytes = Buffer.from(cursor, 'base64url');
  return fc.oneof(
    fc.tuple(fc.nat(bytes.length - 1), fc.integer({ min: 1, max: 255 })).map(([at, mask]) => {
      const flipped = Buffer.from(bytes);
      flipped[at] = (flipped[at] ?? 0) ^ mask;
      return flipped.toString('base64url');
    }),
    fc.nat(cursor.length - 1).map((length) => cursor.slice(0, length)),
    fc.constantFrom(`${cursor}A`, `${cursor}==`, cursor + cursor, cursor.replaceAll('-', '+').replaceAll('_', '/')),
  );
};
