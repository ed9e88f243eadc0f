import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { DataExport, ExportedAuditEvent } from '../../../shared/contracts/privacy.js';
import { guideSteps } from '../../../shared/pop/guide.js';
import { formatTiming } from '../../../shared/pop/timing.js';
import { parties } from '../../../shared/pop/vocabulary.js';
import {
  a4Document,
  bulletList,
  type DocumentText,
  dataTable,
  heading,
  keyValues,
  paragraph,
  subheading,
  title,
} from '../../documents/index.js';

/**
 * The data export as a readable document: the same facts as the JSON file, section by section, in the reader's
 * language. Free text is printed as typed; nothing in it is interpreted.
 */
type Plan = DataExport['plans'][number];

export function dataExportPdf(
  data: DataExport,
  text: DocumentText,
  options: { generatedAt: Date; timeZone: string },
): TDocumentDefinitions {
  const k = (key: string, params?: Record<string, string | number>) => text.t(`privacy.pdf.${key}`, params);
  const tz = options.timeZone;
  const when = (value: string | null | undefined) => (value ? text.dateTime(value, tz) : k('none'));
  const day = (value: string | null | undefined) => (value ? text.date(value) : k('none'));
  const yesNo = (value: boolean) => (value ? k('yes') : k('no'));
  const orNone = (value: string | null | undefined) =>
    value === null || value === undefined || value === '' ? k('none') : value;
  const name = `${data.person.firstName} ${data.person.lastName}`.trim();
  const label = (key: string, fallback: string) => {
    const value = text.t(key);
    return value === key ? fallback : value;
  };
  const phase = (value: string) => label(`pop.phases.${value}`, value);
  const party = (value: string) => label(`pop.parties.${value}`, value);

  const content: Content[] = [
    ...title(k('title'), k('subtitle', { name, organisation: data.organisation.name })),
    paragraph(k('intro')),
  ];

  // The person and the account.
  content.push(heading(k('personHeading')));
  content.push(
    keyValues([
      [k('person.name'), name],
      [k('person.email'), data.person.email],
      [k('person.function'), orNone(data.person.function)],
      [k('person.team'), orNone(data.person.team)],
      [k('person.manager'), orNone(data.person.manager?.name)],
      [k('person.startDate'), day(data.person.startDate)],
      [k('person.endDate'), day(data.person.endDate)],
      [k('person.fte'), text.number(data.person.fte)],
      [k('person.workRegime'), orNone(data.person.workRegime)],
      [
        k('person.employmentCountry'),
        label(`countries.${data.person.employmentCountry}`, data.person.employmentCountry),
      ],
      [k('person.locale'), label(`locales.${data.person.locale}`, data.person.locale)],
      [k('person.riskGroup'), yesNo(data.person.riskGroup)],
      [
        k('person.gender'),
        data.person.gender
          ? label(`trainingPlan.groups.gender.${data.person.gender}`, data.person.gender)
          : k('none'),
      ],
      [k('person.legalHold'), yesNo(data.person.legalHold)],
      [k('person.createdAt'), when(data.person.createdAt)],
    ]),
  );
  content.push(heading(k('accountHeading')));
  content.push(
    keyValues([
      [k('account.roles'), data.account.roles.map((r) => label(`roles.${r}`, r)).join(', ') || k('none')],
      [k('account.status'), k(`account.statuses.${data.account.status}`)],
      [k('account.hasPassword'), yesNo(data.account.hasPassword)],
      [k('account.invitedAt'), when(data.account.invitedAt)],
      [k('account.lastLoginAt'), when(data.account.lastLoginAt)],
      [
        k('account.calendarFeed'),
        data.account.calendarFeed
          ? k('account.calendarFeedSince', { date: when(data.account.calendarFeed.createdAt) })
          : k('none'),
      ],
    ]),
  );
  content.push(subheading(k('account.sessions')));
  content.push(
    dataTable({
      columns: [
        { header: k('account.sessionStarted') },
        { header: k('account.sessionLastSeen') },
        { header: k('account.sessionIp') },
        { header: k('account.sessionBrowser'), width: '*' },
      ],
      rows: data.account.sessions.map((s) => [when(s.createdAt), when(s.lastSeenAt), s.ip, s.userAgent]),
      emptyText: k('empty'),
    }),
  );

  // The POPs.
  content.push(heading(k('plansHeading')));
  if (data.plans.length === 0) content.push(paragraph(k('empty'), { muted: true }));
  for (const plan of data.plans) content.push(...planSection(plan));

  content.push(heading(k('managedHeading')));
  content.push(paragraph(k('managedIntro'), { muted: true }));
  content.push(
    dataTable({
      columns: [
        { header: k('plan.employee'), width: '*' },
        { header: k('plan.period') },
        { header: k('plan.phase') },
      ],
      rows: data.managedPlans.map((p) => [
        p.employee.name,
        `${day(p.periodStart)} – ${day(p.periodEnd)}`,
        phase(p.phase),
      ]),
      emptyText: k('empty'),
    }),
  );

  // Training.
  content.push(heading(k('trainingHeading')));
  if (data.training.years.length === 0) content.push(paragraph(k('trainingNone'), { muted: true }));
  for (const year of data.training.years) {
    content.push(subheading(k('training.year', { year: year.year })));
    content.push(
      keyValues([
        [k('training.entitlement'), text.number(year.balance.entitlement)],
        [k('training.carriedOver'), text.number(year.balance.carriedOver)],
        [k('training.followed'), text.number(year.balance.followed)],
        [k('training.planned'), text.number(year.balance.planned)],
        [k('training.remaining'), text.number(year.balance.remaining)],
      ]),
    );
    content.push(
      dataTable({
        columns: [
          { header: k('training.name'), width: '*' },
          { header: k('training.type') },
          { header: k('training.period') },
          { header: k('training.hours'), align: 'right' },
          { header: k('training.counts') },
        ],
        rows: year.trainings.map((tr) => [
          tr.description,
          tr.typeLabel,
          `${day(tr.start)} – ${day(tr.end)}`,
          tr.hours === null ? '' : text.number(tr.hours),
          yesNo(tr.counts),
        ]),
        emptyText: k('empty'),
      }),
    );
  }
  if (data.training.statements.length > 0)
    content.push(
      paragraph(
        k('training.statements', {
          list: data.training.statements.map((s) => `${s.year} (${when(s.sentAt)})`).join(', '),
        }),
      ),
    );

  // Messages.
  content.push(heading(k('notificationsHeading')));
  content.push(
    dataTable({
      columns: [
        { header: k('notifications.when') },
        { header: k('notifications.kind'), width: '*' },
        { header: k('notifications.read') },
      ],
      rows: data.notifications.map((n) => [
        when(n.createdAt),
        label(`notifications.kinds.${n.kind}.label`, n.kind),
        n.readAt ? when(n.readAt) : k('no'),
      ]),
      emptyText: k('empty'),
    }),
  );
  content.push(subheading(k('preferencesHeading')));
  content.push(
    dataTable({
      columns: [{ header: k('notifications.kind'), width: '*' }, { header: k('preferences.mode') }],
      rows: data.emailPreferences.map((p) => [
        label(`notifications.kinds.${p.kind}.label`, p.kind),
        label(`notifications.preferences.modes.${p.mode}`, p.mode),
      ]),
      emptyText: k('preferences.none'),
    }),
  );
  content.push(subheading(k('emailsHeading')));
  content.push(
    dataTable({
      columns: [
        { header: k('emails.when') },
        { header: k('emails.subject'), width: '*' },
        { header: k('emails.status') },
      ],
      rows: data.emails.map((e) => [when(e.createdAt), e.subject, e.status]),
      emptyText: k('empty'),
    }),
  );

  // The audit log.
  content.push(heading(k('accessHeading')));
  content.push(paragraph(k('accessIntro'), { muted: true }));
  content.push(auditTable(data.accessLog, true));
  content.push(heading(k('ownHeading')));
  content.push(auditTable(data.ownActions, false));

  // Retention.
  content.push(heading(k('retentionHeading')));
  content.push(
    dataTable({
      columns: [{ header: k('retention.category'), width: '*' }, { header: k('retention.period') }],
      rows: data.retention.map((r) => [
        k(`retention.categories.${r.category}`),
        k(`retention.${r.startsAt}`, { months: r.months }),
      ]),
      emptyText: k('empty'),
    }),
  );

  return a4Document({
    title: k('title'),
    organisation: data.organisation.name,
    language: text.locale,
    footerNote: text.t('documents.pdf.generated', { date: text.dateTime(options.generatedAt, tz) }),
    pageLabel: (page, pages) => text.t('documents.pdf.page', { page, pages }),
    content,
    subject: name,
  });

  function auditTable(rows: readonly ExportedAuditEvent[], withActor: boolean): Content {
    return dataTable({
      columns: [
        { header: k('audit.when') },
        ...(withActor ? [{ header: k('audit.who') }] : []),
        { header: k('audit.what'), width: '*' as const },
        { header: k('audit.fields') },
      ],
      rows: rows.map((row) => [
        when(row.occurredAt),
        ...(withActor
          ? [
              row.actor
                ? `${row.actor.name} (${label(`audit.roles.${row.actorRole ?? 'system'}`, row.actorRole ?? '')})`
                : label('audit.system', k('system')),
            ]
          : []),
        label(`audit.actions.${row.action}`, row.action),
        row.changes
          ? Object.keys(row.changes)
              .map((field) => label(`audit.fields.${field.split('.')[0]}`, field))
              .join(', ')
          : label(`audit.objectTypes.${row.objectType}`, row.objectType),
      ]),
      emptyText: k('empty'),
    });
  }

  function planSection(plan: Plan): Content[] {
    const blocks: Content[] = [
      subheading(k('plan.title', { start: day(plan.periodStart), end: day(plan.periodEnd) })),
      keyValues([
        [k('plan.manager'), plan.manager.name],
        [k('plan.phase'), phase(plan.phase) + (plan.cancelled ? ` (${k('plan.cancelled')})` : '')],
        [k('plan.conversationAt'), when(plan.conversationAt)],
        [k('plan.employeeApprovedAt'), when(plan.employeeApprovedAt)],
        [k('plan.managerApprovedAt'), when(plan.managerApprovedAt)],
        [k('plan.approvedVersion'), String(plan.approvedVersion)],
        [k('plan.disagreement'), orNone(plan.disagreementComment)],
      ]),
    ];
    // Preparations and talking points: the person's own, and the manager's once shared.
    for (const p of parties) {
      const preparation = plan.preparations?.[p];
      if (preparation?.visible) {
        blocks.push(paragraph(k('plan.preparation', { party: party(p) }), {}));
        const answered = preparation.questions.filter((q) => (preparation.answers[q.id] ?? '').trim() !== '');
        blocks.push(
          answered.length > 0
            ? bulletList(answered.map((q) => `${q.prompt}: ${preparation.answers[q.id]}`))
            : paragraph(k('empty'), { muted: true }),
        );
      }
      const points = plan.talkingPoints?.[p] ?? [];
      if (points.length > 0) {
        blocks.push(paragraph(k('plan.talkingPoints', { party: party(p) })));
        blocks.push(bulletList(points.map((point) => point.text)));
      }
    }
    const content = plan.content;
    if (!content) return blocks;
    const notes = guideSteps.flatMap((step) => {
      const note = content.conversationNotes[step];
      return note ? [`${label(`pop.guide.steps.${step}`, step)}: ${note}`] : [];
    });
    if (notes.length > 0) {
      blocks.push(paragraph(k('plan.notes')));
      blocks.push(bulletList(notes));
    }
    if (content.facilities) blocks.push(keyValues([[k('plan.facilities'), content.facilities]]));
    for (const goal of content.goals) {
      blocks.push(paragraph(k('plan.goal', { title: goal.title })));
      const goalLines = [
        [k('plan.description'), goal.description],
        [k('plan.reason'), goal.reason],
        [k('plan.measure'), goal.measure],
        [k('plan.targetDate'), goal.targetDate ? day(goal.targetDate) : null],
        [
          k('plan.result'),
          goal.evaluationResult
            ? `${label(`pop.evaluationResults.${goal.evaluationResult}`, goal.evaluationResult)}${goal.evaluationNote ? ` — ${goal.evaluationNote}` : ''}`
            : null,
        ],
      ].filter((line): line is [string, string] => line[1] !== null && line[1] !== '');
      if (goalLines.length > 0) blocks.push(keyValues(goalLines));
      blocks.push(
        dataTable({
          columns: [
            { header: k('plan.action'), width: '*' },
            { header: k('plan.timing') },
            { header: k('plan.hours'), align: 'right' },
            { header: k('plan.cost'), align: 'right' },
            { header: k('plan.status') },
          ],
          rows: goal.actions.map((a) => [
            [a.description, a.followUp, ...a.comments.map((c) => `${c.authorName ?? k('system')}: ${c.text}`)]
              .filter((line) => !!line)
              .join('\n'),
            a.timing
              ? formatTiming(a.timing, {
                  ongoing: text.t('pop.timing.ongoing'),
                  quarter: text.t('pop.timing.quarterPrefix'),
                })
              : '',
            a.hours === null ? '' : text.number(a.hours),
            a.cost === null ? '' : text.money(a.cost, a.currency),
            label(`pop.actionStatuses.${a.status}`, a.status),
          ]),
          emptyText: k('plan.noActions'),
        }),
      );
    }
    for (const followUp of content.followUps) {
      blocks.push(
        paragraph(
          k('plan.followUp', {
            date: day(followUp.plannedDate),
            held: followUp.heldAt ? when(followUp.heldAt) : k('plan.notHeld'),
          }),
        ),
      );
      const lines = [
        ...(followUp.notes ? [followUp.notes] : []),
        ...followUp.entries.map((entry) =>
          [
            label(`pop.followUpStates.${entry.state}`, entry.state),
            entry.progress,
            entry.acceleration,
            entry.expectations,
            entry.notes,
          ]
            .filter((v) => !!v)
            .join(' — '),
        ),
      ];
      if (lines.length > 0) blocks.push(bulletList(lines));
    }
    for (const p of parties) {
      const evaluation = content.evaluations[p];
      if (!evaluation.visible) continue;
      const lines = [
        evaluation.goalsReached,
        evaluation.effectOnFunctioning,
        evaluation.effectOnCareer,
      ].filter((v): v is string => !!v);
      if (lines.length === 0) continue;
      blocks.push(paragraph(k('plan.evaluation', { party: party(p) })));
      blocks.push(bulletList(lines));
    }
    if (plan.versionSnapshots.length > 0)
      blocks.push(
        paragraph(
          k('plan.versions', {
            list: plan.versionSnapshots.map((v) => `${v.number} (${when(v.createdAt)})`).join(', '),
          }),
          { muted: true },
        ),
      );
    return blocks;
  }
}
