import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { DomainError, type DomainErrorKind, type FieldIssue, ValidationFailed } from '../domain/errors';
import type { Language } from './language';

/** RFC 9457 problem details, as every error leaves the API. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly errors?: readonly FieldIssue[];
}

type ProblemKind = DomainErrorKind | 'internal' | 'throttled';

interface ProblemEntry {
  readonly status: number;
  readonly title: Record<Language, string>;
}

/** The one mapping from error kind to HTTP status and localized title. */
const PROBLEMS: Record<ProblemKind, ProblemEntry> = {
  validation: {
    status: 400,
    title: {
      ca: 'La petició no és vàlida',
      es: 'La petición no es válida',
      oc: 'Era demanda non ei valida',
      en: 'The request is not valid',
    },
  },
  unauthorized: {
    status: 401,
    title: { ca: 'Cal iniciar la sessió', es: 'Hay que iniciar sesión', oc: 'Cau dintrar', en: 'Sign-in required' },
  },
  forbidden: {
    status: 403,
    title: { ca: 'Accés denegat', es: 'Acceso denegado', oc: 'Accès refusat', en: 'Access denied' },
  },
  not_found: {
    status: 404,
    title: { ca: 'No s’ha trobat', es: 'No encontrado', oc: 'Non s’a trobat', en: 'Not found' },
  },
  conflict: {
    status: 409,
    title: {
      ca: 'Algú altre ho ha modificat abans',
      es: 'Otra persona lo ha modificado antes',
      oc: 'Un aute ac a modificat abans',
      en: 'Someone else changed it first',
    },
  },
  invalid_transition: {
    status: 409,
    title: {
      ca: 'Aquesta acció no és possible ara',
      es: 'Esta acción no es posible ahora',
      oc: 'Aguesta accion non ei possibla ara',
      en: 'This action is not possible now',
    },
  },
  payload_too_large: {
    status: 413,
    title: {
      ca: 'La petició és massa gran',
      es: 'La petición es demasiado grande',
      oc: 'Era demanda ei massa grana',
      en: 'The request is too large',
    },
  },
  unsupported_media_type: {
    status: 415,
    title: {
      ca: 'Tipus de contingut no admès',
      es: 'Tipo de contenido no admitido',
      oc: 'Tipe de contengut non admetut',
      en: 'Unsupported content type',
    },
  },
  throttled: {
    status: 429,
    title: {
      ca: 'Massa peticions',
      es: 'Demasiadas peticiones',
      oc: 'Massa demandes',
      en: 'Too many requests',
    },
  },
  internal: {
    status: 500,
    title: {
      ca: 'Error intern',
      es: 'Error interno',
      oc: 'Error intèrna',
      en: 'Internal error',
    },
  },
};

/** Powertools idempotency errors, matched by name so this module does not load that library. */
const IDEMPOTENCY_CONFLICTS: Record<string, string> = {
  IdempotencyValidationError: 'This Idempotency-Key was already used for a different request.',
  IdempotencyAlreadyInProgressError: 'A request with this Idempotency-Key is still being processed.',
};

const TYPE_BASE = 'https://finestreta.dev/problems/';

export function problemFor(
  kind: ProblemKind,
  language: Language,
  detail?: string,
  errors?: readonly FieldIssue[],
): Problem {
  const entry = PROBLEMS[kind];
  return {
    type: `${TYPE_BASE}${kind.replaceAll('_', '-')}`,
    title: entry.title[language],
    status: entry.status,
    ...(detail ? { detail } : {}),
    ...(errors && errors.length > 0 ? { errors } : {}),
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
