import type { RouteSpec } from '../http';
import { UpdateMe } from '../me';

/** The caller's own profile. */
export const ME_ROUTES = [
  {
    method: 'GET',
    path: '/me',
    auth: 'jwt',
    operationId: 'getMe',
    summary: 'Who the API takes you for: profile, groups and, for staff, where they work',
    tags: ['Me'],
  },
  {
    method: 'PATCH',
    path: '/me',
    auth: 'jwt',
    operationId: 'updateMe',
    summary: 'Change your name or the language of your mails',
    tags: ['Me'],
    request: { body: UpdateMe },
  },
] as const satisfies readonly RouteSpec[];
