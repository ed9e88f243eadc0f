/** Strings of one area (nl-BE): Budgets and funding sources. `errors` and `email` join the server catalogue, `web` the web app's. */
export const budgetsNlBE = {
  errors: {
    BUDGET_EXCEEDED:
      'Goedkeuren kan niet: met dit POP zou het harde budget "{{budget}}" voor {{year}} overschreden worden. Pas de kosten of de financieringsbron van de acties aan, of vraag HR om het budget te herzien.',
    BUDGET_SCOPE_TAKEN:
      'Voor dat jaar bestaat al een budget voor deze afdeling en financieringsbron. Pas dat budget aan in plaats van een tweede te maken.',
  },
  email: {},
  web: {
    nav: 'Budgetten',
    title: 'Budgetten',
    intro:
      'Het vormingsbudget per jaar, voor de hele organisatie, per afdeling en per financieringsbron: wat gepland is, wat vastligt in goedgekeurde POP’s en wat al uitgegeven is.',
    managerIntro:
      'De budgetten van de afdelingen die je leidt: wat gepland is, wat vastligt in goedgekeurde POP’s en wat al uitgegeven is.',
    year: 'Jaar',
    tabs: {
      overview: 'Overzicht',
      budgets: 'Budgetten {{year}}',
      sources: 'Financieringsbronnen',
    },
    hard: 'Hard',
    soft: 'Zacht',
    archived: 'gearchiveerd',
    unknownTeam: 'onbekende afdeling',
    unknownSource: 'onbekende bron',
    scope: {
      organisation: 'Hele organisatie',
      team: 'Afdeling {{team}}',
      source: 'Bron: {{source}}',
      team_source: '{{team}} · {{source}}',
    },
    figures: {
      amount: 'Budget',
      planned: 'Gepland',
      committed: 'Vastgelegd',
      spent: 'Uitgegeven',
      remaining: 'Resterend',
      actions: 'Acties',
    },
    spentBar: 'Uitgegeven: {{spent}} van {{amount}}',
    status: {
      overCommitted: 'Overschreden met {{amount}}',
      overProjected: 'Dreigt overschreden te worden met {{amount}} als wat gepland is goedgekeurd wordt',
      overSpent: 'De uitgaven liggen {{amount}} boven het budget',
      within: 'Binnen het budget',
      overShort: 'boven het budget',
    },
    reading: {
      title: 'Zo lees je de cijfers',
      planned:
        'de kosten van acties in POP’s die nog niet goedgekeurd zijn; bij een lopende aanpassing het verschil met de goedgekeurde versie.',
      committed:
        'de kosten van acties in goedgekeurde POP’s (ook in evaluatie of afgesloten); geannuleerde acties en stopgezette POP’s tellen niet mee.',
      spent: 'de werkelijke kosten die bij de acties ingevuld zijn, afgerond of niet.',
      remaining: 'het budget min wat vastgelegd is.',
      hard: 'een goedkeuring die het budget zou overschrijden, wordt geweigerd. Een zacht budget waarschuwt alleen.',
    },
    perSource: 'Per financieringsbron',
    perTeam: 'Per afdeling',
    withoutSource: 'Zonder financieringsbron',
    withoutTeam: 'Zonder afdeling',
    noSources: 'Er zijn nog geen financieringsbronnen.',
    noTeams: 'Er zijn geen afdelingen.',
    noActions: 'In {{year}} zijn er nog geen acties met een kostprijs.',
    notCountedTitle: 'Niet meegeteld',
    notCountedLine_one:
      '{{count}} actie in {{currency}} ({{committed}} vastgelegd, {{planned}} gepland) telt niet mee: de budgetten zijn in een andere munt.',
    notCountedLine_other:
      '{{count}} acties in {{currency}} ({{committed}} vastgelegd, {{planned}} gepland) tellen niet mee: de budgetten zijn in een andere munt.',
    notCountedShort: 'Niet meegeteld (andere munt): {{list}}',
    empty: {
      title: 'Nog geen budgetten voor {{year}}',
      body: 'Een budget legt vast hoeveel geld er in een jaar is voor vorming en opleiding: voor de hele organisatie, voor een afdeling of per financieringsbron, zoals het VIVO-sectorbudget of eigen middelen. Groeipad telt de kostprijs van elke actie in een POP mee, toont wat gepland, vastgelegd en uitgegeven is, en waarschuwt vóór de goedkeuring als een POP het budget zou overschrijden.',
      hard: 'Maak een budget "hard" als het niet overschreden mag worden: dan weigert Groeipad de goedkeuring die te veel zou vragen.',
      manager:
        'HR heeft voor {{year}} nog geen budgetten voor je afdelingen vastgelegd. Hieronder zie je wel de kosten van de acties in de POP’s van je afdelingen.',
    },
    add: 'Budget toevoegen',
    createTitle: 'Nieuw budget',
    editTitle: 'Budget wijzigen',
    editNamed: 'Budget "{{name}}" wijzigen',
    created: 'Het budget "{{name}}" voor {{year}} is toegevoegd.',
    saved: 'Het budget "{{name}}" voor {{year}} is bewaard.',
    remove: 'Budget verwijderen',
    removeTitle: 'Budget verwijderen?',
    removeBody:
      'Het budget "{{name}}" voor {{year}} wordt verwijderd. De acties en hun financieringsbronnen blijven; ze tellen alleen niet meer mee voor dit budget.',
    removed: 'Het budget is verwijderd.',
    listIntro:
      'Per jaar één budget per afdeling en financieringsbron. Zonder afdeling geldt het voor de hele organisatie, zonder bron voor alle bronnen samen. Een budget van een afdeling omvat ook haar subafdelingen.',
    listEmpty: 'Er zijn nog geen budgetten voor {{year}}.',
    tableLabel: 'Budgetten {{year}}',
    fields: {
      scope: 'Budget voor',
      amount: 'Bedrag',
      amountHint: 'In euro, voor het hele jaar.',
      kind: 'Soort',
      source: 'Financieringsbron',
      sourceHint: 'Leeg: alle bronnen samen.',
      noSourcesYet: 'Voeg eerst financieringsbronnen toe om een budget per bron te maken.',
      allSources: 'Alle bronnen',
      clearSource: 'Financieringsbron wissen',
      teamHint: 'Leeg: de hele organisatie. Een afdeling omvat ook haar subafdelingen.',
      allTeams: 'Hele organisatie',
      clearTeam: 'Afdeling wissen',
      isHard: 'Hard budget',
      isHardHint:
        'Een goedkeuring die dit budget zou overschrijden, wordt geweigerd. Zonder vinkje waarschuwt Groeipad alleen.',
      note: 'Notitie',
      noteHint: 'Bv. waar het bedrag vandaan komt of wat ermee afgesproken is.',
    },
    kinds: {
      vivo: 'VIVO-sectorbudget',
      sector_fund: 'Sectorfonds',
      subsidy: 'Subsidie',
      own: 'Eigen middelen',
      personal_budget: 'Persoonlijk ontwikkelbudget (cao)',
      other: 'Andere',
    },
    sources: {
      intro:
        'Waaruit vorming betaald wordt: het VIVO-sectorbudget, een sectorfonds, een subsidie, eigen middelen of een persoonlijk ontwikkelbudget. Bij elke actie kies je een bron; de regels helpen HR en leidinggevenden de juiste te kiezen.',
      add: 'Bron toevoegen',
      createTitle: 'Nieuwe financieringsbron',
      editTitle: 'Financieringsbron wijzigen',
      editNamed: 'Financieringsbron "{{name}}" wijzigen',
      created: 'De financieringsbron "{{name}}" is toegevoegd.',
      saved: 'De financieringsbron "{{name}}" is bewaard.',
      archive: 'Archiveren',
      reactivate: 'Opnieuw in gebruik nemen',
      archivedDone: 'De financieringsbron "{{name}}" is gearchiveerd.',
      reactivated: 'De financieringsbron "{{name}}" is opnieuw in gebruik.',
      archiveHint:
        'Een gearchiveerde bron blijft bij de acties die ze al hebben, maar kan niet meer gekozen worden voor nieuwe acties.',
      kind: 'Soort bron',
      rules: 'Regels',
      rulesHint:
        'In gewone woorden: voor wie en waarvoor de bron dient, tot welk bedrag, aanvraagtermijnen en wat je moet bewaren.',
      nameHint: 'Bv. "VIVO sectorbudget 2027" of "Eigen middelen".',
      showArchived: 'Toon ook gearchiveerde bronnen',
      inUse: 'In gebruik',
      archivedBadge: 'Gearchiveerd',
      tableLabel: 'Financieringsbronnen',
      emptyTitle: 'Nog geen financieringsbronnen',
      empty:
        'Voeg de bronnen toe waaruit jullie vorming betalen, bv. het VIVO-sectorbudget, het Sectorfonds sociaal-cultureel werk of eigen middelen. Daarna kies je bij elke actie een bron en kun je per bron een budget vastleggen.',
    },
    action: {
      source: 'Financieringsbron',
      sourceHint: 'Uit welk budget wordt deze actie betaald?',
      noSource: 'Nog niet gekozen',
      clearSource: 'Financieringsbron wissen',
      sourceLine: 'bron: {{name}}',
      countsForTrainingRight: 'Telt mee voor het opleidingsrecht',
      countsForTrainingRightHint:
        'Het individuele opleidingsrecht (5 dagen per VTE per jaar). Vlaams opleidingsverlof telt bijvoorbeeld niet mee.',
    },
    check: {
      loading: 'Budgetten nakijken…',
      line: '{{name}}: {{after}} van {{amount}} (+{{over}})',
      blockedTitle: 'Deze goedkeuring wordt geweigerd',
      blockedBody:
        'Het POP zou een hard budget overschrijden. Pas eerst de kosten of de financieringsbron van de acties aan, of vraag HR om het budget te herzien.',
      hardTitle: 'Een hard budget wordt overschreden',
      hardBody:
        'Je kunt goedkeuren, maar de goedkeuring die het POP vastlegt, wordt geweigerd zolang de acties dit harde budget overschrijden.',
      softTitle: 'Een budget wordt overschreden',
      softBody: 'Goedkeuren kan: het budget is zacht. HR ziet de overschrijding in het budgetoverzicht.',
    },
    versionFields: {
      fundingSourceName: 'Financieringsbron',
      countsForTrainingRight: 'Telt mee voor het opleidingsrecht',
    },
  },
};
