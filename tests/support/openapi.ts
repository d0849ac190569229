import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/**
 * Checks a response against the OpenAPI document the API itself serves: the operation of the
 * method and path, the status, the media type and the body's JSON Schema (response objects
 * forbid undocumented properties, so an undocumented field fails), and documented headers.
 */
export interface ResponseCheck {
  readonly method: string;
  /** Path without the query string. */
  readonly path: string;
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

type Document = { paths: Record<string, Record<string, Operation>> };
type Operation = {
  responses: Record<string, { content?: Record<string, unknown>; headers?: Record<string, unknown> }>;
};

const DOCUMENT_ID = 'https://finestreta.dev/openapi.json';
const pointer = (...segments: string[]) => segments.map((s) => s.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');

export function responseValidator(document: Document) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema({ ...document, $id: DOCUMENT_ID });
  const routes = Object.keys(document.paths).map((template) => ({
    template,
    pattern: new RegExp(`^${template.replace(/\{[^/]+\}/g, '[^/]+')}$`),
    // Literal paths win over templated ones, as API Gateway routes them.
    specificity: template.split('/').filter((segment) => segment && !segment.startsWith('{')).length,
  }));
  routes.sort((a, b) => b.specificity - a.specificity);
  const compiled = new Map<string, ValidateFunction>();

  /** `GET /tickets/{ticketId}`: the operation a request reaches, as the document names it. */
  const operationOf = (method: string, path: string) => {
    const route = routes.find(
      (candidate) => candidate.pattern.test(path) && document.paths[candidate.template]?.[method.toLowerCase()],
    );
    return route ? `${method.toUpperCase()} ${route.template}` : undefined;
  };

  const check = (check: ResponseCheck): string[] => {
    const method = check.method.toLowerCase();
    const route = routes.find(
      (candidate) => candidate.pattern.test(check.path) && document.paths[candidate.template]?.[method],
    );
    if (!route) return [`${check.method} ${check.path} is not in the OpenAPI document`];
    const operation = document.paths[route.template]?.[method] as Operation;
    const response = operation.responses[String(check.status)] ?? operation.responses.default;
    const where = `${check.method} ${route.template} → ${check.status}`;
    if (!response) return [`${where}: status not documented`];
    const problems: string[] = [];
    for (const header of Object.keys(response.headers ?? {})) {
      if (!check.headers.has(header)) problems.push(`${where}: documented header ${header} missing`);
    }
    if (check.text === '') return response.content ? [...problems, `${where}: documented body missing`] : problems;
    const mediaType = (check.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
    if (!response.content?.[mediaType]) return [...problems, `${where}: media type ${mediaType} not documented`];
    // Text alternatives (a report as CSV) are documented as strings: there is no JSON to check.
    if (!/json$/.test(mediaType)) return problems;
    const key = pointer(
      'paths',
      route.template,
      method,
      'responses',
      String(check.status),
      'content',
      mediaType,
      'schema',
    );
    let validate = compiled.get(key);
    if (!validate) {
      validate = ajv.compile({ $ref: `${DOCUMENT_ID}#/${key}` });
      compiled.set(key, validate);
    }
    if (!validate(JSON.parse(check.text))) {
      problems.push(
        ...(validate.errors ?? []).map(
          (error) => `${where}: ${error.instancePath || '(body)'} ${error.message} ${JSON.stringify(error.params)}`,
        ),
      );
    }
    return problems;
  };
  return { check, operationOf };
}
