import fc from 'fast-check';
import {
  brokenCursor,
  encode,
  MALFORMED_ENCODINGS,
  mutation,
  nastyHeader,
  nastyText,
  nastyValue,
  numericString,
  POLLUTING_KEYS,
  plainText,
  tamperedCursor,
} from './hostile';

/**
 * Request generators derived from the OpenAPI document the API serves: each operation's path,
 * query and header parameters and JSON body schema give nearly valid values (enriched with data
 * that exists, so requests reach the domain), and every part can turn hostile instead.
 */

export interface Schema {
  readonly $ref?: string;
  readonly type?: string;
  readonly enum?: readonly unknown[];
  readonly format?: string;
  readonly pattern?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: unknown;
  readonly items?: Schema;
}

interface Parameter {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header';
  readonly required: boolean;
  readonly schema: Schema;
}

export interface Operation {
  readonly responses: Readonly<Record<string, unknown>>;
  readonly parameters?: readonly Parameter[];
  readonly requestBody?: { readonly content: Readonly<Record<string, { readonly schema: Schema }>> };
}

export interface OpenApiDocument {
  readonly paths: Readonly<Record<string, Readonly<Record<string, Operation>>>>;
  readonly components: { readonly schemas: Readonly<Record<string, Schema>> };
}

/**
 * The statuses API Gateway answers itself with `{ "message" }`: those the document declares
 * with its GatewayError schema, and 404 for routes it does not have (no document lists those).
 */
export function gatewayStatuses(document: OpenApiDocument): ReadonlySet<number> {
  const statuses = new Set([404]);
  for (const operations of Object.values(document.paths)) {
    for (const operation of Object.values(operations)) {
      for (const [status, response] of Object.entries(operation.responses)) {
        if (JSON.stringify(response).includes('#/components/schemas/GatewayError')) statuses.add(Number(status));
      }
    }
  }
  return statuses;
}

/** A topic's form as GET /topics serves it. */
export interface TopicForm {
  readonly id: string;
  readonly organisationId: string | null;
  readonly ticketTypes: readonly string[];
  readonly fileable: boolean;
  readonly form: {
    readonly fields: readonly {
      readonly name: string;
      readonly type: string;
      readonly required: boolean;
      readonly options?: readonly { readonly value: string }[];
    }[];
  };
}

/** What exists in the running system, so that generated values sometimes hit it. */
export interface Known {
  readonly topics: readonly TopicForm[];
  readonly ticketIds: readonly string[];
  readonly teamIds: readonly string[];
  /** The organisation of the tickets above: its topics and teams are the ones staff may move them to. */
  readonly organisation: { readonly topicIds: readonly string[]; readonly teamIds: readonly string[] };
  readonly staffIds: readonly string[];
  readonly emailDomains: readonly string[];
  /** `nextCursor` of a real page of the citizen's tickets. */
  readonly cursor: string;
  /** The guest ticket's access token, from its mail. */
  readonly guestToken: string;
}

/** A generated request, before it is put on the wire (client.ts). */
export interface FuzzRequest {
  readonly caller: string;
  /** Path parameters, already percent-encoded (or mis-encoded). */
  readonly params: Readonly<Record<string, string>>;
  /** Query pairs, already encoded. */
  readonly query: readonly (readonly [string, string])[];
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: { readonly contentType?: string; readonly json?: unknown; readonly raw?: string | Uint8Array };
}

const weighted = <T>(...pairs: [number, fc.Arbitrary<T>][]) =>
  fc.oneof(...pairs.map(([weight, arbitrary]) => ({ weight, arbitrary })));

const hintsOf = new WeakMap<Known, Record<string, fc.Arbitrary<unknown>>>();
const hints = (known: Known) => hintsOf.get(known) ?? hintsOf.set(known, hintsFor(known)).get(known) ?? {};

/** Values that exist or are well-formed for parameters and properties of these names. */
function hintsFor(known: Known): Record<string, fc.Arbitrary<unknown>> {
  const ticketId = weighted<string>(
    [4, fc.constantFrom(...known.ticketIds)],
    [1, fc.uuid()],
    [1, fc.constantFrom('00000000-0000-0000-0000-000000000000', ...known.ticketIds.map((id) => id.toUpperCase()))],
  );
  const organisations = [...new Set(known.topics.flatMap((topic) => topic.organisationId ?? []))];
  const token = known.guestToken;
  return {
    ticketId,
    topicId: weighted<string>(
      [1, fc.constantFrom(...known.organisation.topicIds)],
      [1, fc.constantFrom(...known.topics.map((topic) => topic.id))],
    ),
    organisationId: fc.constantFrom(...organisations),
    teamId: weighted<string>(
      [2, fc.constantFrom(...known.organisation.teamIds)],
      [1, fc.constantFrom(...known.teamIds)],
    ),
    assigneeId: fc.constantFrom(...known.staffIds),
    cursor: weighted<string>([2, fc.constant(known.cursor)], [3, tamperedCursor(known.cursor)], [2, brokenCursor]),
    limit: weighted<unknown>([3, fc.integer({ min: 1, max: 100 })], [1, fc.integer()], [1, numericString]),
    email: fc.constantFrom('guest.fuzz@example.org', 'Anna.Puig+fuzz@Example.CAT', 'x@x.example.com'),
    'If-Match': fc
      .oneof(fc.constantFrom(1, 2), fc.integer({ min: 1, max: 8 }))
      .chain((version) => fc.constantFrom(`"${version}"`, `W/"${version}"`, String(version))),
    'Idempotency-Key': weighted<string>([2, fc.constantFrom('fuzz-key-1', 'fuzz-key-2')], [1, fc.uuid()]),
    'X-Ticket-Token': weighted<string>(
      [3, fc.constant(token)],
      [
        1,
        fc.nat(token.length - 1).map((i) => `${token.slice(0, i)}${token[i] === 'A' ? 'B' : 'A'}${token.slice(i + 1)}`),
      ],
      [1, fc.constantFrom(token.slice(1), `${token}=`, token.toUpperCase(), 'x'.repeat(257))],
    ),
  };
}

/** Answers to a topic's form, typed by each field's type; optional fields sometimes left out. */
function formAnswers(topic: TopicForm, known: Known): fc.Arbitrary<Record<string, unknown>> {
  const answer = (field: TopicForm['form']['fields'][number]): fc.Arbitrary<unknown> => {
    const options = (field.options ?? []).map((option) => option.value);
    switch (field.type) {
      case 'email':
        return fc.constantFrom('anna@example.org');
      case 'corporate_email':
        return fc.constantFrom(...known.emailDomains.map((domain) => `anna.puig@${domain}`));
      case 'national_id':
        return fc.constantFrom('12345678Z', '00000000T', 'X1234567L');
      case 'phone':
        return fc.constantFrom('612345678', '+34 977 00 00 00');
      case 'select':
        return options.length ? fc.constantFrom(...options) : fc.constant('');
      case 'multiselect':
        return options.length ? fc.subarray(options, { minLength: 1 }) : fc.constant([]);
      case 'checkbox':
        return field.required ? fc.constant(true) : fc.boolean();
      case 'date':
        return fc.constantFrom('2026-03-15', '2025-12-31');
      case 'number':
        return fc.constantFrom(1, 5, 2026);
      default:
        return plainText(1, 60);
    }
  };
  const fields = topic.form.fields;
  return fc.record(Object.fromEntries(fields.map((field) => [field.name, answer(field)])), {
    requiredKeys: fields.filter((field) => field.required).map((field) => field.name),
  });
}

/** A valid-looking value of the schema, with hints for names that refer to things that exist. */
export function validValue(
  document: OpenApiDocument,
  known: Known,
  schema: Schema,
  name?: string,
): fc.Arbitrary<unknown> {
  const hint = name === undefined ? undefined : hints(known)[name];
  if (hint) return hint;
  if (schema.$ref) {
    const resolved = document.components.schemas[schema.$ref.replace('#/components/schemas/', '')];
    if (!resolved) throw new Error(`Unresolved ${schema.$ref}`);
    return validValue(document, known, resolved);
  }
  if (schema.enum) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'string': {
      if (schema.format === 'uuid') return fc.uuid();
      if (schema.format === 'date') return fc.constantFrom('2026-03-15', '2024-02-29');
      if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
      const min = schema.minLength ?? 0;
      const max = schema.maxLength ?? 200;
      return weighted<string>(
        [8, plainText(min, Math.min(max, min + 60))],
        [1, fc.constantFrom(min - 1, max, max + 1).map((length) => 'a'.repeat(Math.max(length, 0)))],
      );
    }
    case 'number':
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -5, max: schema.maximum ?? 150 });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(validValue(document, known, schema.items ?? {}), { maxLength: 3 });
    case 'object':
      return validObject(document, known, schema);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function validObject(document: OpenApiDocument, known: Known, schema: Schema): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  if (Object.keys(properties).length === 0) {
    return fc.dictionary(plainText(1, 12), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 });
  }
  const requiredKeys = [...(schema.required ?? [])];
  const record = (overrides: Record<string, fc.Arbitrary<unknown>>, omitted: readonly string[] = []) =>
    fc.record(
      Object.fromEntries(
        Object.entries(properties)
          .filter(([key]) => !omitted.includes(key))
          .map(([key, property]) => [key, overrides[key] ?? validValue(document, known, property, key)]),
      ),
      { requiredKeys },
    );
  // A ticket's type and form answers depend on its topic, and only a call-back has `callback`.
  const fileable = known.topics.filter((topic) => topic.fileable);
  if (properties.topicId && properties.type && properties.fields && fileable.length > 0) {
    return fc
      .constantFrom(...fileable)
      .chain((topic) => fc.tuple(fc.constant(topic), fc.constantFrom(...topic.ticketTypes)))
      .chain(([topic, type]) =>
        record(
          { topicId: fc.constant(topic.id), type: fc.constant(type), fields: formAnswers(topic, known) },
          type === 'callback' ? [] : ['callback'],
        ),
      );
  }
  return record({});
}

/** Valid half the time, otherwise with one or two hostile changes somewhere inside. */
const nearlyValid = (valid: fc.Arbitrary<unknown>) =>
  weighted<unknown>([4, valid], [3, valid.chain(mutation)], [1, valid.chain(mutation).chain(mutation)]);

const CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/json; charset=utf-16',
  'application/jsonx',
  'application/vnd.api+json',
  'APPLICATION/JSON',
  'multipart/form-data; boundary=x',
  'application/xml',
  '*/*',
  '',
];

const NON_JSON_BODIES = [
  'subject=hello&type=incident',
  '<ticket/>',
  '{',
  '{"subject":',
  "{'a':1}",
  '\ufeff{}',
  'null',
  '"text"',
  '123',
  '[]',
  `${'['.repeat(30_000)}${']'.repeat(30_000)}`,
  `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`,
];

const body = (valid: fc.Arbitrary<unknown> | undefined): fc.Arbitrary<FuzzRequest['body']> => {
  const garbage = weighted<NonNullable<FuzzRequest['body']>>(
    [2, fc.record({ contentType: fc.constant('application/json'), raw: fc.constantFrom(...NON_JSON_BODIES) })],
    [1, fc.record({ contentType: fc.constantFrom(...CONTENT_TYPES), raw: fc.uint8Array({ maxLength: 64 }) })],
    [1, fc.record({ contentType: fc.constant('application/json'), json: nastyValue })],
  );
  if (!valid) return weighted<FuzzRequest['body']>([8, fc.constant(undefined)], [1, garbage]);
  return weighted<FuzzRequest['body']>(
    [10, fc.record({ contentType: fc.constant('application/json'), json: nearlyValid(valid) })],
    [1, fc.record({ contentType: fc.constantFrom(...CONTENT_TYPES), json: valid }, { requiredKeys: ['json'] })],
    [2, garbage],
    [1, fc.constant(undefined)],
  );
};

/**
 * Text for a URL, at most 200 characters before encoding: long values go in bodies, since a
 * URL over the gateway's limits never reaches a function (Node answers 431 and hangs up).
 */
const inUrl = (value: unknown) => encode(String(value).slice(0, 200));

/** A path segment or query value: usually the schema's, sometimes hostile text, sometimes mis-encoded. */
const urlPart = (valid: fc.Arbitrary<unknown>) =>
  weighted<string>(
    [10, valid.map(inUrl)],
    [2, fc.oneof(nastyText, numericString).map(inUrl)],
    [1, fc.constantFrom(...MALFORMED_ENCODINGS)],
    [1, fc.tuple(valid, fc.constantFrom(...MALFORMED_ENCODINGS)).map(([value, bad]) => `${inUrl(value)}${bad}`)],
  );

const ACCEPT_LANGUAGES = ['ca', 'es', 'oc', 'en', 'oc-aranes', 'arn', 'en;q=0.5, es;q=0.9', '*', 'fr-CA, xx;q=2'];
/** Tags (read in lower case) that name properties every object has: a plain-object lookup table finds them. */
const PROTOTYPE_TAGS = ['__proto__', 'constructor', 'constructor;q=0.9, en;q=0.1', 'xx, __proto__-x'];

/** Every request the operation could be sent, from (nearly) valid to hostile in each part. */
export function requestsFor(
  document: OpenApiDocument,
  known: Known,
  operation: Operation,
  callers: fc.Arbitrary<string>,
): fc.Arbitrary<FuzzRequest> {
  const parameters = operation.parameters ?? [];
  const valid = (parameter: Parameter) => validValue(document, known, parameter.schema, parameter.name);
  const params = fc.record(
    Object.fromEntries(parameters.filter((p) => p.in === 'path').map((p) => [p.name, urlPart(valid(p))])),
  );
  const knownPairs = parameters
    .filter((p) => p.in === 'query')
    .map((p) => fc.option(fc.tuple(fc.constant(p.name), urlPart(valid(p))), { nil: undefined, freq: 1 }));
  const extraPairs = fc.array(
    fc.tuple(
      fc.oneof(fc.constantFrom(...POLLUTING_KEYS, 'status[]', 'limit', 'cursor', ''), nastyText.map(inUrl)),
      fc.oneof(numericString, nastyText).map(inUrl),
    ),
    { maxLength: 2 },
  );
  const query = fc
    .tuple(fc.tuple(...knownPairs), weighted<(readonly [string, string])[]>([4, fc.constant([])], [1, extraPairs]))
    .map(([pairs, extra]) => [...pairs.filter((pair) => pair !== undefined), ...extra]);
  const headers = fc.record(
    {
      ...Object.fromEntries(
        parameters
          .filter((p) => p.in === 'header')
          .map((p) => [p.name.toLowerCase(), weighted([4, valid(p).map(String)], [1, nastyHeader])]),
      ),
      'accept-language': weighted(
        [6, fc.constantFrom(...ACCEPT_LANGUAGES)],
        [1, fc.constantFrom(...PROTOTYPE_TAGS)],
        [2, nastyHeader],
      ),
    },
    { requiredKeys: [] },
  );
  const schema = operation.requestBody?.content['application/json']?.schema;
  return fc.record({
    caller: callers,
    params,
    query,
    headers,
    body: body(schema && validValue(document, known, schema)),
  });
}
