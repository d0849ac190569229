/** The SLA feature's domain: business calendars, policies and each ticket's response-time clock. */

export * from './alerts';
export * from './calendar';
export * from './clock';
export * from './policy';
