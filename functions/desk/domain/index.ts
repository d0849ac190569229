export { eligibleAgents, pickAssignee } from './assignment';
export { agentsView, teamsView } from './directory';
