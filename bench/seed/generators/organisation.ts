import { defaultTemplates } from '../../../src/server/modules/templates/default-templates.js';
import { searchKey } from '../../../src/shared/text.js';
import type { Generator, SeedContext } from '../context.js';

/** install_state, organisations, training_day_norms, funding_sources, action_types, preparation templates. */
export const organisationGenerator: Generator = {
  name: 'organisation',
  async run(ctx: SeedContext) {
    const { writer, rng } = ctx;
    const at = `${ctx.year - 5}-01-02T08:00:00.000Z`;
    await ctx.db.transaction().execute(async (trx) => {
      await writer.insert(trx, 'install_state', [{ key: 'setup', value: 'done', created_at: at }]);
      await writer.insert(trx, 'organisations', [
        {
          id: ctx.organisationId,
          name: 'Zorggroep Scheldeland',
          country: 'BE',
          locale: 'nl-BE',
          time_zone: 'Europe/Brussels',
          is_demo: 0,
          hr_sees_plan_content: 0,
          average_fte: null,
          joint_committee: '330.01.20',
          training_carry_over: 1,
          training_hours_per_day: 7.6,
          consultation_body: 'works_council',
          created_at: at,
          updated_at: at,
        },
      ]);

      await writer.insert(
        trx,
        'training_day_norms',
        Array.from({ length: 6 }, (_, i) => ({
          id: rng.uuid(),
          organisation_id: ctx.organisationId,
          year: ctx.year - 4 + i,
          days_per_fte: 5,
          note: 'Sectorakkoord PC 330: vijf opleidingsdagen per VTE.',
          created_at: at,
          updated_at: at,
        })),
      );

      const sources = [
        ['VIVO-opleidingsbudget', 'vivo'],
        ['Sociaal Fonds PC 330', 'sector_fund'],
        ['Eigen vormingsbudget', 'own'],
        ['Projectsubsidie Vlaamse overheid', 'subsidy'],
        ['Persoonlijk opleidingsbudget', 'personal_budget'],
        ['Opleidingscheques', 'other'],
      ] as const;
      ctx.fundingSources = sources.map(([, kind]) => ({ id: rng.uuid(), kind }));
      await writer.insert(
        trx,
        'funding_sources',
        sources.map(([name, kind], i) => ({
          id: ctx.fundingSources[i]?.id as string,
          organisation_id: ctx.organisationId,
          name,
          name_key: searchKey(name),
          kind,
          rules: kind === 'vivo' ? 'Aanvraag ten laatste zes weken voor de start van de opleiding.' : null,
          archived_at: null,
          created_at: at,
          updated_at: at,
        })),
      );

      await writer.insert(
        trx,
        'action_types',
        [
          ['Congres of studiedag', 'Conference or study day', 1],
          ['Supervisie', 'Supervision', 0],
          ['Vlaams opleidingsverlof', 'Flemish training leave', 1],
        ].map(([nl, en, formal], position) => ({
          id: rng.uuid(),
          organisation_id: ctx.organisationId,
          name_nl: String(nl),
          name_en: String(en),
          is_formal: formal ? 1 : 0,
          counts_for_training_right: nl === 'Vlaams opleidingsverlof' ? 0 : 1,
          active: 1,
          position: 10 + position,
          created_at: at,
          updated_at: at,
        })),
      );

      ctx.templates = [];
      for (const template of defaultTemplates) {
        const id = rng.uuid();
        await writer.insert(trx, 'preparation_templates', [
          {
            id,
            organisation_id: ctx.organisationId,
            party: template.party,
            kind: template.kind,
            name: template.name.nl,
            description: template.description.nl,
            is_default: template.isDefault ? 1 : 0,
            builtin_key: template.builtinKey,
            archived_at: null,
            created_at: at,
            updated_at: at,
          },
        ]);
        const questions = template.questions.map((q, position) => ({
          id: rng.uuid(),
          organisation_id: ctx.organisationId,
          template_id: id,
          position,
          prompt: q.prompt.nl,
          help: q.help?.nl ?? null,
        }));
        await writer.insert(trx, 'template_questions', questions);
        if (template.isDefault) {
          ctx.templates.push({
            id,
            party: template.party,
            name: template.name.nl,
            questionIds: questions.map((q) => q.id),
            // The copy a plan's preparation keeps, in the shape of preparationFormFor().
            questionsJson: JSON.stringify(
              questions.map((q) => ({ id: q.id, prompt: q.prompt, help: q.help, competencyId: null })),
            ),
          });
        }
      }
    });
  },
};
