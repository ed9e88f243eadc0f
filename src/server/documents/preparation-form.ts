import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { a4Document, paragraph, subheading, title } from './document.js';
import type { DocumentText } from './document-text.js';
import { formFields, writingLines } from './forms.js';

/**
 * A preparation form (voorbereidingsformulier) to fill in on paper: the questions of a template or of one's own
 * preparation, each with lines to write on, and room for talking points. Never any answers: a printed form is
 * blank, so it holds nothing private.
 */
export interface PreparationFormQuestion {
  prompt: string;
  help: string | null;
  /** A question about a competency of the job (shown under their own heading). */
  competency: boolean;
}

export interface PreparationFormSetup {
  organisation: string;
  party: 'employee' | 'manager';
  /** The template's name, e.g. "Voorbereiding medewerker (algemeen)". */
  formName: string;
  description?: string | null;
  questions: readonly PreparationFormQuestion[];
  /** The template adds the job's competencies when a plan starts (kind "competencies"). */
  addsCompetencies?: boolean;
  /** Known names and the conversation date; left blank when absent. */
  employeeName?: string | null;
  managerName?: string | null;
  conversationDate?: string | null;
  generatedAt: Date;
  timeZone: string;
}

const k = (key: string) => `documents.pdf.preparationForm.${key}`;

/** Lines under a question: more for an open question than the form's usual three. */
export const linesPerQuestion = 6;
export const talkingPointLines = 8;

function questionBlock(number: number, question: PreparationFormQuestion): Content {
  return {
    stack: [
      { text: `${number}. ${question.prompt}`, bold: true, margin: [0, 6, 0, 2] },
      ...(question.help ? [paragraph(question.help, { muted: true })] : []),
      writingLines(linesPerQuestion),
    ],
    unbreakable: true,
  };
}

export function preparationFormPdf(setup: PreparationFormSetup, text: DocumentText): TDocumentDefinitions {
  const general = setup.questions.filter((q) => !q.competency);
  const competencies = setup.questions.filter((q) => q.competency);
  const documentTitle = text.t(k(`forParty.${setup.party}`));
  const content: Content[] = [
    ...title(documentTitle, setup.formName),
    formFields([
      [
        { label: text.t(k('employee')), value: setup.employeeName ?? null },
        { label: text.t(k('manager')), value: setup.managerName ?? null },
      ],
      [
        { label: text.t('documents.pdf.date'), value: null },
        { label: text.t(k('conversationDate')), value: setup.conversationDate ?? null },
      ],
    ]),
    paragraph(text.t(k(`intro.${setup.party}`)), { muted: true }),
    ...(setup.description ? [paragraph(setup.description)] : []),
    ...general.map((q, i) => questionBlock(i + 1, q)),
  ];
  if (competencies.length > 0) {
    content.push(subheading(text.t(k('competencies'))));
    content.push(...competencies.map((q, i) => questionBlock(general.length + i + 1, q)));
  } else if (setup.addsCompetencies) {
    content.push(
      subheading(text.t(k('competencies'))),
      paragraph(text.t(k('competenciesNote')), { muted: true }),
    );
  }
  content.push({
    stack: [
      subheading(text.t(k('talkingPoints'))),
      paragraph(text.t(k('talkingPointsIntro')), { muted: true }),
      writingLines(talkingPointLines),
    ],
    unbreakable: true,
  });
  return a4Document({
    title: documentTitle,
    organisation: setup.organisation,
    language: text.locale,
    subject: `${text.t(k('title'))}: ${setup.formName}`,
    footerNote: text.t('documents.pdf.generated', {
      date: text.dateTime(setup.generatedAt, setup.timeZone),
    }),
    pageLabel: (page, pages) => text.t('documents.pdf.page', { page, pages }),
    content,
  });
}
