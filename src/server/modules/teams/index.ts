export { insertTeam, listTeamRows, type TeamInsert } from './teams.repository.js';
export { teamsRoutes } from './teams.routes.js';
