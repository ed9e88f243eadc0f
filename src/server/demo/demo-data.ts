import type { Role } from '../../shared/roles.js';

/**
 * The demo organisation: a Flemish social-profit vzw with housing support, a day-care workshop and support
 * services. Every account shares one password, printed at start-up with the sign-in names.
 */
export const demoPassword = 'Groeipad-Demo-2026';

export const demoOrganisation = {
  name: 'vzw De Brug',
  country: 'BE',
  locale: 'nl-BE',
  timeZone: 'Europe/Brussels',
} as const;

export interface DemoCompetency {
  name: string;
  description: string;
  indicators: string[];
}

export const demoCompetencies: DemoCompetency[] = [
  {
    name: 'Cliëntgerichtheid',
    description: 'De noden, wensen en mogelijkheden van de cliënt centraal zetten in het dagelijkse werk.',
    indicators: [
      'Vraagt actief naar wat de cliënt zelf wil en kan',
      'Betrekt de cliënt en zijn netwerk bij beslissingen',
      'Past de ondersteuning aan wanneer de situatie van de cliënt verandert',
    ],
  },
  {
    name: 'Inlevingsvermogen',
    description:
      'Zich kunnen verplaatsen in de gevoelens en het standpunt van anderen en daar gepast op reageren.',
    indicators: [
      'Luistert zonder meteen te oordelen',
      'Benoemt wat hij of zij bij de ander merkt',
      'Houdt rekening met de achtergrond en de beleving van de ander',
    ],
  },
  {
    name: 'Samenwerken',
    description: 'Met collega’s en partners samen naar een gemeenschappelijk doel werken.',
    indicators: [
      'Deelt informatie tijdig met het team',
      'Biedt uit zichzelf hulp aan collega’s',
      'Komt gemaakte afspraken in het team na',
      'Bespreekt meningsverschillen open en respectvol',
    ],
  },
  {
    name: 'Communicatie',
    description: 'Helder en afgestemd op de ander informatie overbrengen, mondeling en schriftelijk.',
    indicators: [
      'Past taal en tempo aan aan de gesprekspartner',
      'Rapporteert duidelijk en volledig in het cliëntdossier',
      'Controleert of de boodschap goed begrepen is',
    ],
  },
  {
    name: 'Zelfstandigheid',
    description: 'Binnen de afspraken van de organisatie zelf het werk aanpakken en beslissingen nemen.',
    indicators: [
      'Neemt initiatief zonder daarop te wachten',
      'Weet wanneer overleg met de leidinggevende nodig is',
      'Lost praktische problemen zelf op',
    ],
  },
  {
    name: 'Flexibiliteit',
    description: 'Zich vlot aanpassen aan veranderende omstandigheden, taken en mensen.',
    indicators: [
      'Blijft rustig wanneer de planning onverwacht wijzigt',
      'Staat open voor nieuwe werkwijzen',
      'Springt bij op een andere afdeling wanneer dat nodig is',
    ],
  },
  {
    name: 'Plannen en organiseren',
    description: 'Het eigen werk en dat van anderen doelgericht ordenen, prioriteiten stellen en opvolgen.',
    indicators: [
      'Maakt een haalbare planning en houdt die bij',
      'Stelt prioriteiten wanneer er te veel tegelijk is',
      'Bewaakt deadlines en meldt tijdig als iets niet lukt',
    ],
  },
  {
    name: 'Veerkracht',
    description: 'Onder druk, bij tegenslag of in emotioneel zware situaties effectief blijven functioneren.',
    indicators: [
      'Blijft professioneel in conflictsituaties',
      'Vraagt tijdig ondersteuning of intervisie',
      'Herstelt snel na een moeilijke dienst',
    ],
  },
  {
    name: 'Leervermogen',
    description: 'Nieuwe kennis en vaardigheden opdoen en toepassen, en reflecteren op het eigen handelen.',
    indicators: [
      'Vraagt feedback en doet er iets mee',
      'Past wat geleerd werd in een vorming toe in de praktijk',
      'Deelt nieuwe inzichten met collega’s',
    ],
  },
  {
    name: 'Coachend leidinggeven',
    description: 'Medewerkers ondersteunen in hun groei door ruimte te geven, te luisteren en op te volgen.',
    indicators: [
      'Voert regelmatig opvolgingsgesprekken met medewerkers',
      'Stelt open vragen in plaats van oplossingen aan te reiken',
      'Erkent inzet en groei van medewerkers',
      'Maakt afspraken concreet en volgt ze op',
    ],
  },
  {
    name: 'Nauwkeurigheid',
    description: 'Zorgvuldig en correct werken, met aandacht voor details en regels.',
    indicators: [
      'Controleert het eigen werk op fouten',
      'Volgt procedures en registraties correct op',
      'Houdt dossiers volledig en up-to-date',
    ],
  },
  {
    name: 'Creativiteit',
    description: 'Nieuwe ideeën bedenken en originele oplossingen vinden, ook met beperkte middelen.',
    indicators: [
      'Bedenkt activiteiten die aansluiten bij de interesses van de deelnemers',
      'Hergebruikt materialen op een vindingrijke manier',
      'Durft iets nieuws uit te proberen',
    ],
  },
];

export interface DemoFunction {
  name: string;
  description: string;
  /** Competency names, in the order the profile lists them. */
  competencies: string[];
}

export const demoFunctions: DemoFunction[] = [
  {
    name: 'Woonbegeleider',
    description:
      'Ondersteunt volwassenen met een beperking in hun dagelijks leven in de woonvorm: zelfzorg, huishouden, vrije tijd en contact met het netwerk. Werkt in een onregelmatig uurrooster.',
    competencies: ['Cliëntgerichtheid', 'Inlevingsvermogen', 'Samenwerken', 'Communicatie', 'Veerkracht'],
  },
  {
    name: 'Begeleider dagbesteding',
    description:
      'Organiseert en begeleidt zinvolle dagactiviteiten in het atelier, afgestemd op de interesses en mogelijkheden van de deelnemers.',
    competencies: ['Cliëntgerichtheid', 'Creativiteit', 'Flexibiliteit', 'Samenwerken'],
  },
  {
    name: 'Teamcoördinator',
    description:
      'Geeft leiding aan een team begeleiders, bewaakt de kwaliteit van de ondersteuning, plant de bezetting en voert de POP-gesprekken met de teamleden.',
    competencies: [
      'Coachend leidinggeven',
      'Communicatie',
      'Plannen en organiseren',
      'Veerkracht',
      'Samenwerken',
      'Leervermogen',
    ],
  },
  {
    name: 'Stafmedewerker',
    description:
      'Ondersteunt de organisatie op het vlak van personeel, administratie en kwaliteit: dossiers, subsidies, vormingsplan en rapportering.',
    competencies: ['Nauwkeurigheid', 'Plannen en organiseren', 'Zelfstandigheid', 'Communicatie'],
  },
  {
    name: 'Logistiek medewerker',
    description:
      'Staat in voor onderhoud, kleine herstellingen, vervoer en de voorraad, zodat wonen en dagbesteding vlot kunnen verlopen.',
    competencies: ['Zelfstandigheid', 'Flexibiliteit', 'Nauwkeurigheid'],
  },
];

export interface DemoTeam {
  name: string;
  description: string;
  /** Email of the leidinggevende. */
  manager: string;
}

export const demoTeams: DemoTeam[] = [
  {
    name: 'Woonbegeleiding',
    description: 'Begeleiding in de woonvormen De Linde en Het Anker.',
    manager: 'katrien.vandenbroeck@debrug.example',
  },
  {
    name: 'Atelier & dagbesteding',
    description: 'Het dagcentrum met atelier, tuin en keuken.',
    manager: 'jerome.lambrecht@debrug.example',
  },
  {
    name: 'Ondersteunende diensten',
    description: 'Personeel, administratie, onthaal en logistiek.',
    manager: 'els.wouters@debrug.example',
  },
];

export interface DemoPerson {
  firstName: string;
  lastName: string;
  email: string;
  roles: Role[];
  team: string | null;
  function: string | null;
  /** Email of the direct leidinggevende; always someone listed earlier. */
  manager: string | null;
  startDate: string;
  fte: number;
  workRegime: string;
}

const woon = 'Woonbegeleiding';
const atelier = 'Atelier & dagbesteding';
const support = 'Ondersteunende diensten';
const katrien = 'katrien.vandenbroeck@debrug.example';
const jerome = 'jerome.lambrecht@debrug.example';
const els = 'els.wouters@debrug.example';
const annelies = 'annelies.goossens@debrug.example';
const staff: Role[] = ['employee'];

export const demoPeople: DemoPerson[] = [
  // Directie and leidinggevenden first: everyone's manager exists before them.
  {
    firstName: 'Annelies',
    lastName: 'Goossens',
    email: annelies,
    roles: ['employee', 'admin'],
    team: support,
    function: null,
    manager: null,
    startDate: '2009-09-01',
    fte: 1,
    workRegime: 'voltijds',
  },
  {
    firstName: 'Katrien',
    lastName: 'Van den Broeck',
    email: katrien,
    roles: ['employee', 'manager'],
    team: woon,
    function: 'Teamcoördinator',
    manager: annelies,
    startDate: '2012-03-01',
    fte: 1,
    workRegime: 'voltijds',
  },
  {
    firstName: 'Jérôme',
    lastName: 'Lambrecht',
    email: jerome,
    roles: ['employee', 'manager'],
    team: atelier,
    function: 'Teamcoördinator',
    manager: annelies,
    startDate: '2015-01-05',
    fte: 1,
    workRegime: 'voltijds',
  },
  {
    firstName: 'Els',
    lastName: 'Wouters',
    email: els,
    roles: ['employee', 'manager'],
    team: support,
    function: 'Teamcoördinator',
    manager: annelies,
    startDate: '2011-06-15',
    fte: 0.8,
    workRegime: '4/5',
  },
  {
    firstName: 'Sofie',
    lastName: 'Maes',
    email: 'sofie.maes@debrug.example',
    roles: ['employee', 'hr'],
    team: support,
    function: 'Stafmedewerker',
    manager: els,
    startDate: '2018-02-01',
    fte: 1,
    workRegime: 'voltijds',
  },
  // Woonbegeleiding.
  ...(
    [
      ['Zoë', 'Peeters', 'zoe.peeters', '2021-09-01', 1, 'voltijds'],
      ['Anaïs', 'Vermeulen', 'anais.vermeulen', '2019-04-15', 0.8, '4/5'],
      ['Thomas', 'Janssens', 'thomas.janssens', '2016-10-01', 1, 'voltijds'],
      ['Noah', 'Claes', 'noah.claes', '2023-02-01', 1, 'voltijds'],
      ['Lotte', 'De Backer', 'lotte.debacker', '2020-01-06', 0.5, 'halftijds'],
      ['Bram', 'Willems', 'bram.willems', '2014-05-01', 1, 'voltijds'],
      ['Fatima', 'El Amrani', 'fatima.elamrani', '2022-08-16', 0.8, '4/5'],
      ['Senne', 'Mertens', 'senne.mertens', '2024-09-02', 1, 'voltijds'],
    ] as const
  ).map(([firstName, lastName, local, startDate, fte, workRegime]) => ({
    firstName,
    lastName,
    email: `${local}@debrug.example`,
    roles: staff,
    team: woon,
    function: 'Woonbegeleider',
    manager: katrien,
    startDate,
    fte,
    workRegime,
  })),
  // Atelier & dagbesteding.
  ...(
    [
      ['Hanne', 'Jacobs', 'hanne.jacobs', '2017-03-01', 1, 'voltijds'],
      ['Lucas', 'Dubois', 'lucas.dubois', '2021-01-11', 0.8, '4/5'],
      ['Emma', 'Van Damme', 'emma.vandamme', '2019-09-01', 1, 'voltijds'],
      ['Wout', 'Desmet', 'wout.desmet', '2022-03-14', 0.5, 'halftijds'],
      ['Amélie', 'Verstraeten', 'amelie.verstraeten', '2020-10-01', 1, 'voltijds'],
      ['Youssef', 'Benali', 'youssef.benali', '2023-06-01', 1, 'voltijds'],
      ['Ruben', 'Hermans', 'ruben.hermans', '2018-11-05', 0.8, '4/5'],
    ] as const
  ).map(([firstName, lastName, local, startDate, fte, workRegime]) => ({
    firstName,
    lastName,
    email: `${local}@debrug.example`,
    roles: staff,
    team: atelier,
    function: 'Begeleider dagbesteding',
    manager: jerome,
    startDate,
    fte,
    workRegime,
  })),
  // Ondersteunende diensten.
  ...(
    [
      ['Marie', 'Pauwels', 'marie.pauwels', 'Stafmedewerker', '2016-01-04', 1, 'voltijds'],
      ['Nele', 'Coppens', 'nele.coppens', 'Stafmedewerker', '2021-05-01', 0.8, '4/5'],
      ['Kobe', 'Aerts', 'kobe.aerts', 'Logistiek medewerker', '2019-02-18', 1, 'voltijds'],
      ['Dirk', 'Vandenberghe', 'dirk.vandenberghe', 'Logistiek medewerker', '2008-04-01', 1, 'voltijds'],
      ['Inès', 'Smets', 'ines.smets', 'Logistiek medewerker', '2024-01-08', 0.5, 'halftijds'],
    ] as const
  ).map(([firstName, lastName, local, fn, startDate, fte, workRegime]) => ({
    firstName,
    lastName,
    email: `${local}@debrug.example`,
    roles: staff,
    team: support,
    function: fn,
    manager: els,
    startDate,
    fte,
    workRegime,
  })),
];

/** The accounts printed at start-up: one per role. */
export const demoLogins: { role: string; email: string }[] = [
  { role: 'beheerder', email: annelies },
  { role: 'HR', email: 'sofie.maes@debrug.example' },
  { role: 'leidinggevende', email: katrien },
  { role: 'medewerker', email: 'zoe.peeters@debrug.example' },
];
