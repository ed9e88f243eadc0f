import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces.js';

/**
 * The one place where Groeipad renders PDFs (pdfmake 0.3 on the server).
 *
 * pdfmake fetches URLs and reads local files named in a document (images, fonts, attachments). Documents here hold
 * people's own text, so both are switched off: the URL and local-file access policies refuse everything. The fonts
 * are read once from pdfmake's own package (Roboto: Latin with accents, the euro sign, Polish and Czech letters) into
 * pdfmake's in-memory file system, so a name like "Zoë" or "Łukasz" renders as typed and nothing is downloaded.
 */
export const documentFont = 'Roboto';

const fontFiles = {
  normal: 'Roboto-Regular.ttf',
  bold: 'Roboto-Medium.ttf',
  italics: 'Roboto-Italic.ttf',
  bolditalics: 'Roboto-MediumItalic.ttf',
} as const;

let fonts: TFontDictionary | undefined;

type Pdfmake = typeof import('pdfmake');

/** pdfmake and its fonts load on the first PDF, so a server that makes none starts faster and smaller. */
let loaded: Promise<Pdfmake> | undefined;
const loadPdfmake = (): Promise<Pdfmake> => {
  loaded ??= import('pdfmake').then((module) => (module as { default?: Pdfmake }).default ?? module);
  return loaded;
};

function robotoFonts(pdfmake: Pdfmake): TFontDictionary {
  if (fonts) return fonts;
  /** pdfmake's in-memory file system (not in its type definitions). */
  const virtualFiles = (
    pdfmake as unknown as { virtualfs: { writeFileSync(name: string, data: Buffer): void } }
  ).virtualfs;
  const require = createRequire(import.meta.url);
  const folder = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
  const family: Record<string, string> = {};
  for (const [style, file] of Object.entries(fontFiles)) {
    const name = `groeipad-fonts/${file}`;
    virtualFiles.writeFileSync(name, readFileSync(join(folder, file)));
    family[style] = name;
  }
  fonts = { [documentFont]: family };
  return fonts;
}

const refuse = () => false;

/** Renders a document definition (see `document.ts` for the builders) to the bytes of a PDF file. */
export async function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  const pdfmake = await loadPdfmake();
  // Set on every call: pdfmake keeps these on a module-wide instance that nothing else may loosen.
  pdfmake.setUrlAccessPolicy(refuse);
  pdfmake.setLocalAccessPolicy(refuse);
  pdfmake.setFonts(robotoFonts(pdfmake));
  return pdfmake.createPdf(definition).getBuffer();
}
