import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import type { HttpResult } from './responses';

type RouteHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<HttpResult>;

/**
 * One Lambda per resource family: picks the route's own handler (with its own schemas) by the
 * route key API Gateway sends. A key not listed here is a wiring bug, not a client error.
 */
export function byRoute(handlers: Record<string, RouteHandler>) {
  return (event: APIGatewayProxyEventV2, context: Context): Promise<HttpResult> => {
    const handler = handlers[event.routeKey];
    if (!handler) throw new Error(`No handler for route ${event.routeKey}`);
    return handler(event, context);
  };
}
