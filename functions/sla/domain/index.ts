/** The SLA feature's domain: business calendars, policies and each ticket's response-time clock. */
export * from './calendar';
export * from './clock';
export * from './policy';
