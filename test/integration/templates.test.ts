import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/harness.js';

interface Template {
  id: string;
  party: string;
  kind: string;
  name: string;
  isDefault: boolean;
  builtIn: boolean;
  questions: Array<{ id: string; prompt: string; help: string | null }>;
  version: number;
}

describeEachDatabase('preparation templates', (h) => {
  it('ships the three seed forms in Dutch and keeps running plans on their own copy', async () => {
    const org = await h.createOrganisation();
    const hr = await h.login(org.admin);
    const list = (await hr.get('/api/templates')).json();
    const byName = Object.fromEntries(list.items.map((t: Template) => [t.name, t]));
    expect(list.items.map((t: Template) => [t.party, t.kind, t.isDefault, t.builtIn])).toEqual([
      ['employee', 'general', true, true],
      ['employee', 'competencies', false, true],
      ['manager', 'general', true, true],
    ]);
    const employeeForm: Template = byName['Voorbereiding medewerker'];
    expect(employeeForm.questions.map((q) => q.prompt)).toEqual(
      expect.arrayContaining([
        'Welke zijn mijn sterke punten?',
        'Welke ambities heb ik op korte en op langere termijn?',
        'Hoe ziet mijn algemene arbeidsmarktpositie eruit? Wat kan ik doen om die te verbeteren?',
      ]),
    );
    expect(
      byName['Voorbereiding leidinggevende'].questions.map((q: { prompt: string }) => q.prompt),
    ).toContain('Welke VTO(C)-budgetten of subsidies zijn beschikbaar?');
    // Asking again adds nothing.
    expect((await hr.get('/api/templates')).json().items).toHaveLength(3);

    const lead = await h.createPerson(org.id, { roles: ['employee', 'manager'] });
    const first = await h.createPerson(org.id, { managerId: lead.id });
    const running = (await hr.post('/api/plans', { employeeId: first.id })).json();

    // HR rewords the first question, moves the last one up and adds one.
    const [q1, ...rest] = employeeForm.questions;
    const last = rest.pop()!;
    const edited = await hr.patch(`/api/templates/${employeeForm.id}`, {
      questions: [
        { id: last.id, prompt: last.prompt },
        { id: q1!.id, prompt: 'Waar ben ik goed in?', help: 'Denk aan voorbeelden uit het afgelopen jaar.' },
        ...rest.map((q) => ({ id: q.id, prompt: q.prompt, help: q.help })),
        { prompt: 'Wat wil ik dit jaar zeker bespreken?' },
      ],
      version: employeeForm.version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const after: Template = edited.json();
    expect(after.questions[0]).toMatchObject({ id: last.id });
    expect(after.questions[1]).toMatchObject({ id: q1!.id, prompt: 'Waar ben ik goed in?' });
    expect(after.questions.at(-1)?.prompt).toBe('Wat wil ik dit jaar zeker bespreken?');
    expect(after.questions).toHaveLength(employeeForm.questions.length + 1);
    const stale = await hr.patch(`/api/templates/${employeeForm.id}`, {
      name: 'X',
      version: employeeForm.version,
    });
    expect(stale.statusCode).toBe(409);

    const runningPrep = (
      await (await h.login(first)).get(`/api/plans/${running.id}/preparations/mine`)
    ).json();
    expect(runningPrep.questions[0].prompt).toBe('Welke zijn mijn sterke punten?');
    const second = await h.createPerson(org.id, { managerId: lead.id });
    const fresh = (await hr.post('/api/plans', { employeeId: second.id })).json();
    const freshPrep = (await (await h.login(second)).get(`/api/plans/${fresh.id}/preparations/mine`)).json();
    expect(freshPrep.questions.slice(0, 2).map((q: { prompt: string }) => q.prompt)).toEqual([
      last.prompt,
      'Waar ben ik goed in?',
    ]);
  });

  it('lists the competencies of the function in the competencies form, chosen per function', async () => {
    const org = await h.createOrganisation();
    const hr = await h.login(org.admin);
    const names = ['Cliëntgerichtheid', 'Samenwerken'];
    const competencyIds: string[] = [];
    for (const name of names)
      competencyIds.push(
        (await hr.post('/api/competencies', { name, description: `${name}: omschrijving.` })).json().id,
      );
    const fn = (await hr.post('/api/functions', { name: 'Woonbegeleider', competencyIds })).json();
    const teamOnly = await h.createTeam(org.id, { name: 'Wonen' });
    const templates = (await hr.get('/api/templates')).json().items as Template[];
    const competencyForm = templates.find((t) => t.kind === 'competencies')!;
    const managerForm = templates.find((t) => t.party === 'manager')!;

    const assigned = await hr.put('/api/templates/assignments', {
      assignments: [
        { templateId: competencyForm.id, functionId: fn.id },
        { templateId: managerForm.id, teamId: teamOnly.id },
      ],
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json().assignments).toMatchObject([
      { templateId: competencyForm.id, party: 'employee', functionId: fn.id, teamId: null },
      { templateId: managerForm.id, party: 'manager', teamId: teamOnly.id, functionId: null },
    ]);
    const bad = await hr.put('/api/templates/assignments', {
      assignments: [
        { templateId: competencyForm.id, functionId: fn.id, teamId: teamOnly.id },
        { templateId: managerForm.id, teamId: teamOnly.id },
        { templateId: managerForm.id, teamId: teamOnly.id },
      ],
    });
    expect(bad.json().error.fields.map((f: { code: string }) => f.code)).toEqual([
      'assignment_target',
      'duplicate_assignment',
    ]);

    const lead = await h.createPerson(org.id, { roles: ['employee', 'manager'] });
    const person = await h.createPerson(org.id, { managerId: lead.id, functionId: fn.id });
    const plan = (await hr.post('/api/plans', { employeeId: person.id })).json();
    const prep = (await (await h.login(person)).get(`/api/plans/${plan.id}/preparations/mine`)).json();
    expect(prep.templateName).toBe(competencyForm.name);
    const listed = prep.questions.filter((q: { competencyId: string | null }) => q.competencyId !== null);
    expect(listed.map((q: { prompt: string; competencyId: string }) => [q.prompt, q.competencyId])).toEqual([
      ['Cliëntgerichtheid', competencyIds[0]],
      ['Samenwerken', competencyIds[1]],
    ]);
    expect(listed[0].help).toContain('Cliëntgerichtheid: omschrijving.');
    // A self-assessment in words: answers are text, and there is no score anywhere.
    const saved = await (await h.login(person)).put(`/api/plans/${plan.id}/preparations/mine`, {
      answers: { [listed[0].id]: 'Ik vraag bewoners eerst wat ze zelf willen.' },
      version: prep.version,
    });
    expect(saved.statusCode).toBe(200);
    expect(JSON.stringify(prep)).not.toMatch(/score|rating/i);
  });

  it('lets HR make another form the default, and keeps templates to HR', async () => {
    const org = await h.createOrganisation();
    const hr = await h.login(org.admin);
    const created = await hr.post('/api/templates', {
      party: 'manager',
      kind: 'general',
      name: 'Kort formulier leidinggevende',
      questions: [{ prompt: 'Wat wil je zeker bespreken?' }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const template = created.json();
    const defaulted = await hr.patch(`/api/templates/${template.id}`, {
      isDefault: true,
      version: template.version,
    });
    expect(defaulted.json().isDefault).toBe(true);
    const managers = (await hr.get('/api/templates'))
      .json()
      .items.filter((t: Template) => t.party === 'manager');
    expect(managers.filter((t: Template) => t.isDefault).map((t: Template) => t.id)).toEqual([template.id]);
    const archiveDefault = await hr.patch(`/api/templates/${template.id}`, {
      active: false,
      version: defaulted.json().version,
    });
    expect(archiveDefault.json().error.fields).toMatchObject([{ path: 'active', code: 'default_archived' }]);

    const manager = await h.createPerson(org.id, { roles: ['employee', 'manager'] });
    const admin = await h.createPerson(org.id, { roles: ['employee', 'admin'] });
    for (const person of [manager, admin]) {
      const c = await h.login(person);
      expect((await c.get('/api/templates')).statusCode).toBe(403);
      expect((await c.patch(`/api/templates/${template.id}`, { name: 'X', version: 1 })).statusCode).toBe(
        403,
      );
    }
    expect(
      (await (await h.login((await h.createOrganisation()).admin)).get(`/api/templates/${template.id}`))
        .statusCode,
    ).toBe(404);
  });
});

describeEachDatabase('kinds of action', (h) => {
  it('offers the built-in kinds in both languages and the ones HR adds', async () => {
    const org = await h.createOrganisation();
    const hr = await h.login(org.admin);
    const builtIn = (await hr.get('/api/action-types')).json().items;
    expect(builtIn.map((t: { key: string }) => t.key)).toEqual([
      'course',
      'training',
      'education',
      'external_coaching',
      'internal_coaching',
      'job_rotation',
      'learning_network',
      'on_the_job',
      'self_study',
      'other',
    ]);
    expect(builtIn.find((t: { key: string }) => t.key === 'job_rotation')).toMatchObject({
      label: 'Stage op een andere afdeling / jobrotatie',
      nameEn: 'Placement in another department / job rotation',
      isFormal: false,
    });
    const added = await hr.post('/api/action-types', {
      nameNl: 'Intervisie',
      nameEn: 'Peer review',
      isFormal: false,
    });
    expect(added.statusCode, added.body).toBe(201);
    const type = added.json();

    const lead = await h.createPerson(org.id, { roles: ['employee', 'manager'] });
    const person = await h.createPerson(org.id, { managerId: lead.id });
    const plan = (await hr.post('/api/plans', { employeeId: person.id })).json();
    const e = await h.login(person);
    const goal = (await e.post(`/api/plans/${plan.id}/goals`, { title: 'Reflecteren' })).json();
    const action = await e.post(`/api/goals/${goal.id}/actions`, {
      type: type.key,
      description: 'Maandelijkse intervisie',
    });
    expect(action.statusCode, action.body).toBe(201);
    expect(action.json()).toMatchObject({ type: type.id, isFormal: false });
    const unknown = await e.post(`/api/goals/${goal.id}/actions`, { type: 'skydiving', description: 'x' });
    expect(unknown.json().error.fields).toMatchObject([{ path: 'type', code: 'unknown_action_type' }]);

    await hr.patch(`/api/action-types/${type.id}`, { active: false, version: type.version });
    const inactive = await e.post(`/api/goals/${goal.id}/actions`, { type: type.key, description: 'x' });
    expect(inactive.statusCode).toBe(422);
    expect((await e.post('/api/action-types', { nameNl: 'Eigen soort' })).statusCode).toBe(403);
    expect((await e.get('/api/action-types')).statusCode).toBe(200);
  });
});
