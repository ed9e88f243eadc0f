import type { Team } from '../../../shared/contracts/organisation.js';
import { fullName } from '../../../shared/text.js';
import type { TeamView } from './teams.repository.js';

export function presentTeam(row: TeamView): Team {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    parentId: row.parent_id,
    managerId: row.manager_id,
    managerName:
      row.manager_id && row.manager_first_name !== null
        ? fullName({ firstName: row.manager_first_name, lastName: row.manager_last_name ?? '' })
        : null,
    memberCount: Number(row.member_count ?? 0),
    active: row.archived_at === null,
    version: Number(row.version),
  };
}
