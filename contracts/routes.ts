import { type RouteSpec, routeKey } from './http';
import { ADMIN_ROUTES } from './routes/admin';
import { ATTACHMENT_ROUTES } from './routes/attachments';
import { DESK_ROUTES } from './routes/desk';
import { FORM_REQUEST_ROUTES } from './routes/form-requests';
import { GUEST_ROUTES } from './routes/guests';
import { ME_ROUTES } from './routes/me';
import { OPS_ROUTES } from './routes/ops';
import { REPORTS_ROUTES } from './routes/reports';
import { SATISFACTION_ROUTES } from './routes/satisfaction';
import { TICKETS_ROUTES } from './routes/tickets';
import { TOPICS_ROUTES } from './routes/topics';

/**
 * The HTTP API, one entry per route: what the gateway exposes and what each route accepts.
 * Everything else follows from it and from RESPONSES (responses.ts), what each returns: the
 * API Gateway routes CDK creates, each handler's input schemas and reply types, the OpenAPI
 * document, and the portal's client. The entries live by function (routes/*.ts): a Lambda
 * loads its own routes' schemas, not the whole table's, at cold start.
 */
const routes = [
  ...OPS_ROUTES,
  ...ME_ROUTES,
  ...TOPICS_ROUTES,
  ...TICKETS_ROUTES,
  ...ATTACHMENT_ROUTES,
  ...SATISFACTION_ROUTES,
  ...REPORTS_ROUTES,
  ...ADMIN_ROUTES,
  ...DESK_ROUTES,
  ...GUEST_ROUTES,
  ...FORM_REQUEST_ROUTES,
] as const satisfies readonly RouteSpec[];

type Route = (typeof routes)[number];
type KeyOf<R> = R extends { readonly method: infer M extends string; readonly path: infer P extends string }
  ? `${M} ${P}`
  : never;
export type RouteKey = KeyOf<Route>;
type RouteOf<K extends RouteKey> = Extract<
  Route,
  {
    readonly method: K extends `${infer M} ${string}` ? M : never;
    readonly path: K extends `${string} ${infer P}` ? P : never;
  }
>;

/** The route table keyed by route key (`POST /tickets`). */
export const ROUTES = Object.fromEntries(routes.map((route) => [routeKey(route), route])) as {
  readonly [K in RouteKey]: RouteOf<K>;
};

export const ROUTE_KEYS = Object.keys(ROUTES) as readonly RouteKey[];
