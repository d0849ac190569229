/**
 * Screens by address. Each `import()` is its own chunk (see the budget in the README): the
 * first load carries the layout, the router, the API client and the messages, nothing more.
 */
import type { Route } from './router';

const formRequests = () => import('./screens/form-requests/FormRequests');

export const ROUTES: Route[] = [
  { pattern: '/', load: () => import('./screens/NewTicket') },
  { pattern: '/new', load: () => import('./screens/NewTicket') },
  { pattern: '/new/sent', load: () => import('./screens/Filed') },
  { pattern: '/sign-in', load: () => import('./screens/SignIn') },
  { pattern: '/tickets', load: () => import('./screens/MyTickets') },
  { pattern: '/tickets/:id', load: () => import('./screens/TicketScreen') },
  { pattern: '/public/tickets/:id', load: () => import('./screens/GuestTicket') },
  { pattern: '/satisfaction/:token', load: () => import('./screens/RatingLink') },
  { pattern: '/register', load: () => import('./screens/account/Register') },
  { pattern: '/register/confirm', load: () => import('./screens/account/Register') },
  { pattern: '/forgot-password', load: () => import('./screens/account/ResetPassword') },
  { pattern: '/forgot-password/confirm', load: () => import('./screens/account/ResetPassword') },
  // Staff: the desk (agents and supervisors), the indicators and the administration.
  { pattern: '/desk', load: () => import('./screens/desk/Queues') },
  { pattern: '/desk/new', load: () => import('./screens/NewTicket') },
  { pattern: '/desk/tickets/:id', load: () => import('./screens/desk/WorkView') },
  { pattern: '/reports', load: () => import('./screens/reports/Monthly') },
  { pattern: '/admin', load: () => import('./screens/admin/Admin') },
  { pattern: '/admin/:section', load: () => import('./screens/admin/Admin') },
  { pattern: '/admin/:section/:id', load: () => import('./screens/admin/Admin') },
  // Form requests (departments, the directorate, the technical office): one chunk; `:id` may be `new`.
  { pattern: '/form-requests', load: formRequests },
  { pattern: '/form-requests/:id', load: formRequests },
];

export const NOT_FOUND: Route = { pattern: '*', load: () => import('./screens/NotFound') };
