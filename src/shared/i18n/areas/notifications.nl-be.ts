/** Strings of one area (nl-BE): Calendar, reminders and notifications. `errors` and `email` join the server catalogue, `web` the web app's. */
export const notificationsNlBE = {
  errors: {
    NOTIFICATION_MANDATORY:
      'Deze e-mail is verplicht in je organisatie: je krijgt hem altijd meteen. Je kan hem niet uitzetten of bundelen.',
    NOTIFICATION_NO_DIGEST: 'Deze e-mail kan niet wachten tot het weekoverzicht: kies "meteen" of "uit".',
    NOTIFICATION_NOT_FOR_YOU: 'Deze e-mail is alleen voor HR.',
    CALENDAR_NO_EVENT: 'Voor dit moment is (nog) geen datum gepland.',
    CALENDAR_PARTIES_ONLY: 'Agenda-items van een POP zijn er alleen voor de medewerker en de leidinggevende.',
    OUTBOX_NOT_RETRYABLE: 'Deze e-mail wacht niet op een nieuwe poging.',
  },
  email: {
    notifications: {
      greeting: 'Dag {{name}},',
      footer:
        'Groeipad: persoonlijke ontwikkelingsplannen voor {{organisation}}. Welke e-mails je krijgt, kies je op je profielpagina in Groeipad.',
      cycle_started: {
        subject: 'Je POP-cyclus met {{other}} is gestart',
        body: 'Er is een nieuwe POP-cyclus geopend voor de periode {{periodStart}} – {{periodEnd}}. Je kan nu je voorbereiding invullen; die blijft privé tot je ze zelf deelt.',
        action: 'Open je voorbereiding',
      },
      preparation_due: {
        subject: 'Bereid je POP-gesprek met {{other}} voor',
        body: 'Je POP-gesprek staat gepland op {{when}}. Deel je voorbereiding en gesprekspunten uiterlijk op {{deadline}}, een week voor het gesprek, zodat jullie allebei tijd hebben om ze te lezen.',
        action: 'Naar je voorbereiding',
      },
      exchange_deadline: {
        subject: 'Vandaag wisselen jullie de voorbereiding van het POP-gesprek met {{other}} uit',
        body: 'Het POP-gesprek is op {{when}}. Vandaag, een week op voorhand, delen jullie je voorbereiding en gesprekspunten.',
        missing: {
          you: 'Jij deelde je voorbereiding nog niet.',
          other: '{{other}} deelde de voorbereiding nog niet.',
          both: 'Jullie deelden allebei je voorbereiding nog niet.',
        },
        action: 'Naar de voorbereiding',
      },
      conversation_invitation: {
        subject: 'Uitnodiging: POP-gesprek met {{other}} op {{when}}',
        body: 'Het POP-gesprek met {{other}} is gepland op {{when}}. De uitnodiging zit als agenda-item bij deze e-mail.',
        subjectChanged: 'Gewijzigd: POP-gesprek met {{other}} op {{when}}',
        bodyChanged:
          'Het POP-gesprek met {{other}} is verplaatst naar {{when}}. Het agenda-item bij deze e-mail werkt je agenda bij.',
        action: 'Open het POP',
      },
      conversation_cancelled: {
        subject: 'Geannuleerd: POP-gesprek met {{other}} op {{when}}',
        body: 'Het POP-gesprek met {{other}} van {{when}} gaat niet door. Het agenda-item bij deze e-mail haalt het uit je agenda.',
        action: 'Open het POP',
      },
      conversation_tomorrow: {
        subject: 'Morgen: POP-gesprek met {{other}}',
        body: 'Je POP-gesprek met {{other}} is morgen, {{when}}. Lees vooraf de gedeelde voorbereiding en gesprekspunten na.',
        action: 'Open het POP',
      },
      approval_waiting: {
        subject: 'Het POP wacht op je goedkeuring',
        body: '{{other}} keurde het POP goed op {{date}}. Lees het na en keur het ook goed, of geef aan wat je anders ziet.',
        action: 'Naar het POP',
      },
      follow_up_due: {
        subject: 'Morgen: opvolgingsmoment met {{other}}',
        body: 'Morgen, {{date}}, staat een opvolgingsmoment van je POP gepland. Hoe loopt de uitvoering? Wat kan sneller, en moet er iets bijgestuurd worden?',
        action: 'Naar de opvolging',
      },
      action_overdue: {
        subject: 'Een actie in je POP wacht op een update',
        body: 'De datum van een actie in je POP ({{date}}) is voorbij, en de actie kreeg sindsdien geen update. Zet de status bij, of spreek met {{other}} een nieuwe timing af.',
        action: 'Naar de uitvoering',
      },
      evaluation_due: {
        subject: 'Evaluatie van je POP met {{other}} op {{date}}',
        body: 'De evaluatie van je POP staat gepland op {{date}}. Zijn de ontwikkeldoelen bereikt? Wat betekende het leren voor je functioneren en je loopbaan?',
        action: 'Open het POP',
      },
      training_balance: {
        subject: 'Opleidingsrecht {{year}}: stuur de saldo-overzichten',
        body: 'Elke werknemer hoort minstens één keer per jaar hoeveel opleidingsdagen er nog openstaan. De overzichten voor {{year}} zijn nog niet verstuurd.',
        action: 'Naar het opleidingsrecht',
      },
      digest: {
        subject: 'Je weekoverzicht van Groeipad',
        intro: 'Dit staat deze week voor je klaar in Groeipad:',
        action: 'Open Groeipad',
      },
      calendar: {
        name: 'Groeipad – {{name}}',
        conversation: 'POP-gesprek met {{other}}',
        follow_up: 'Opvolgingsmoment POP met {{other}}',
        evaluation: 'Evaluatie POP met {{other}}',
        description: 'Open het POP in Groeipad: {{url}}',
      },
    },
  },
  web: {
    bell: {
      label: 'Meldingen',
      unread_one: 'Meldingen, {{count}} ongelezen',
      unread_other: 'Meldingen, {{count}} ongelezen',
    },
    page: {
      title: 'Meldingen',
      intro:
        'Herinneringen en nieuws over je POP: een nieuwe cyclus, de voorbereiding, het gesprek, goedkeuringen, opvolging en evaluatie.',
      markAllRead: 'Alles gelezen',
      markRead: 'Gelezen',
      markReadNamed: 'Markeer "{{title}}" als gelezen',
      allRead: 'Alle meldingen zijn gelezen.',
      empty: 'Nog geen meldingen. Zodra er iets te doen is in je POP, verschijnt het hier.',
      emptyUnread: 'Geen ongelezen meldingen.',
      filterLabel: 'Welke meldingen',
      filters: { all: 'Alle', unread: 'Ongelezen' },
      unread: 'Ongelezen',
      open: 'Openen',
      more: 'Meer tonen',
      listLabel: 'Meldingen, nieuwste eerst',
      preferences: 'Welke e-mails krijg ik?',
    },
    kinds: {
      cycle_started: {
        label: 'Een nieuwe POP-cyclus is gestart',
        title: 'Nieuwe POP-cyclus met {{other}} ({{periodStart}} – {{periodEnd}})',
      },
      preparation_due: {
        label: 'Voorbereiding: tijd om voor te bereiden',
        title: 'Bereid je POP-gesprek met {{other}} voor: delen uiterlijk {{deadline}}',
      },
      exchange_deadline: {
        label: 'Voorbereidingen uitwisselen (een week voor het gesprek)',
        title: 'Voorbereidingen uitwisselen met {{other}}: uiterlijk {{deadline}}',
      },
      conversation_invitation: {
        label: 'Uitnodiging voor het POP-gesprek (agenda-item)',
        title: 'POP-gesprek met {{other}} gepland op {{when}}',
      },
      conversation_cancelled: {
        label: 'Het POP-gesprek gaat niet door',
        title: 'POP-gesprek met {{other}} van {{when}} geannuleerd',
      },
      conversation_tomorrow: {
        label: 'Het POP-gesprek is morgen',
        title: 'Herinnering: POP-gesprek met {{other}} op {{when}}',
      },
      approval_waiting: {
        label: 'Het POP wacht op je goedkeuring',
        title: 'Goedkeuring gevraagd: {{other}} keurde het POP goed op {{date}}',
      },
      follow_up_due: {
        label: 'Een opvolgingsmoment komt eraan',
        title: 'Herinnering: opvolgingsmoment met {{other}} op {{date}}',
      },
      action_overdue: {
        label: 'Een actie kreeg geen update na haar datum',
        title: 'Een actie met datum {{date}} wacht op een update',
      },
      evaluation_due: {
        label: 'De evaluatie komt eraan',
        title: 'Evaluatie van je POP met {{other}} op {{date}}',
      },
      training_balance: {
        label: 'Jaarlijkse saldo-overzichten opleidingsrecht (HR)',
        title: 'Opleidingsrecht {{year}}: stuur de saldo-overzichten',
      },
    },
    missing: {
      you: 'Op dat moment had jij nog niet gedeeld.',
      other: 'Op dat moment had {{other}} nog niet gedeeld.',
      both: 'Op dat moment hadden jullie allebei nog niet gedeeld.',
    },
    preferences: {
      title: 'E-mails',
      intro:
        'Kies per soort of je meteen een e-mail krijgt, alles samen in een weekoverzicht op maandag, of geen e-mail. In Groeipad zelf zie je alle meldingen altijd.',
      kind: 'Soort e-mail',
      mode: 'Hoe',
      tableLabel: 'Je keuzes per soort e-mail',
      modes: { instant: 'Meteen', digest: 'Weekoverzicht', off: 'Uit' },
      modeLabel: '{{kind}}: hoe wil je deze e-mail krijgen?',
      mandatory: 'Verplicht',
      mandatoryHint: 'Je organisatie stuurt deze e-mail altijd meteen.',
      saved: 'Je keuze is bewaard.',
    },
    feed: {
      title: 'Agenda-abonnement',
      intro:
        'Zet je POP-gesprekken, opvolgingsmomenten en evaluaties automatisch in Outlook, Google Agenda of je telefoon. De link is persoonlijk: wie hem heeft, ziet de datums en namen (nooit de inhoud van je POP).',
      none: 'Je hebt nog geen agenda-abonnement.',
      activeSince: 'Actief sinds {{date}}.',
      lastUsed: 'Laatst opgehaald door je agenda: {{date}}.',
      neverUsed: 'Je agenda haalde het nog niet op.',
      create: 'Agenda-link maken',
      renew: 'Nieuwe link maken',
      renewHint: 'De oude link werkt dan niet meer.',
      revoke: 'Intrekken',
      revokeTitle: 'Agenda-abonnement intrekken?',
      revokeBody: 'Je agenda krijgt geen nieuwe datums meer binnen. Je kan later een nieuwe link maken.',
      revoked: 'Het agenda-abonnement is ingetrokken.',
      created: 'Je agenda-link is klaar.',
      urlLabel: 'Je persoonlijke agenda-link',
      shownOnce:
        'Kopieer de link nu: Groeipad bewaart hem niet leesbaar en toont hem maar één keer. Kwijt? Maak dan een nieuwe.',
      copy: 'Kopiëren',
      copied: 'Gekopieerd',
      subscribe: 'Abonneren in je agenda-app',
      howOutlook: 'Outlook: Agenda → Agenda toevoegen → Abonneren vanaf internet, en plak de link.',
      howGoogle: 'Google Agenda: Andere agenda’s → + → Via URL, en plak de link.',
    },
    ics: {
      download: 'In agenda',
      conversation: 'POP-gesprek toevoegen aan je agenda (.ics)',
      follow_up: 'Opvolgingsmoment van {{date}} toevoegen aan je agenda (.ics)',
      evaluation: 'Evaluatie toevoegen aan je agenda (.ics)',
    },
    settings: {
      title: 'Verplichte e-mails',
      intro:
        'Deze e-mails krijgt iedereen meteen, ook wie ze in het eigen profiel uitzette of bundelde in het weekoverzicht.',
      saved: 'De verplichte e-mails zijn bewaard.',
      save: 'Bewaren',
    },
    outbox: {
      retrying: 'nieuwe poging',
      attempts_one: '{{count}} poging',
      attempts_other: '{{count}} pogingen',
      nextAttempt: 'Volgende poging: {{date}}',
      retryNow: 'Nu opnieuw proberen',
      retryNamed: '"{{subject}}" aan {{to}} opnieuw versturen',
      retried: 'De e-mail wordt opnieuw verstuurd.',
      problems_one:
        '{{count}} e-mail kon niet afgeleverd worden. Controleer de instellingen van de mailserver (SMTP) en probeer opnieuw.',
      problems_other:
        '{{count}} e-mails konden niet afgeleverd worden. Controleer de instellingen van de mailserver (SMTP) en probeer opnieuw.',
      retryingInfo_one: '{{count}} e-mail wacht op een nieuwe poging.',
      retryingInfo_other: '{{count}} e-mails wachten op een nieuwe poging.',
    },
  },
};
