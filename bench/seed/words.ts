import type { Prng } from './prng.js';

/**
 * The words of the generated organisation: Flemish first and last names (with the diacritics real payroll files
 * carry), the units of a hospital and care group, functions, competencies and the texts of POPs, written in the
 * register of the seed texts. Texts are assembled from sentences so their length varies like real ones.
 */

export const firstNames = [
  'Anaïs',
  'Zoë',
  'Chloë',
  'Noë',
  'Joëlle',
  'Inès',
  'Thaïs',
  'Mathéo',
  'Loïc',
  'Raphaël',
  'Michaël',
  'Gaëlle',
  'Eline',
  'Lotte',
  'Wout',
  'Jens',
  'Sien',
  'Fien',
  'Marthe',
  'Lore',
  'Jef',
  'Mieke',
  'Rik',
  'Griet',
  'Bram',
  'Senne',
  'Lucas',
  'Arthur',
  'Jules',
  'Louis',
  'Noah',
  'Liam',
  'Elise',
  'Hanne',
  'Lien',
  'Kaat',
  'Jorien',
  'Stijn',
  'Pieter',
  'Koen',
  'Dirk',
  'Ann',
  'Els',
  'Veerle',
  'Katrien',
  'Sofie',
  'Annelies',
  'Bart',
  'Tom',
  'Sarah',
  'Laura',
  'Femke',
  'Nele',
  'Ruth',
  'Hilde',
  'Marleen',
  'Yasmina',
  'Mohamed',
  'Fatima',
  'Aylin',
  'Emre',
  'Ahmed',
  'Saïd',
  'Björn',
  'Séverine',
  'André',
  'Hélène',
  'René',
  'Cédric',
  'Frédéric',
  'Ilse',
  'Gert',
  'Joke',
  'Tine',
  'Wim',
  'Jan',
  'Greet',
  'Lieve',
  'Kristof',
  'Jelle',
  'Ine',
  'Evi',
  'Lisa',
  'Emma',
  'Olivia',
  'Louise',
  'Mila',
  'Nora',
  'Julie',
  'Amélie',
  'Maïté',
  'Jasper',
  'Seppe',
  'Toon',
  'Warre',
  'Vic',
  'Roel',
  'Sven',
  'Nathalie',
  'Caroline',
  'Dominique',
  'Pascale',
  'Yannick',
  'Kevin',
  'Jonas',
  'Ruben',
  'Mats',
  'Ferre',
  'Margot',
  'Jana',
  'Lena',
  'Axelle',
  'Ayşe',
  'Zeynep',
  'Oumaima',
  'Khadija',
  'Youssef',
  'Bilal',
  'Amina',
  'Agnieszka',
  'Krzysztof',
  'Ioana',
  'Dragoș',
  'Kerem',
  'Çiğdem',
  'Françoise',
  'Geneviève',
  'Véronique',
] as const;

export const lastNames = [
  'Peeters',
  'Janssens',
  'Maes',
  'Jacobs',
  'Mertens',
  'Willems',
  'Claes',
  'Goossens',
  'Wouters',
  'De Smet',
  'Dubois',
  'Lambert',
  'Dupont',
  'Vermeulen',
  'Van den Broeck',
  'De Backer',
  'Van Damme',
  'Hermans',
  'Lemmens',
  'Martens',
  'De Clercq',
  'Verstraeten',
  'Van de Velde',
  "D'Hondt",
  'Desmet',
  'Van Hoof',
  'Vandenberghe',
  'Coppens',
  'Aerts',
  'Smets',
  'Stevens',
  'Verhoeven',
  'Michiels',
  'Dewulf',
  'Bogaert',
  'Vercammen',
  'Declercq',
  'Van Acker',
  'Geerts',
  'Segers',
  'Cuypers',
  'Leclercq',
  'Renard',
  'Lefèvre',
  'Gérard',
  'Mathieu',
  'Hendrickx',
  'Van Looy',
  'Thys',
  'Moens',
  'Baeten',
  'Vanderstraeten',
  'Vrancken',
  'Devos',
  'Pauwels',
  'De Vos',
  'Verbeke',
  'Schepens',
  'Demeulenaere',
  'Öztürk',
  'Yılmaz',
  'El Amrani',
  'Benali',
  'Dias',
  'Nowak',
  'Van Gucht',
  'Van Overmeire',
  'Callewaert',
  'Vanhoutte',
  'Deprez',
  'Ghysels',
  'Verlinden',
  'Bosmans',
  'Vandamme',
  'Van der Linden',
  'Wuyts',
  'Francken',
  'Van Camp',
  'Vervoort',
  'Nijs',
  'Heylen',
  'Luyten',
  'Celis',
  'Daems',
  'Van Dyck',
  'Govaerts',
  'Sels',
  'Verschueren',
  'Pieters',
  'Boeckx',
  'Crèvecoeur',
  'Lejeune',
  'Noël',
  'Delcroix',
  'Kowalski',
  'Popescu',
  'Şahin',
  'Kaya',
  'Ben Salah',
  'Haddouchi',
  'Mušić',
] as const;

export const campuses = [
  'Sint-Jozef',
  'Heilig Hart',
  'Maria Middelares',
  'Sint-Elisabeth',
  'Sint-Vincentius',
  'Onze-Lieve-Vrouw',
  'Sint-Jan',
  'Sint-Andries',
  'Sint-Rembert',
  'De Linde',
  'Ter Beuken',
  'Zonnewende',
] as const;

export const units = [
  'Cardiologie',
  'Spoedgevallen',
  'Intensieve zorg',
  'Materniteit',
  'Pediatrie',
  'Geriatrie',
  'Oncologie',
  'Dagziekenhuis',
  'Operatiekwartier',
  'Revalidatie',
  'Psychiatrie',
  'Radiologie',
  'Klinisch labo',
  'Apotheek',
  'Centrale sterilisatie',
  'Keuken',
  'Schoonmaak',
  'Technische dienst',
  'Patiëntenadministratie',
  'Sociale dienst',
  'Neurologie',
  'Nefrologie en dialyse',
  'Orthopedie',
  'Heelkunde',
  'Palliatieve zorg',
  'Woonzorgcentrum',
  'Assistentiewoningen',
  'Dagverzorgingscentrum',
  'Kinderpsychiatrie',
  'Endoscopie',
  'Fysiotherapie',
  'Logistiek',
  'Onthaal',
  'Mobiel team thuiszorg',
  'Slaaplabo',
  'Pijnkliniek',
] as const;

export const wings = ['', 'A', 'B', 'C', 'noord', 'zuid', 'nacht'] as const;

export const departments = [
  'Verpleging en zorg',
  'Medisch-technische diensten',
  'Facilitaire diensten',
  'Ouderenzorg',
  'Geestelijke gezondheidszorg',
  'Administratie en financiën',
  'Paramedische diensten',
  'Moeder en kind',
] as const;

export const functionNames = [
  'Verpleegkundige',
  'Hoofdverpleegkundige',
  'Zorgkundige',
  'Logistiek assistent',
  'Kinesitherapeut',
  'Ergotherapeut',
  'Maatschappelijk werker',
  'Psycholoog',
  'Apothekersassistent',
  'Laborant',
  'Medisch beeldvormer',
  'Administratief medewerker',
  'Onthaalmedewerker',
  'Kok',
  'Technicus',
  'ICT-medewerker',
  'HR-medewerker',
  'Boekhouder',
  'Teamleider',
  'Diensthoofd',
  'Vroedvrouw',
  'Opvoeder',
  'Woonbegeleider',
  'Diëtist',
  'Logopedist',
  'Animator',
  'Schoonmaakmedewerker',
  'Stafmedewerker kwaliteit',
  'Preventieadviseur',
  'Algemeen directeur',
  'Sterilisatieassistent',
  'Referentieverpleegkundige',
] as const;

export const competencyNames = [
  'Cliëntgerichtheid',
  'Inlevingsvermogen',
  'Samenwerken',
  'Communicatie',
  'Zelfstandigheid',
  'Flexibiliteit',
  'Plannen en organiseren',
  'Veerkracht',
  'Leervermogen',
  'Coachend leidinggeven',
  'Nauwkeurigheid',
  'Hygiëne en infectiepreventie',
  'Digitale vaardigheden',
  'Patiëntveiligheid',
  'Klinisch redeneren',
  'Integriteit',
  'Omgaan met agressie',
  'Palliatieve zorg',
  'Dossiervorming',
  'Feedback geven',
  'Conflicthantering',
  'Delegeren',
  'Verandermanagement',
  'Resultaatgerichtheid',
  'Probleemoplossend denken',
  'Omgaan met diversiteit',
  'Ergonomisch werken',
  'Kwaliteitsbewustzijn',
  'Klantvriendelijkheid',
  'Stressbestendigheid',
  'Initiatief nemen',
  'Besluitvaardigheid',
] as const;

const competencyDescriptions = [
  'Gedrag dat in de dagelijkse zorg zichtbaar is en dat collega’s, patiënten en bewoners merken.',
  'Wat de organisatie verwacht van elke medewerker in deze functie, beschreven in concreet gedrag.',
  'Een competentie die in het functieprofiel staat en bij het POP-gesprek besproken kan worden.',
  'Belangrijk om de kwaliteit van zorg en de samenwerking in het team te bewaken.',
] as const;

const indicatorStarts = [
  'Vraagt tijdig hulp wanneer',
  'Licht collega’s in zodra',
  'Houdt rekening met',
  'Zoekt zelf naar',
  'Bespreekt open',
  'Past de werkwijze aan wanneer',
  'Noteert duidelijk',
  'Neemt initiatief om',
] as const;

const indicatorEnds = [
  'de situatie op de afdeling verandert',
  'een patiënt of bewoner onrustig wordt',
  'de afspraken in het team',
  'betere manieren van werken',
  'wat niet goed loopt',
  'de planning onverwacht wijzigt',
  'wat er tijdens de dienst gebeurde',
  'een probleem structureel op te lossen',
] as const;

export function competencyText(rng: Prng): { description: string; indicators: string[] } {
  const count = rng.int(3, 5);
  return {
    description: rng.pick(competencyDescriptions),
    indicators: Array.from(
      { length: count },
      () => `${rng.pick(indicatorStarts)} ${rng.pick(indicatorEnds)}`,
    ),
  };
}

export const goalTitles = [
  'Beter leren omgaan met conflicten',
  'Vlotter werken met het elektronisch patiëntendossier',
  'Referentieverpleegkundige wondzorg worden',
  'Meer verantwoordelijkheid opnemen in het team',
  'Nieuwe collega’s begeleiden bij hun onthaal',
  'Kennis over dementie verdiepen',
  'Rustiger blijven bij agressie van bezoekers',
  'Sterker worden in palliatieve zorg',
  'Vaardiger worden in feedback geven',
  'Het eigen werk beter plannen',
  'Leren werken met het nieuwe medicatiesysteem',
  'Meer zelfvertrouwen bij spoedsituaties',
  'Doorgroeien naar hoofdverpleegkundige',
  'Ergonomischer werken bij transfers',
  'Werken met de nieuwe richtlijnen rond infectiepreventie',
  'Beter Frans spreken met patiënten',
  'Vorming ‘reanimatie voor gevorderden’ afronden',
  'Coachend leidinggeven aan het team',
  'Digitale vaardigheden versterken',
  'Een project rond valpreventie trekken',
  'Meer inzicht in autisme en prikkelverwerking',
  'Overleg met families beter voorbereiden',
  'Zelfstandig de nachtdienst kunnen draaien',
  'Leren omgaan met werkdruk en stress',
  'Kwaliteitsindicatoren van de afdeling opvolgen',
  'Specialisatie diabeteseducatie behalen',
  'Veiliger werken met cytostatica',
  'Intervisie in het team opstarten',
  'Het bachelordiploma verpleegkunde behalen',
  'Meer betrokken worden bij het opleidingsbeleid',
] as const;

const goalSentences = [
  'Ik wil dit doel bereiken omdat de zorgvragen op de afdeling de voorbije jaren complexer zijn geworden.',
  'Concreet betekent dit dat ik in moeilijke situaties sneller weet wat ik moet doen en wie ik kan aanspreken.',
  'We merken in het team dat er nood is aan iemand die hier meer kennis over heeft.',
  'Ik leer het best door te oefenen in de praktijk en nadien kort te bespreken wat goed ging.',
  'De leidinggevende voorziet tijd in de planning zodat de vorming binnen de werkuren valt.',
  'Het doel sluit aan bij het beleidsplan van het ziekenhuis en bij de accreditatie.',
  'Na afloop wil ik wat ik geleerd heb delen op een teamvergadering.',
  'Dit doel neemt de draad op van het vorige POP, waar het nog niet volledig lukte.',
  'Ik merk dat ik hier nog onzeker in ben, vooral tijdens drukke diensten en in het weekend.',
  'Collega’s vragen me vaker om raad, en ik wil hen goed kunnen helpen.',
  'Patiënten en families verwachten duidelijke uitleg, ook wanneer het nieuws moeilijk is.',
  'De nieuwe werkwijze wordt volgend jaar in alle campussen ingevoerd.',
] as const;

const reasons = [
  'Meer complexe zorgvragen op de afdeling.',
  'Het team krijgt er nieuwe taken bij vanaf volgend jaar.',
  'Uit de vorige evaluatie bleek dat dit nog een werkpunt is.',
  'Nieuwe wetgeving en richtlijnen vragen bijkomende kennis.',
  'Eigen ambitie om door te groeien binnen de organisatie.',
  'Meer spanningen bij bezoekmomenten.',
  'Ondersteuning van nieuwe collega’s is een prioriteit van het beleidsplan.',
] as const;

const organisationGoals = [
  'Patiëntveiligheid verhogen',
  'Nieuwe collega’s sneller zelfstandig laten werken',
  'Minder verloop in de zorgteams',
  'Accreditatie behouden',
  'Digitalisering van het zorgdossier',
  'Betere samenwerking tussen de campussen',
] as const;

const measures = [
  'Evaluatie bij het volgend POP-gesprek, aan de hand van concrete situaties.',
  'Het attest van de opleiding is behaald en ik pas de werkwijze toe op de afdeling.',
  'Ik begeleid zelfstandig het onthaal van de volgende nieuwe collega.',
  'De hoofdverpleegkundige en twee collega’s geven feedback na drie maanden.',
  'Bij de audit van het kwartaal zijn er geen opmerkingen meer over dit onderwerp.',
  'Ik geef een korte presentatie op de teamvergadering over wat ik geleerd heb.',
] as const;

export const providers = [
  'VIVO',
  'Arteveldehogeschool',
  'Thomas More',
  'UC Leuven-Limburg',
  'Intern vormingsteam',
  'Odisee',
  'Syntra',
  'Kenniscentrum Woonzorg',
  'Rode Kruis Vlaanderen',
  'Vlaams Patiëntenplatform',
  'HOGENT',
  'Vives',
  'Expertisecentrum Dementie',
  'Federatie Palliatieve Zorg Vlaanderen',
  'Zorgnet-Icuro',
] as const;

const actionPhrases = [
  'Opleiding ‘{topic}’ volgen',
  'Vorming ‘{topic}’ bij {provider}',
  'Meelopen met een ervaren collega rond {topic}',
  'Intervisie over {topic} met collega’s van andere campussen',
  'Zelfstudie: literatuur en richtlijnen over {topic} doornemen',
  'Interne coaching door de referentieverpleegkundige over {topic}',
  'Deelnemen aan het lerend netwerk {topic}',
  'Stage van een week op een andere afdeling rond {topic}',
  'E-learning ‘{topic}’ afwerken',
  'Postgraduaat {topic} starten',
] as const;

const topics = [
  'conflicthantering',
  'wondzorg',
  'dementie',
  'palliatieve zorg',
  'agressiebeheersing',
  'feedback geven',
  'time management',
  'het elektronisch patiëntendossier',
  'infectiepreventie',
  'reanimatie',
  'valpreventie',
  'diabeteseducatie',
  'autisme',
  'medicatieveiligheid',
  'ergonomie',
  'coachend leidinggeven',
  'stress en veerkracht',
  'familiegesprekken',
  'Frans in de zorg',
  'kwaliteitszorg',
] as const;

const followUpPhrases = [
  'Korte evaluatie na 3 maanden',
  'Evaluatie bij volgend POP-gesprek',
  'Bespreken op het teamoverleg',
  'Terugkoppeling aan de leidinggevende na de opleiding',
  'Opvolgen tijdens het voortgangsgesprek',
] as const;

const supportTexts = {
  time: [
    'Tijd vrijmaken voor deelname',
    'Twee halve dagen in de planning',
    'Vrijstelling van één dienst per maand',
  ],
  budget: [
    'Inschrijvingsgeld via het vormingsbudget',
    'Terugbetaling via VIVO',
    'Verplaatsingskosten vergoed',
  ],
  logistics: [
    'Laptop met toegang tot het leerplatform',
    'Vergaderlokaal op de campus',
    'Parkeerplaats bij de hogeschool',
  ],
  coach: ['Aanstelling coach', 'Referentieverpleegkundige als aanspreekpunt', 'Mentor uit een ander team'],
} as const;

const progressTexts = [
  'De opleiding is gestart en de eerste modules zijn afgewerkt. Wat ik leerde, pas ik al toe tijdens de vroege diensten.',
  'Het loopt trager dan gepland door personeelstekort op de afdeling; de vorming is verschoven naar het volgende kwartaal.',
  'Goed op weg. Collega’s merken dat ik rustiger reageer bij moeilijke gesprekken met familie.',
  'De praktijkopdracht is klaar en besproken met de hoofdverpleegkundige. Nog twee sessies te gaan.',
  'Doel bereikt: het attest is behaald en ik ben aanspreekpunt voor het team.',
] as const;

const accelerationTexts = [
  'Een vaste dag per maand inplannen voor de e-learning.',
  'Meer tijd voorzien in de planning tijdens de zomermaanden.',
  'Samen met een collega oefenen, zodat het minder afhangt van de beschikbaarheid van de coach.',
] as const;

const expectationTexts = [
  'De opleiding beantwoordt aan de verwachtingen; vooral de casussen waren bruikbaar.',
  'Minder praktisch dan verwacht; we zoeken een bijkomende stage op een andere afdeling.',
  'Ja, de vorming sluit goed aan bij wat we op de afdeling nodig hebben.',
] as const;

const answerTexts = [
  'Ik kan goed luisteren en patiënten geruststellen, ook wanneer het druk is op de afdeling.',
  'Niet altijd: in de nachtdiensten is er weinig tijd voor echte gesprekken met patiënten.',
  'Ik wil meer weten over wondzorg en de nieuwe richtlijnen rond decubituspreventie.',
  'Het voorbije jaar ben ik gegroeid in het begeleiden van studenten; ik wil dat verder uitbouwen.',
  'Op termijn zie ik mezelf als referentiepersoon binnen het team, misschien later als hoofdverpleegkundige.',
  'Ik sta open voor opleidingen, bij voorkeur binnen de werkuren en niet te ver van de campus.',
  'De afdeling krijgt meer patiënten met complexe zorgnoden; daar wil ik me op voorbereiden.',
  'Ik merk dat ik bij conflicten met familie soms te snel in de verdediging ga.',
] as const;

const talkingPointTexts = [
  'Vorming over wondzorg',
  'Meer avondoverleg met collega’s',
  'Werkdruk tijdens de weekenddiensten',
  'Rol als aanspreekpunt voor studenten',
  'Overstap naar de dagkliniek',
  'Ergonomie bij transfers',
  'Opleidingsbudget voor een postgraduaat',
  'Begeleiding van nieuwe collega’s',
] as const;

const evaluationTexts = [
  'De meeste doelen zijn bereikt. De opleiding was waardevol en ik pas de technieken dagelijks toe.',
  'Het doel rond conflicthantering is deels bereikt: in gesprekken met familie blijf ik rustiger, maar in crisissituaties nog niet altijd.',
  'Door de vorming voel ik me zekerder in mijn functie en neem ik meer verantwoordelijkheid op in het team.',
  'Het leren heeft mijn loopbaanperspectief verbreed: ik overweeg een postgraduaat volgend jaar.',
  'Door personeelstekort kwam de stage niet van de grond; we nemen dit mee naar het volgende POP.',
] as const;

const conversationNotes = {
  start: [
    'Het gaat goed, al is de werkdruk hoog sinds de fusie van de afdelingen.',
    'Wil vooral handvatten voor moeilijke gesprekken.',
  ],
  review: [
    'Vorming rond zorgplanning was zinvol. Conflicten bij bezoek vallen zwaar.',
    'Het vorige POP liep grotendeels volgens plan.',
  ],
  exploration: [
    'Wil meer verantwoordelijkheid opnemen, bijvoorbeeld als aanspreekpunt.',
    'Interesse in wondzorg en palliatieve zorg.',
  ],
  planning: [
    'Twee doelen, met een opleiding in het eerste kwartaal.',
    'Drie doelen; de stage volgt na de zomer.',
  ],
  closing: ['Opvolging na het eerste kwartaal.', 'Volgend gesprek in het najaar.'],
} as const;

const facilities = [
  'Vormingsbudget van de afdeling; de training en de coaching vallen binnen de werkuren.',
  'Inschrijvingsgeld via VIVO, verplaatsingen volgens de gewone regeling, tijd in de planning.',
  'Twee dagen opleidingsverlof en een mentor op de afdeling.',
] as const;

function sentences(rng: Prng, pool: readonly string[], min: number, max: number): string {
  return rng.sample(pool, rng.int(min, max)).join(' ');
}

export function goalText(rng: Prng) {
  return {
    title: rng.pick(goalTitles),
    description: sentences(rng, goalSentences, 1, 3),
    reason: rng.chance(0.8) ? rng.pick(reasons) : null,
    organisationGoal: rng.chance(0.4) ? rng.pick(organisationGoals) : null,
    measure: rng.chance(0.85) ? rng.pick(measures) : null,
  };
}

export function actionText(rng: Prng): { description: string; provider: string | null } {
  const provider = rng.pick(providers);
  const description = rng
    .pick(actionPhrases)
    .replace('{topic}', rng.pick(topics))
    .replace('{provider}', provider);
  return { description, provider: rng.chance(0.7) ? provider : null };
}

export const followUpText = (rng: Prng) => rng.pick(followUpPhrases);
export const supportText = (rng: Prng, kind: keyof typeof supportTexts) => rng.pick(supportTexts[kind]);
export const progressText = (rng: Prng) => sentences(rng, progressTexts, 1, 2);
export const accelerationText = (rng: Prng) => rng.pick(accelerationTexts);
export const expectationText = (rng: Prng) => rng.pick(expectationTexts);
export const answerText = (rng: Prng) => sentences(rng, answerTexts, 1, 3);
export const talkingPointText = (rng: Prng) => rng.pick(talkingPointTexts);
export const evaluationText = (rng: Prng) => sentences(rng, evaluationTexts, 1, 3);
export const facilitiesText = (rng: Prng) => rng.pick(facilities);
export const certificateNote = (rng: Prng) =>
  rng.pick([
    'Attest ontvangen en bezorgd aan HR.',
    'Deelnameattest in het personeelsdossier.',
    'Certificaat behaald.',
  ]);

export function conversationNotesText(rng: Prng): string {
  return JSON.stringify(
    Object.fromEntries(Object.entries(conversationNotes).map(([step, pool]) => [step, rng.pick(pool)])),
  );
}
