import type { PlanParty, TemplateKind } from '../../../shared/pop/vocabulary.js';

/**
 * The preparation forms every organisation starts with, written from the seed texts (Leren in de Social Profit,
 * Vlaanderen.be, Werkgeverslijn and the Leidraad POP-gesprek). They become the organisation's own data: HR rewords,
 * reorders and extends them. A form of kind `competencies` also lists every competency of the employee's function,
 * to be described in words; nothing in a form asks for a score.
 */
export interface DefaultTemplate {
  builtinKey: string;
  party: PlanParty;
  kind: TemplateKind;
  isDefault: boolean;
  name: Record<'nl' | 'en', string>;
  description: Record<'nl' | 'en', string>;
  questions: Array<{ prompt: Record<'nl' | 'en', string>; help?: Record<'nl' | 'en', string> }>;
}

export const defaultTemplates: DefaultTemplate[] = [
  {
    builtinKey: 'employee_general',
    party: 'employee',
    kind: 'general',
    isDefault: true,
    name: { nl: 'Voorbereiding medewerker', en: 'Employee preparation' },
    description: {
      nl: 'Denk vooraf na over je huidig en toekomstig functioneren. Je antwoorden blijven privé tot je ze zelf deelt met je leidinggevende.',
      en: 'Think ahead about your current and future work. Your answers stay private until you share them with your manager.',
    },
    questions: [
      {
        prompt: { nl: 'Welke zijn mijn sterke punten?', en: 'What are my strengths?' },
        help: { nl: 'Wat zijn je talenten?', en: 'What are your talents?' },
      },
      {
        prompt: {
          nl: 'Zet ik mijn sterke punten (genoeg) in mijn werk in? Wat heb ik nodig om dat meer te doen?',
          en: 'Do I use my strengths (enough) in my work? What do I need to do that more?',
        },
      },
      {
        prompt: {
          nl: 'Wat zijn mijn groei- of ontwikkelpunten? Welke kennis of vaardigheid heb ik nodig om beter te functioneren?',
          en: 'Where can I grow or develop? Which knowledge or skill do I need to work better?',
        },
      },
      {
        prompt: {
          nl: 'Bekijk het afgelopen jaar: waar ben je in gegroeid? Wat wil je anders?',
          en: 'Looking at the past year: where did you grow? What do you want to do differently?',
        },
      },
      {
        prompt: {
          nl: 'Wat wil je leren, versterken of uitproberen?',
          en: 'What do you want to learn, strengthen or try out?',
        },
      },
      {
        prompt: {
          nl: 'Welke ambities heb ik op korte en op langere termijn?',
          en: 'What are my ambitions in the short and the longer term?',
        },
      },
      {
        prompt: {
          nl: 'Welke ontwikkelingskansen en -wensen zie ik binnen mijn huidige functie?',
          en: 'Which development opportunities and wishes do I see within my current job?',
        },
      },
      {
        prompt: {
          nl: 'Ben ik geïnteresseerd in een andere functie? Wil ik doorgroeien, en wat moet ik daarvoor doen?',
          en: 'Am I interested in another job? Do I want to move up, and what do I need to do for that?',
        },
      },
      {
        prompt: {
          nl: 'Kan en wil ik mijn huidige werk op lange termijn blijven doen? Wat moet ik daarvoor doen?',
          en: 'Can and do I want to keep doing my current work in the long run? What do I need for that?',
        },
      },
      {
        prompt: {
          nl: 'Hoe sta ik tegenover vorming en opleiding? Hoeveel tijd en energie wil ik erin steken?',
          en: 'How do I feel about training and courses? How much time and energy do I want to put in?',
        },
      },
      {
        prompt: {
          nl: 'Hoe ziet mijn algemene arbeidsmarktpositie eruit? Wat kan ik doen om die te verbeteren?',
          en: 'What does my position on the labour market look like? What can I do to improve it?',
        },
      },
    ],
  },
  {
    builtinKey: 'manager_general',
    party: 'manager',
    kind: 'general',
    isDefault: true,
    name: { nl: 'Voorbereiding leidinggevende', en: 'Manager preparation' },
    description: {
      nl: 'Denk vooraf na over de ontwikkeling van de medewerker in het licht van de organisatie. Je antwoorden blijven privé tot je ze deelt.',
      en: 'Think ahead about the development of the employee in the light of the organisation. Your answers stay private until you share them.',
    },
    questions: [
      {
        prompt: {
          nl: 'Welke ontwikkelingen in de organisatie zijn van belang voor deze medewerker?',
          en: 'Which developments in the organisation matter for this employee?',
        },
      },
      {
        prompt: {
          nl: 'Welke organisatiedoelen op korte en lange termijn raken aan deze functie?',
          en: 'Which short- and long-term organisation goals touch this job?',
        },
      },
      {
        prompt: {
          nl: 'Welke competenties zijn in de toekomst nodig?',
          en: 'Which competencies will be needed in the future?',
        },
      },
      {
        prompt: {
          nl: 'Welke evoluties zie je mogelijk in de functie van de medewerker?',
          en: 'Which changes do you foresee in the employee’s job?',
        },
      },
      {
        prompt: {
          nl: 'Hoe ervaar je het huidige werk van de medewerker: waar liggen de sterktes en de groeikansen?',
          en: 'How do you see the employee’s current work: where are the strengths and the chances to grow?',
        },
        help: {
          nl: 'Beschrijf in woorden, met voorbeelden. Het POP is geen beoordeling.',
          en: 'Describe it in words, with examples. The POP is not an appraisal.',
        },
      },
      {
        prompt: {
          nl: 'Wat zijn volgens jou de ontwikkelpunten en de ambities van de medewerker?',
          en: 'What do you see as the employee’s development points and ambitions?',
        },
      },
      {
        prompt: {
          nl: 'Welke doorstroommogelijkheden of mogelijkheden tot functieaanpassing zijn er? Is doorgroei binnen of buiten de functie wenselijk of nodig?',
          en: 'Which options are there to move on or adapt the job? Is growth within or beyond the job desirable or necessary?',
        },
      },
      {
        prompt: {
          nl: 'Wat waren de eerdere POP-afspraken of afspraken uit functioneringsgesprekken, en hoe liepen ze?',
          en: 'What were earlier POP agreements or agreements from performance conversations, and how did they go?',
        },
      },
      {
        prompt: {
          nl: 'Welke ontwikkelkansen of opleidingsnoden zie je in het team?',
          en: 'Which development opportunities or training needs do you see in the team?',
        },
      },
      {
        prompt: {
          nl: 'Welke VTO(C)-budgetten of subsidies zijn beschikbaar?',
          en: 'Which training budgets or subsidies are available?',
        },
      },
    ],
  },
  {
    builtinKey: 'employee_competencies',
    party: 'employee',
    kind: 'competencies',
    isDefault: false,
    name: {
      nl: 'Voorbereiding medewerker bij de functiebeschrijving',
      en: 'Employee preparation based on the job description',
    },
    description: {
      nl: 'Dit formulier legt de link met je functiebeschrijving. Beschrijf per competentie van je functie in je eigen woorden hoe je ze vandaag inzet en waar je wil groeien. Er zijn geen scores: het gaat om jouw verhaal.',
      en: 'This form links to your job description. For each competency of your job, describe in your own words how you use it today and where you want to grow. There are no scores: it is your story.',
    },
    questions: [
      {
        prompt: {
          nl: 'Hoe sluit je huidige werk aan bij je functiebeschrijving? Wat doe je dat er niet in staat?',
          en: 'How does your current work match your job description? What do you do that is not in it?',
        },
      },
      {
        prompt: {
          nl: 'Welke competentie wil je het komende jaar het meest versterken, en waarom?',
          en: 'Which competency do you most want to strengthen in the coming year, and why?',
        },
        help: {
          nl: 'Hieronder beschrijf je elke competentie van je functie in je eigen woorden.',
          en: 'Below, you describe each competency of your job in your own words.',
        },
      },
    ],
  },
];

/** The help shown with each competency in a competencies form. */
export const competencyHelp: Record<'nl' | 'en', string> = {
  nl: 'Beschrijf met een voorbeeld hoe je deze competentie vandaag inzet en waar je wil groeien.',
  en: 'Describe with an example how you use this competency today and where you want to grow.',
};
