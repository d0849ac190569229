/**
 * The demo logins created in the local Cognito stand-in (and usable by e2e tests and the benchmark).
 * They exist only locally; nothing here is deployed.
 */

import type { Language, Group as UserGroup } from '../../contracts/vocabulary';

/** A citizen with an account has no group; every staff role has the group of its name. */
export type DemoRole = 'citizen' | UserGroup;

export type { UserGroup };

export interface DemoUser {
  role: DemoRole;
  /** Also the sign-in name: the local pool, like the deployed one, signs in by email. */
  email: string;
  password: string;
  /** Display name, stored as the standard `name` attribute. */
  name: string;
  locale: Language;
  groups: readonly UserGroup[];
}

/**
 * One shared, deliberately obvious password, so anyone trying the app can switch roles. It still
 * satisfies a strong policy (length >= 12, upper, lower, digit, symbol), so provisioning does not
 * depend on the local pool's policy being lax.
 */
export const DEMO_PASSWORD = 'Finestreta-Demo-2026!';

export const DEMO_EMAIL_DOMAIN = 'finestreta.local';

const demo = (role: DemoRole, name: string, locale: Language, login: string = role): DemoUser => ({
  role,
  email: `${login}@${DEMO_EMAIL_DOMAIN}`,
  password: DEMO_PASSWORD,
  name,
  locale,
  groups: role === 'citizen' ? [] : [role],
});

export const DEMO_USERS: readonly DemoUser[] = [
  demo('citizen', 'Núria Puig i Ferrer', 'ca'),
  demo('agent', 'Jordi Vidal Soler', 'ca'),
  demo('supervisor', 'Montserrat Roca Casals', 'ca'),
  demo('admin', 'Pere Serra Bosch', 'en'),
  demo('reviewer', 'Carmen López Martín', 'es'),
  demo('operator', 'Arnau Font Mas', 'ca'),
  demo('department', 'Laia Costa Riera', 'ca'),
  // More staff, so every organisation has someone to route to (the first of each role above is
  // the one tests and the benchmark sign in as).
  demo('agent', 'Marta Pons Vila', 'es', 'agent2'),
  demo('agent', 'Joan Riera Camps', 'ca', 'agent.salut'),
  demo('agent', 'Elena Sala Prat', 'es', 'agent.hestia'),
  demo('agent', 'Laura Gil Serra', 'ca', 'agent2.hestia'),
  demo('agent', 'Aran Vidal Boya', 'oc', 'agent.gencat'),
  demo('agent', 'Queralt Mir Font', 'ca', 'agent.oac360'),
  demo('agent', 'Xavier Pujol Rius', 'ca', 'tech.oac360'),
  demo('supervisor', 'Rosa Bosch Coll', 'ca', 'supervisor.oac360'),
  demo('supervisor', 'Neus Arnau Peiró', 'oc', 'supervisor.hestia'),
  demo('supervisor', 'Mercè Vila Sunyer', 'ca', 'supervisor.gencat'),
];

export const demoUser = (role: DemoRole): DemoUser => {
  const user = DEMO_USERS.find((candidate) => candidate.role === role);
  if (!user) throw new Error(`No demo user for role ${role}`);
  return user;
};
