import { personRow } from '../../../src/server/modules/people/people.repository.js';
import { searchKey } from '../../../src/shared/text.js';
import {
  benchDomain,
  benchEmails,
  type Generator,
  type PersonInfo,
  type SeedContext,
  type TeamInfo,
} from '../context.js';
import type { Prng } from '../prng.js';
import {
  campuses,
  competencyNames,
  competencyText,
  departments,
  firstNames,
  functionNames,
  lastNames,
  units,
  wings,
} from '../words.js';

/** The bench manager leads a team of exactly this many people (the team-view benchmark). */
export const benchTeamSize = 25;

const pad = (n: number) => String(n).padStart(2, '0');
const dayOf = (rng: Prng, year: number) => `${year}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`;
const asciiName = (value: string) => searchKey(value).replace(/[^a-z0-9]+/g, '');

/** Unique team names from units, campuses and wings; numbered once the combinations run out. */
function nameSource() {
  const used = new Set<string>();
  return (make: () => string): string => {
    for (let attempt = 0; attempt < 50; attempt++) {
      const name = make();
      if (!used.has(searchKey(name))) {
        used.add(searchKey(name));
        return name;
      }
    }
    let n = 2;
    const base = make();
    while (used.has(searchKey(`${base} ${n}`))) n++;
    used.add(searchKey(`${base} ${n}`));
    return `${base} ${n}`;
  };
}

/**
 * competencies, job_functions, function_competencies, teams, people, person_roles.
 *
 * A direction team, departments under it and leaf teams under those. The CEO leads the direction; department heads
 * sit in the direction team and lead a department; team leaders sit in their department team and lead a leaf team
 * of on average 25 people. Leaf team 0 is the bench manager's, with exactly 25 people; leaf team 1 is HR.
 */
export const structureGenerator: Generator = {
  name: 'structure',
  async run(ctx: SeedContext) {
    const rng = ctx.rng.fork('structure');
    const at = `${ctx.year - 5}-01-02T08:00:00.000Z`;
    const org = ctx.organisationId;

    ctx.competencies = competencyNames.map((name) => ({ id: rng.uuid(), name }));
    ctx.functions = functionNames.map((name) => ({
      id: rng.uuid(),
      name,
      competencyIds: rng.sample(ctx.competencies, rng.int(5, 8)).map((c) => c.id),
    }));
    const fn = (name: string) => {
      const found = ctx.functions.find((f) => f.name === name);
      if (!found) throw new Error(`unknown function ${name}`);
      return found.id;
    };

    // Teams.
    const teamCount = Math.max(4, Math.round(ctx.size / 25));
    const departmentCount = Math.min(120, Math.max(2, Math.round(teamCount / 20)));
    const leafCount = teamCount - departmentCount - 1;
    const teamName = nameSource();
    const direction: TeamInfo = {
      id: rng.uuid(),
      name: 'Directie en staf',
      parentId: null,
      managerId: null,
      kind: 'direction',
    };
    const departmentTeams: TeamInfo[] = Array.from({ length: departmentCount }, () => ({
      id: rng.uuid(),
      name: teamName(() => `${rng.pick(departments)} – campus ${rng.pick(campuses)}`),
      parentId: direction.id,
      managerId: null,
      kind: 'department' as const,
    }));
    const leafTeams: TeamInfo[] = Array.from({ length: leafCount }, (_, i) => ({
      id: rng.uuid(),
      name:
        i === 1
          ? 'Personeelsdienst'
          : teamName(() =>
              `${rng.pick(units)} ${rng.pick(campuses)} ${rng.chance(0.4) ? rng.pick(wings) : ''}`.trim(),
            ),
      parentId: (departmentTeams[i % departmentCount] as TeamInfo).id,
      managerId: null,
      kind: 'leaf' as const,
    }));
    ctx.teams = [direction, ...departmentTeams, ...leafTeams];

    // People.
    const people: PersonInfo[] = [];
    const person = (
      p: Omit<PersonInfo, 'id' | 'firstName' | 'lastName' | 'startDate' | 'fte'>,
    ): PersonInfo => {
      const recent = rng.chance(0.15);
      const info: PersonInfo = {
        id: rng.uuid(),
        firstName: rng.pick(firstNames),
        lastName: rng.pick(lastNames),
        startDate: recent
          ? dayOf(rng, rng.int(ctx.year - 4, ctx.year))
          : dayOf(rng, rng.int(1990, ctx.year - 5)),
        fte: rng.weighted([
          [1, 55],
          [0.8, 20],
          [0.5, 15],
          [0.75, 10],
        ] as const),
        ...p,
      };
      people.push(info);
      return info;
    };
    const ceo = person({
      teamId: direction.id,
      managerId: null,
      functionId: fn('Algemeen directeur'),
      roles: ['employee', 'manager', 'admin'],
    });
    direction.managerId = ceo.id;
    for (const department of departmentTeams) {
      const head = person({
        teamId: direction.id,
        managerId: ceo.id,
        functionId: fn('Diensthoofd'),
        roles: ['employee', 'manager'],
      });
      department.managerId = head.id;
    }
    for (const [i, leaf] of leafTeams.entries()) {
      const department = departmentTeams.find((d) => d.id === leaf.parentId) as TeamInfo;
      const leader = person({
        teamId: department.id,
        managerId: department.managerId,
        functionId: fn(i === 1 ? 'HR-medewerker' : rng.pick(['Hoofdverpleegkundige', 'Teamleider'])),
        roles: i === 1 ? ['employee', 'manager', 'hr', 'admin'] : ['employee', 'manager'],
        ...(i === 0 ? { bench: 'manager' as const } : {}),
      });
      leaf.managerId = leader.id;
    }

    // Members: team 0 gets exactly 25; the others share the rest by random weights.
    const remaining = Math.max(0, ctx.size - people.length - benchTeamSize);
    const weights = leafTeams.map((_, i) => (i === 0 ? 0 : 0.5 + rng.next()));
    const total = weights.reduce((s, w) => s + w, 0);
    const sizes = weights.map((w) => Math.floor((w / total) * remaining));
    sizes[0] = benchTeamSize;
    let left = ctx.size - people.length - sizes.reduce((s, n) => s + n, 0);
    for (let i = 1; left > 0; i = (i % (leafCount - 1)) + 1, left--) sizes[i] = (sizes[i] ?? 0) + 1;
    const memberFunctions = [
      ['Verpleegkundige', 40],
      ['Zorgkundige', 20],
      ['Logistiek assistent', 6],
      ['Kinesitherapeut', 3],
      ['Ergotherapeut', 2],
      ['Administratief medewerker', 6],
      ['Onthaalmedewerker', 2],
      ['Schoonmaakmedewerker', 5],
      ['Technicus', 2],
      ['Vroedvrouw', 2],
      ['Woonbegeleider', 3],
      ['Laborant', 2],
      ['Medisch beeldvormer', 1],
      ['Referentieverpleegkundige', 2],
      ['Kok', 1],
      ['Diëtist', 1],
      ['Logopedist', 1],
      ['Maatschappelijk werker', 1],
      ['Psycholoog', 1],
    ] as const;
    for (const [i, leaf] of leafTeams.entries()) {
      for (let m = 0; m < (sizes[i] ?? 0); m++) {
        person({
          teamId: leaf.id,
          managerId: leaf.managerId,
          functionId: fn(i === 1 ? 'HR-medewerker' : rng.weighted(memberFunctions)),
          roles: i === 1 ? ['employee', 'hr'] : ['employee'],
          ...(i === 0 && m === 0 ? { bench: 'employee' as const } : {}),
          ...(i === 1 && m === 0 ? { bench: 'hr' as const } : {}),
        });
      }
    }
    ctx.people = people;

    await ctx.db.transaction().execute(async (trx) => {
      await ctx.writer.insert(
        trx,
        'competencies',
        ctx.competencies.map((c) => {
          const text = competencyText(rng);
          return {
            id: c.id,
            organisation_id: org,
            name: c.name,
            name_key: searchKey(c.name),
            description: text.description,
            indicators: JSON.stringify(text.indicators),
            archived_at: null,
            created_at: at,
            updated_at: at,
          };
        }),
      );
      await ctx.writer.insert(
        trx,
        'job_functions',
        ctx.functions.map((f) => ({
          id: f.id,
          organisation_id: org,
          name: f.name,
          name_key: searchKey(f.name),
          description: `Functieprofiel ${f.name.toLowerCase()} van Zorggroep Scheldeland.`,
          archived_at: null,
          created_at: at,
          updated_at: at,
        })),
      );
      await ctx.writer.insert(
        trx,
        'function_competencies',
        ctx.functions.flatMap((f) =>
          f.competencyIds.map((competencyId, position) => ({
            function_id: f.id,
            competency_id: competencyId,
            organisation_id: org,
            position,
          })),
        ),
      );
      // Teams first without their leaders: teams and people point at each other.
      await ctx.writer.insert(
        trx,
        'teams',
        ctx.teams.map((t) => ({
          id: t.id,
          organisation_id: org,
          name: t.name,
          name_key: searchKey(t.name),
          description: t.kind === 'leaf' ? null : 'Leidinggevenden van de onderliggende teams.',
          parent_id: t.parentId,
          manager_id: null,
          archived_at: null,
          created_at: at,
          updated_at: at,
        })),
      );
      // Managers before the people they manage, in one ordered list (people.manager_id is a foreign key).
      await ctx.writer.insert(
        trx,
        'people',
        people.map((p, i) => ({
          ...personRow({
            id: p.id,
            organisationId: org,
            firstName: p.firstName,
            lastName: p.lastName,
            email: p.bench
              ? benchEmails[p.bench]
              : `${asciiName(p.firstName)}.${asciiName(p.lastName)}.${i}@${benchDomain}`,
            functionId: p.functionId,
            teamId: p.teamId,
            managerId: p.managerId,
            startDate: p.startDate,
            fte: p.fte,
            workRegime: p.fte === 1 ? 'voltijds' : 'deeltijds',
            employmentCountry: 'BE',
            locale: 'nl-BE',
            passwordHash: ctx.passwordHash,
            now: at,
          }),
          risk_group: rng.chance(0.18) ? 1 : 0,
          gender: rng.weighted([
            ['female', 70],
            ['male', 28],
            ['x', 1],
            [null, 1],
          ] as const),
        })),
      );
      await ctx.writer.insert(
        trx,
        'person_roles',
        people.flatMap((p) => p.roles.map((role) => ({ person_id: p.id, organisation_id: org, role }))),
      );
      for (const team of ctx.teams) {
        await trx
          .updateTable('teams')
          .set({ manager_id: team.managerId })
          .where('id', '=', team.id)
          .execute();
      }
    });

    const benchManager = people.find((p) => p.bench === 'manager') as PersonInfo;
    const benchEmployee = people.find((p) => p.bench === 'employee') as PersonInfo;
    const benchHr = people.find((p) => p.bench === 'hr') as PersonInfo;
    ctx.bench.users = {
      employee: { email: benchEmails.employee, personId: benchEmployee.id },
      manager: { email: benchEmails.manager, personId: benchManager.id },
      hr: { email: benchEmails.hr, personId: benchHr.id },
    };
    ctx.bench.benchTeamId = (leafTeams[0] as TeamInfo).id;
    ctx.bench.benchTeamSize = people.filter((p) => p.teamId === ctx.bench.benchTeamId).length;
  },
};
