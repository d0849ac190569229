import { describe, expect, it } from 'vitest';
import type { AgentList, TeamList } from '../../contracts/desk';
import { api } from '../support/api';

describe('whom staff may forward or assign to', () => {
  it('is the teams of their own organisation', async () => {
    const teams = await api<TeamList>('GET', '/teams', { as: 'agent', headers: { 'accept-language': 'en' } });
    expect(teams.status).toBe(200);
    expect(teams.body.items.map((team) => team.id)).toContain('dipu-systems');
    expect(teams.body.items.every((team) => team.id.startsWith('dipu-'))).toBe(true);
  });

  it('is the staff of their own organisation, with their teams, and no address', async () => {
    const agents = await api<AgentList>('GET', '/agents', { as: 'supervisor' });
    expect(agents.status).toBe(200);
    const names = agents.body.items.map((agent) => agent.name);
    expect(names).toEqual(expect.arrayContaining(['Jordi Vidal Soler', 'Marta Pons Vila', 'Montserrat Roca Casals']));
    expect(names).not.toContain('Queralt Mir Font');
    expect(JSON.stringify(agents.body)).not.toContain('@');
  });

  it('is nobody’s business but staff’s: 403 for citizens, and for admins who work for no organisation', async () => {
    for (const path of ['/teams', '/agents']) {
      expect((await api('GET', path, { as: 'citizen' })).status, path).toBe(403);
      expect((await api('GET', path, { as: 'admin' })).status, path).toBe(403);
    }
  });
});
