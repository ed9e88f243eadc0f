/**
 * Groeipad's document layer: PDFs (pdfmake, locked down) and spreadsheets (exceljs, formula-safe), with builders for
 * A4 pages and text in the document's language. Services build a definition and render it; routes send the bytes
 * with `attachmentHeader`.
 */
export { csvContentType, renderCsv } from './csv.js';
export {
  a4Document,
  bulletList,
  type DocumentSetup,
  dataTable,
  heading,
  keepTogetherRows,
  keyValues,
  paragraph,
  section,
  subheading,
  type TableColumn,
  type TableValue,
  title,
} from './document.js';
export { type DocumentText, documentText } from './document-text.js';
export { attachmentHeader, pdfContentType, safeFileName, xlsxContentType } from './file-name.js';
export {
  type FormField,
  formFields,
  type GridColumn,
  gridTable,
  portraitWidth,
  type SignatureBox,
  signatureBlock,
  writingLines,
} from './forms.js';
export { renderPdf } from './pdf.js';
export {
  type PreparationFormQuestion,
  type PreparationFormSetup,
  preparationFormPdf,
} from './preparation-form.js';
export { renderXlsx, type Sheet, type SheetColumn, type SheetValue, sheetName } from './xlsx.js';
