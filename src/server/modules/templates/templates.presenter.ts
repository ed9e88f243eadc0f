import type { PreparationTemplate } from '../../../shared/contracts/templates.js';
import type { PlanParty, TemplateKind } from '../../../shared/pop/vocabulary.js';
import type { PreparationTemplateRow, TemplateAssignmentRow, TemplateQuestionRow } from '../../db/schema.js';

export function presentTemplate(
  row: PreparationTemplateRow,
  questions: readonly TemplateQuestionRow[],
): PreparationTemplate {
  return {
    id: row.id,
    party: row.party as PlanParty,
    kind: row.kind as TemplateKind,
    name: row.name,
    description: row.description,
    isDefault: Boolean(row.is_default),
    builtIn: row.builtin_key !== null,
    active: row.archived_at === null,
    questions: questions.map((q) => ({ id: q.id, position: q.position, prompt: q.prompt, help: q.help })),
    version: Number(row.version),
  };
}

export function presentAssignment(row: TemplateAssignmentRow) {
  return {
    id: row.id,
    templateId: row.template_id,
    party: row.party as PlanParty,
    teamId: row.team_id,
    functionId: row.function_id,
  };
}
