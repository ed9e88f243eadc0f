/**
 * Strings of one area (nl-BE): privacy (AVG) — the export of one's own data, retention periods, legal hold, erasure
 * and the register of processing activities. `errors` and `validation` join the server catalogue, `web` the web
 * app's (the server reads `privacy.pdf.*` and `privacy.ropa.*` in the reader's language).
 */
export const privacyNlBE = {
  errors: {
    LEGAL_HOLD_ACTIVE:
      'Voor deze persoon geldt een legal hold: zolang die loopt, worden geen gegevens gewist. Hef de legal hold eerst op.',
    ERASE_SELF: 'Je kunt je eigen gegevens niet wissen. Vraag het aan een andere beheerder.',
    ALREADY_ERASED: 'De gegevens van deze persoon zijn al gewist.',
  },
  validation: {
    retention_below_minimum: 'De wet vraagt om minstens {{min}} maanden te bewaren.',
    retention_training_before_content:
      'Opleidingsgegevens blijven minstens even lang als de inhoud van de POP’s ({{months}} maanden): ze zitten erin tot die inhoud verdwijnt.',
    retention_out_of_range: 'Tussen {{min}} en {{max}} maanden.',
  },
  email: {},
  web: {
    nav: 'Privacy en bewaartermijnen',
    export: {
      title: 'Mijn gegevens downloaden',
      intro:
        'Alles wat Groeipad over jou bewaart, in één keer: je fiche en account, je POP’s met wat je leidinggevende erin schreef (notities, opvolging, evaluatie), je vorming, je meldingen en e-mails, en wie jouw gegevens las of wijzigde.',
      excluded:
        'Niet inbegrepen: wat iemand anders nog niet met je deelde, zoals de voorbereiding van je leidinggevende voor die ze deelt.',
      json: 'JSON-bestand',
      jsonLabel: 'Mijn gegevens downloaden als JSON-bestand (om in te lezen)',
      pdf: 'Leesbare PDF',
      pdfLabel: 'Mijn gegevens downloaden als leesbare PDF',
      failed: 'Downloaden mislukt',
      retention: 'Hoe lang bewaart Groeipad dit?',
    },
    settings: {
      title: 'Privacy en bewaartermijnen',
      intro:
        'Hoe lang Groeipad gegevens bewaart nadat iemand vertrok, per soort gegevens. Elke nacht verwijdert Groeipad wat over zijn termijn is: eerst de inhoud van de POP’s, pas later de opleidingsgegevens die de wet vraagt.',
      tableLabel: 'Bewaartermijnen per soort gegevens',
      category: 'Soort gegevens',
      months: 'Maanden',
      monthsLabel: '{{category}}: bewaartermijn in maanden',
      monthsPlaceholder: 'Standaard ({{months}})',
      defaultMonths: 'Standaard in {{country}}',
      minimum: 'Wettelijk minimum',
      startsAt: 'Vanaf',
      starts: {
        leaving: 'het vertrek',
        event: 'elke gebeurtenis',
      },
      noMinimum: '—',
      descriptions: {
        plan_content:
          'Voorbereidingen, gesprekspunten, doelen, afspraken, gespreksnotities, opvolging, evaluaties en goedgekeurde versies.',
        training_records:
          'Per actie van een goedgekeurd POP: soort, naam, aanbieder, timing, uren, kost, financiering, status en attest; saldo-overzichten en leerrekening.',
        accounts:
          'Aanmelden, sessies, links, meldingen, e-mailkeuzes en e-mails; daarna wordt de fiche een pseudoniem.',
        audit_log: 'Wie wat las of wijzigde. Telt per gebeurtenis, niet vanaf het vertrek.',
      },
      useDefaults: 'Standaard van het land gebruiken',
      save: 'Bewaartermijnen opslaan',
      saved: 'De bewaartermijnen zijn bewaard. Ze gelden vanaf de volgende opruiming.',
      lastRun: 'Laatste opruiming: {{date}}.',
      lastRunRemoved: 'Verwijderd: {{list}}.',
      lastRunNothing: 'Er was niets over zijn termijn.',
      neverRun: 'De opruiming liep nog niet.',
      removedKinds: {
        plan_content: '{{count}} × inhoud van POP’s',
        training_records: '{{count}} × opleidingsgegevens',
        accounts: '{{count}} × account',
        audit_log: '{{count}} regels van het auditlog',
      },
      withoutEndDate:
        '{{count}} gedeactiveerde personen hebben geen einddatum. Hun gegevens blijven bewaard tot je de dag van hun vertrek invult.',
      legalHolds:
        'Voor {{count}} personen loopt een legal hold: hun gegevens en het auditlog worden niet opgeruimd.',
      ropaTitle: 'Register van verwerkingsactiviteiten',
      ropaIntro:
        'Gemaakt uit de instellingen hierboven en die van je organisatie (artikel 30 AVG). Iedereen in de organisatie kan dit lezen.',
      ropaColumns: {
        purpose: 'Doel',
        basis: 'Rechtsgrond',
        subjects: 'Betrokkenen',
        data: 'Gegevens',
        recipients: 'Ontvangers',
        retention: 'Bewaartermijn',
      },
      retentionBasisTitle: 'Waarom deze termijnen',
      measuresTitle: 'Beveiligingsmaatregelen',
      transfersTitle: 'Doorgifte',
      controller: 'Verwerkingsverantwoordelijke',
    },
    person: {
      title: 'Privacy',
      loading: 'Privacygegevens laden',
      due: {
        title: 'Bewaartermijnen van deze persoon',
        noEndDate: 'Geen einddatum: de gegevens blijven bewaard tot de dag van vertrek ingevuld is.',
        purged: '{{category}}: verwijderd op {{date}}',
        planned: '{{category}}: verwijderd vanaf {{date}}',
      },
      legalHold: {
        title: 'Legal hold',
        explain:
          'Bij een geschil of inspectie: zolang de legal hold loopt, worden de gegevens van deze persoon niet opgeruimd of gewist.',
        active: 'Legal hold sinds {{date}} ({{name}}).',
        activeReason: 'Reden: {{reason}}',
        inactive: 'Geen legal hold.',
        set: 'Legal hold instellen',
        lift: 'Legal hold opheffen',
        reason: 'Reden van de legal hold',
        reasonHint: 'Bijvoorbeeld: arbeidsgeschil, vraag van de inspectie.',
        saved: 'De legal hold is ingesteld.',
        lifted: 'De legal hold is opgeheven.',
      },
      erase: {
        title: 'Gegevens wissen',
        explain:
          'Op vraag van de persoon (artikel 17 AVG): de POP-inhoud, voorbereidingen, notities, meldingen, sessies en e-mails verdwijnen en de fiche wordt een pseudoniem. Opleidingsgegevens die de wet vraagt blijven, onder het pseudoniem.',
        button: 'Gegevens wissen',
        blockedByHold: 'Wissen kan niet zolang de legal hold loopt.',
        self: 'Je eigen gegevens laat je door een andere beheerder wissen.',
        confirmTitle: 'Gegevens van {{name}} wissen?',
        confirmBody:
          'Dit kan niet ongedaan gemaakt worden. Het account wordt afgesloten. Wat de wet vraagt (opleidingsgegevens en het auditlog) blijft bewaard voor zijn termijn.',
        reason: 'Reden van het wissen',
        reasonHint:
          'Bijvoorbeeld: vraag van de persoon op 12/03. Vermeld geen gegevens die gewist moeten worden.',
        confirm: 'Definitief wissen',
        done: 'De gegevens zijn gewist.',
        erased: 'Gewist op {{date}} door {{name}}. Pseudoniem: {{pseudonym}}.',
        erasedReason: 'Reden: {{reason}}',
        kept: 'Bewaard: {{list}}',
        keptItem: '{{count}} × {{category}} ({{basis}})',
        basis: {
          learning_account_be: 'leerrekening en opleidingsrecht',
          fiscal_records_nl: 'fiscale bewaarplicht',
          accountability: 'verantwoordingsplicht AVG',
        },
      },
    },
    pdf: {
      fileName: 'mijn-gegevens',
      title: 'Mijn gegevens in Groeipad',
      subtitle: '{{name}} · {{organisation}}',
      intro:
        'Dit document bevat alles wat Groeipad over jou bewaart, ook wat anderen over jou schreven en wie je gegevens las of wijzigde. Het JSON-bestand bevat dezelfde gegevens om in te lezen.',
      none: '—',
      yes: 'Ja',
      no: 'Nee',
      empty: 'Niets.',
      system: 'Groeipad (automatisch)',
      personHeading: 'Je fiche',
      person: {
        name: 'Naam',
        email: 'E-mailadres',
        function: 'Functie',
        team: 'Afdeling',
        manager: 'Leidinggevende',
        startDate: 'In dienst sinds',
        endDate: 'Uit dienst op',
        fte: 'Tewerkstellingsbreuk',
        workRegime: 'Werkregime',
        employmentCountry: 'Land van tewerkstelling',
        locale: 'Taal',
        riskGroup: 'Risicogroep (opleidingsplan)',
        gender: 'Gender (opleidingsplan)',
        legalHold: 'Legal hold',
        createdAt: 'Fiche aangemaakt op',
      },
      accountHeading: 'Je account',
      account: {
        roles: 'Rollen',
        status: 'Status',
        statuses: { active: 'Actief', disabled: 'Gedeactiveerd' },
        hasPassword: 'Wachtwoord ingesteld',
        invitedAt: 'Uitgenodigd op',
        lastLoginAt: 'Laatst aangemeld',
        calendarFeed: 'Agenda-abonnement',
        calendarFeedSince: 'Sinds {{date}}',
        sessions: 'Sessies',
        sessionStarted: 'Begonnen',
        sessionLastSeen: 'Laatst actief',
        sessionIp: 'IP-adres',
        sessionBrowser: 'Browser',
      },
      plansHeading: 'Je POP’s',
      managedHeading: 'POP’s waarvan je de leidinggevende bent',
      managedIntro: 'De inhoud van die POP’s hoort bij de medewerkers zelf en staat in hun eigen export.',
      plan: {
        title: 'POP van {{start}} tot {{end}}',
        employee: 'Medewerker',
        period: 'Periode',
        phase: 'Fase',
        manager: 'Leidinggevende',
        cancelled: 'stopgezet',
        conversationAt: 'POP-gesprek',
        employeeApprovedAt: 'Goedgekeurd door jou',
        managerApprovedAt: 'Goedgekeurd door je leidinggevende',
        approvedVersion: 'Goedgekeurde versie',
        disagreement: 'Gezien, niet akkoord',
        preparation: 'Voorbereiding ({{party}})',
        talkingPoints: 'Gesprekspunten ({{party}})',
        notes: 'Gespreksnotities',
        facilities: 'Faciliteiten',
        goal: 'Ontwikkeldoel: {{title}}',
        description: 'Omschrijving',
        reason: 'Waarom',
        measure: 'Zo zien we dat het bereikt is',
        targetDate: 'Streefdatum',
        result: 'Resultaat',
        action: 'Actie',
        timing: 'Timing',
        hours: 'Uren',
        cost: 'Kost',
        status: 'Status',
        noActions: 'Geen acties.',
        followUp: 'Opvolgingsmoment {{date}} ({{held}})',
        notHeld: 'nog niet gehouden',
        evaluation: 'Evaluatie ({{party}})',
        versions: 'Goedgekeurde versies: {{list}}',
      },
      trainingHeading: 'Vorming en opleidingsrecht',
      trainingNone: 'Geen opleidingsrecht bijgehouden (alleen in België).',
      training: {
        year: 'Opleidingsrecht {{year}}',
        entitlement: 'Recht (dagen)',
        carriedOver: 'Overgedragen (dagen)',
        followed: 'Gevolgd (dagen)',
        planned: 'Gepland (dagen)',
        remaining: 'Saldo (dagen)',
        name: 'Vorming',
        type: 'Soort',
        period: 'Periode',
        hours: 'Uren',
        counts: 'Telt mee',
        statements: 'Saldo-overzichten verstuurd: {{list}}',
      },
      notificationsHeading: 'Meldingen',
      notifications: { when: 'Datum', kind: 'Soort', read: 'Gelezen' },
      preferencesHeading: 'Je e-mailkeuzes',
      preferences: { mode: 'Hoe', none: 'Geen eigen keuzes: je krijgt de standaard.' },
      emailsHeading: 'E-mails aan jou',
      emails: { when: 'Datum', subject: 'Onderwerp', status: 'Status' },
      accessHeading: 'Wie las of wijzigde je gegevens',
      accessIntro: 'Elke keer dat iemand anders je POP las of je gegevens wijzigde, volgens het auditlog.',
      ownHeading: 'Wat je zelf deed',
      audit: { when: 'Wanneer', who: 'Wie', what: 'Wat', fields: 'Velden of onderwerp' },
      retentionHeading: 'Hoe lang Groeipad dit bewaart',
      retention: {
        category: 'Soort gegevens',
        period: 'Termijn',
        leaving: '{{months}} maanden na je vertrek',
        event: '{{months}} maanden na elke gebeurtenis',
        categories: {
          plan_content: 'Inhoud van de POP’s',
          training_records: 'Opleidingsgegevens',
          accounts: 'Account en fiche',
          audit_log: 'Auditlog',
        },
      },
    },
    ropa: {
      controller: '{{organisation}}, die Groeipad gebruikt en beslist waarvoor.',
      period: {
        leaving: '{{months}} maanden na het vertrek',
        event: '{{months}} maanden na elke gebeurtenis',
      },
      activities: {
        pop: {
          name: 'Persoonlijke ontwikkelingsplannen (POP)',
          purpose:
            'De ontwikkeling van medewerkers: voorbereiden, het POP-gesprek, afspraken over doelen en acties, opvolging en evaluatie. Geen beoordeling.',
        },
        training: {
          name: 'Vorming, opleidingsrecht en budgetten',
          purpose:
            'Vormingen bijhouden, het opleidingsrecht en de leerrekening (België), het opleidingsplan en de budgetten voor vorming.',
        },
        accounts: {
          name: 'Accounts en berichten',
          purpose: 'Aanmelden en beveiliging, herinneringen, meldingen en e-mails over de POP-cyclus.',
        },
        audit: {
          name: 'Auditlog',
          purpose:
            'Verantwoording: wie welke gegevens las of wijzigde, voor de betrokkene zelf en de beheerder.',
        },
      },
      basis: {
        contract_legitimate_interest:
          'Uitvoering van de arbeidsovereenkomst en gerechtvaardigd belang bij de ontwikkeling van medewerkers (art. 6.1.b en f AVG).',
        legal_obligation_be:
          'Wettelijke verplichting (art. 6.1.c AVG): het individuele opleidingsrecht en de federale leerrekening (Arbeidsdeal, wet van 3 oktober 2022), het opleidingsplan en de sociale documenten.',
        legal_obligation_nl:
          'Wettelijke verplichting (art. 6.1.c AVG): scholing die nodig is voor de functie (art. 7:611a BW) en de fiscale bewaarplicht (art. 52 AWR).',
        contract_security:
          'Uitvoering van de arbeidsovereenkomst en beveiliging (art. 6.1.b en f, art. 32 AVG).',
        accountability:
          'Verantwoordingsplicht en beveiliging (art. 5.2 en 32 AVG), gerechtvaardigd belang (art. 6.1.f).',
      },
      subjects: {
        employees: 'Medewerkers',
        managers: 'Leidinggevenden',
        members: 'Iedereen met een account in de organisatie',
      },
      data: {
        identification: 'Naam en e-mailadres',
        job: 'Functie, afdeling, leidinggevende, datum in en uit dienst, tewerkstellingsbreuk',
        development:
          'Voorbereidingen, gesprekspunten, ontwikkeldoelen, acties, gespreksnotities, opvolging en evaluaties',
        training: 'Vormingen: soort, naam, aanbieder, data, uren, kost, financiering, attest',
        training_plan_facts: 'Risicogroep en gender (alleen HR, alleen geteld in het opleidingsplan)',
        sign_in: 'Wachtwoord (versleuteld), sessies met IP-adres en browser, links',
        messages: 'Meldingen, e-mailkeuzes en verstuurde e-mails',
        activity:
          'Handelingen met tijdstip, rol en gewijzigde velden (zonder wachtwoorden of voorbereidingen)',
      },
      recipients: {
        employee: 'De medewerker zelf',
        manager: 'De leidinggevende van het POP',
        hr_with_content:
          'HR (ook de inhoud van de POP’s, zo ingesteld door de organisatie; nooit de voorbereidingen)',
        hr_without_content: 'HR (fase, data en aantallen; niet de inhoud)',
        admin_without_content: 'De beheerder (zonder de inhoud van de POP’s)',
        manager_balances: 'De leidinggevende (saldo van de eigen medewerkers)',
        hr: 'HR',
        learning_account: 'Sigedis (federale leerrekening), via de aangifte door HR',
        works_council: 'Ondernemingsraad of vakbondsafvaardiging (opleidingsplan, alleen aantallen)',
        admin_accounts: 'De beheerder (accounts en rollen)',
        mail_server: 'De mailserver die de organisatie instelde (verwerker)',
        employee_reads: 'De medewerker zelf (wie zijn of haar POP las)',
      },
      categories: {
        plan_content: 'Inhoud van de POP’s',
        training_records: 'Opleidingsgegevens en kosten',
        accounts: 'Accounts en fiche',
        audit_log: 'Auditlog',
      },
      retentionBasis: {
        BE: {
          plan_content:
            'Personeelsgegevens: 5 jaar na het vertrek, zoals de sociale documenten (KB van 8 augustus 1980) en de controles van de sociale inspectie.',
          training_records:
            '6 jaar na het vertrek: de 5 jaar van de sociale documenten, gerekend vanaf het einde van het jaar waarover de leerrekening gaat (wettelijk minimum 5 jaar).',
          accounts: 'Zoals de personeelsgegevens: 5 jaar na het vertrek.',
          audit_log: '2 jaar na elke gebeurtenis: genoeg om vragen over twee POP-cycli te beantwoorden.',
        },
        NL: {
          plan_content:
            'Personeelsgegevens: 2 jaar na het vertrek (richtlijn van de Autoriteit Persoonsgegevens).',
          training_records:
            '7 jaar na het vertrek: de fiscale bewaarplicht van de administratie (art. 52 AWR).',
          accounts: 'Zoals de personeelsgegevens: 2 jaar na het vertrek.',
          audit_log: '2 jaar na elke gebeurtenis: genoeg om vragen over twee POP-cycli te beantwoorden.',
        },
        organisation: {
          plan_content: 'Gekozen door de organisatie.',
          training_records: 'Gekozen door de organisatie.',
          accounts: 'Gekozen door de organisatie.',
          audit_log: 'Gekozen door de organisatie.',
        },
      },
      measures: {
        roles:
          'Toegang per rol: medewerker, leidinggevende, HR en beheerder zien elk alleen wat ze nodig hebben.',
        preparations:
          'Een voorbereiding blijft privé tot haar auteur ze deelt; HR leest nooit voorbereidingen.',
        passwords: 'Wachtwoorden met argon2id versleuteld; links en sessies alleen als hash bewaard.',
        sessions: 'Sessies verlopen na inactiviteit; elke wijziging vraagt een CSRF-token.',
        audit:
          'Een auditlog waar niets in gewijzigd of uit gewist kan worden, behalve door de bewaartermijn.',
        export: 'Iedereen kan zijn eigen gegevens downloaden (JSON en PDF).',
        retention: 'Een dagelijkse opruiming volgens de bewaartermijnen, met legal hold.',
        backups: 'Groeipad draait op de servers die de organisatie kiest; back-ups volgen die hosting.',
      },
      transfers:
        'Groeipad zelf geeft geen gegevens door buiten de organisatie, behalve e-mails via de ingestelde mailserver en (België) de aangifte van de leerrekening door HR.',
    },
  },
};
