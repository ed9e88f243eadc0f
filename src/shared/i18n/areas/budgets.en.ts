import type { budgetsNlBE } from './budgets.nl-be.js';

/** Strings of one area (en): Budgets and funding sources. */
export const budgetsEn: typeof budgetsNlBE = {
  errors: {
    BUDGET_EXCEEDED:
      'This cannot be approved: with this POP the hard budget "{{budget}}" for {{year}} would be exceeded. Change the cost or funding source of the actions, or ask HR to revise the budget.',
    BUDGET_SCOPE_TAKEN:
      'That year already has a budget for this team and funding source. Change that budget instead of creating a second one.',
  },
  email: {},
  web: {
    nav: 'Budgets',
    title: 'Budgets',
    intro:
      'The training budget per year, for the whole organisation, per team and per funding source: what is planned, what is committed in approved POPs and what has been spent.',
    managerIntro:
      'The budgets of the teams you lead: what is planned, what is committed in approved POPs and what has been spent.',
    year: 'Year',
    tabs: {
      overview: 'Overview',
      budgets: 'Budgets {{year}}',
      sources: 'Funding sources',
    },
    hard: 'Hard',
    soft: 'Soft',
    archived: 'archived',
    unknownTeam: 'unknown team',
    unknownSource: 'unknown source',
    scope: {
      organisation: 'Whole organisation',
      team: 'Team {{team}}',
      source: 'Source: {{source}}',
      team_source: '{{team}} · {{source}}',
    },
    figures: {
      amount: 'Budget',
      planned: 'Planned',
      committed: 'Committed',
      spent: 'Spent',
      remaining: 'Remaining',
      actions: 'Actions',
    },
    spentBar: 'Spent: {{spent}} of {{amount}}',
    status: {
      overCommitted: 'Exceeded by {{amount}}',
      overProjected: 'Would be exceeded by {{amount}} if what is planned gets approved',
      overSpent: 'Spending is {{amount}} above the budget',
      within: 'Within the budget',
      overShort: 'above the budget',
    },
    reading: {
      title: 'How to read the figures',
      planned:
        'the cost of actions in POPs not yet approved; for an open revision, the difference with the approved version.',
      committed:
        'the cost of actions in approved POPs (also in evaluation or closed); cancelled actions and stopped POPs do not count.',
      spent: 'the actual costs recorded with the actions, completed or not.',
      remaining: 'the budget minus what is committed.',
      hard: 'an approval that would exceed the budget is refused. A soft budget only warns.',
    },
    perSource: 'Per funding source',
    perTeam: 'Per team',
    withoutSource: 'Without a funding source',
    withoutTeam: 'Without a team',
    noSources: 'There are no funding sources yet.',
    noTeams: 'There are no teams.',
    noActions: 'There are no actions with a cost in {{year}} yet.',
    notCountedTitle: 'Not counted',
    notCountedLine_one:
      '{{count}} action in {{currency}} ({{committed}} committed, {{planned}} planned) is not counted: the budgets are in another currency.',
    notCountedLine_other:
      '{{count}} actions in {{currency}} ({{committed}} committed, {{planned}} planned) are not counted: the budgets are in another currency.',
    notCountedShort: 'Not counted (other currency): {{list}}',
    empty: {
      title: 'No budgets for {{year}} yet',
      body: 'A budget sets how much money a year holds for training and development: for the whole organisation, for a team or per funding source, such as the VIVO sector budget or own means. Groeipad adds up the cost of every action in a POP, shows what is planned, committed and spent, and warns before approval when a POP would exceed the budget.',
      hard: 'Make a budget "hard" when it must not be exceeded: Groeipad then refuses the approval that would ask too much.',
      manager:
        'HR has not set budgets for your teams for {{year}} yet. Below you do see the cost of the actions in your teams’ POPs.',
    },
    add: 'Add budget',
    createTitle: 'New budget',
    editTitle: 'Change budget',
    editNamed: 'Change budget "{{name}}"',
    created: 'The budget "{{name}}" for {{year}} was added.',
    saved: 'The budget "{{name}}" for {{year}} was saved.',
    remove: 'Remove budget',
    removeTitle: 'Remove budget?',
    removeBody:
      'The budget "{{name}}" for {{year}} will be removed. The actions and their funding sources stay; they just no longer count toward this budget.',
    removed: 'The budget was removed.',
    listIntro:
      'Per year one budget per team and funding source. Without a team it covers the whole organisation, without a source all sources together. A team’s budget also covers its sub-teams.',
    listEmpty: 'There are no budgets for {{year}} yet.',
    tableLabel: 'Budgets {{year}}',
    fields: {
      scope: 'Budget for',
      amount: 'Amount',
      amountHint: 'In euros, for the whole year.',
      kind: 'Kind',
      source: 'Funding source',
      sourceHint: 'Empty: all sources together.',
      noSourcesYet: 'Add funding sources first to set a budget per source.',
      allSources: 'All sources',
      clearSource: 'Clear funding source',
      teamHint: 'Empty: the whole organisation. A team also covers its sub-teams.',
      allTeams: 'Whole organisation',
      clearTeam: 'Clear team',
      isHard: 'Hard budget',
      isHardHint: 'An approval that would exceed this budget is refused. Unticked, Groeipad only warns.',
      note: 'Note',
      noteHint: 'E.g. where the amount comes from or what was agreed about it.',
    },
    kinds: {
      vivo: 'VIVO sector budget',
      sector_fund: 'Sector fund',
      subsidy: 'Subsidy',
      own: 'Own means',
      personal_budget: 'Personal development budget (CAO)',
      other: 'Other',
    },
    sources: {
      intro:
        'Where training is paid from: the VIVO sector budget, a sector fund, a subsidy, own means or a personal development budget. Each action gets a source; the rules help HR and managers choose the right one.',
      add: 'Add source',
      createTitle: 'New funding source',
      editTitle: 'Change funding source',
      editNamed: 'Change funding source "{{name}}"',
      created: 'The funding source "{{name}}" was added.',
      saved: 'The funding source "{{name}}" was saved.',
      archive: 'Archive',
      reactivate: 'Use again',
      archivedDone: 'The funding source "{{name}}" was archived.',
      reactivated: 'The funding source "{{name}}" is in use again.',
      archiveHint:
        'An archived source stays with the actions that have it, but cannot be chosen for new actions.',
      kind: 'Kind of source',
      rules: 'Rules',
      rulesHint:
        'In plain words: for whom and what the source is, up to which amount, application deadlines and what to keep.',
      nameHint: 'E.g. "VIVO sector budget 2027" or "Own means".',
      showArchived: 'Also show archived sources',
      inUse: 'In use',
      archivedBadge: 'Archived',
      tableLabel: 'Funding sources',
      emptyTitle: 'No funding sources yet',
      empty:
        'Add the sources you pay training from, e.g. the VIVO sector budget, the socio-cultural sector fund or own means. Then each action gets a source and you can set a budget per source.',
    },
    action: {
      source: 'Funding source',
      sourceHint: 'Which budget pays for this action?',
      noSource: 'Not chosen yet',
      clearSource: 'Clear funding source',
      sourceLine: 'source: {{name}}',
      countsForTrainingRight: 'Counts toward the training right',
      countsForTrainingRightHint:
        'The individual training right (5 days per FTE per year). Flemish training leave, for instance, does not count.',
    },
    check: {
      loading: 'Checking budgets…',
      line: '{{name}}: {{after}} of {{amount}} (+{{over}})',
      blockedTitle: 'This approval will be refused',
      blockedBody:
        'The POP would exceed a hard budget. First change the cost or funding source of the actions, or ask HR to revise the budget.',
      hardTitle: 'A hard budget is exceeded',
      hardBody:
        'You can approve, but the approval that completes the POP will be refused as long as the actions exceed this hard budget.',
      softTitle: 'A budget is exceeded',
      softBody: 'You can approve: the budget is soft. HR sees the overspend in the budget overview.',
    },
    versionFields: {
      fundingSourceName: 'Funding source',
      countsForTrainingRight: 'Counts toward the training right',
    },
  },
};
