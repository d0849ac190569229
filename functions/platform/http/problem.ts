import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { PROBLEM_KINDS, type Problem, type ProblemKind, problemType } from '../../../contracts/problems';
import type { Language } from '../../../contracts/vocabulary';
import { DomainError, type FieldIssue, ValidationFailed } from '../kernel/errors';

/** The localized title of each problem kind; the status comes from the contract. */
const TITLES: Record<ProblemKind, Record<Language, string>> = {
  validation: {
    ca: 'La petició no és vàlida',
    es: 'La petición no es válida',
    oc: 'Era demanda non ei valida',
    en: 'The request is not valid',
  },
  unauthorized: {
    ca: 'Cal iniciar la sessió',
    es: 'Hay que iniciar sesión',
    oc: 'Cau dintrar',
    en: 'Sign-in required',
  },
  forbidden: { ca: 'Accés denegat', es: 'Acceso denegado', oc: 'Accès refusat', en: 'Access denied' },
  not_found: { ca: 'No s’ha trobat', es: 'No encontrado', oc: 'Non s’a trobat', en: 'Not found' },
  conflict: {
    ca: 'Algú altre ho ha modificat abans',
    es: 'Otra persona lo ha modificado antes',
    oc: 'Un aute ac a modificat abans',
    en: 'Someone else changed it first',
  },
  invalid_transition: {
    ca: 'Aquesta acció no és possible ara',
    es: 'Esta acción no es posible ahora',
    oc: 'Aguesta accion non ei possibla ara',
    en: 'This action is not possible now',
  },
  payload_too_large: {
    ca: 'La petició és massa gran',
    es: 'La petición es demasiado grande',
    oc: 'Era demanda ei massa grana',
    en: 'The request is too large',
  },
  unsupported_media_type: {
    ca: 'Tipus de contingut no admès',
    es: 'Tipo de contenido no admitido',
    oc: 'Tipe de contengut non admetut',
    en: 'Unsupported content type',
  },
  throttled: { ca: 'Massa peticions', es: 'Demasiadas peticiones', oc: 'Massa demandes', en: 'Too many requests' },
  internal: { ca: 'Error intern', es: 'Error interno', oc: 'Error intèrna', en: 'Internal error' },
};

/** Powertools idempotency errors, matched by name so this module does not load that library. */
const IDEMPOTENCY_CONFLICTS: Record<string, string> = {
  IdempotencyValidationError: 'This Idempotency-Key was already used for a different request.',
  IdempotencyAlreadyInProgressError: 'A request with this Idempotency-Key is still being processed.',
};

function problemFor(kind: ProblemKind, language: Language, detail?: string, errors?: readonly FieldIssue[]): Problem {
  return {
    type: problemType(kind),
    title: TITLES[kind][language],
    status: PROBLEM_KINDS[kind],
    ...(detail ? { detail } : {}),
    ...(errors && errors.length > 0 ? { errors: [...errors] } : {}),
  };
}

/** Turns any thrown value into a problem; unknown errors never leak their message. */
export function problemFromError(error: unknown, language: Language): Problem {
  if (error instanceof ValidationFailed) return problemFor('validation', language, error.message, error.issues);
  if (error instanceof DomainError) return problemFor(error.kind, language, error.message || undefined);
  const idempotency = error instanceof Error ? IDEMPOTENCY_CONFLICTS[error.name] : undefined;
  if (idempotency) return problemFor('conflict', language, idempotency);
  return problemFor('internal', language);
}

export function problemResponse(
  problem: Problem,
  headers: Record<string, string> = {},
): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: problem.status,
    headers: { 'content-type': 'application/problem+json', ...headers },
    body: JSON.stringify(problem),
  };
}
