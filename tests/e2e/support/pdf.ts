// Reading a printed PDF as a reader would: its pages, their text, their pictures (poppler, installed by .ci/run).
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

/** How many pages a PDF has (its page objects). */
export const pdfPageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

/** Each page's text (poppler's pdftotext, laid out). */
export function pdfPagesText(pdf: Buffer): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'diagnum-text-'));
  writeFileSync(join(dir, 'report.pdf'), pdf);
  const text = execFileSync('pdftotext', ['-layout', join(dir, 'report.pdf'), '-'], { encoding: 'utf8' });
  return text.split('\f').slice(0, -1);
}

/** How many lines of text each page of a PDF holds. */
export const pdfPageLines = (pdf: Buffer): number[] => pdfPagesText(pdf).map((page) => page.split('\n').filter((l) => l.trim()).length);

/** The PDF's pages as PNG (poppler's pdftoppm): returns their paths, to count and to look at. */
export function pdfToPngs(pdf: Buffer, name: string, resolution = 50): string[] {
  const dir = mkdtempSync(join(tmpdir(), `diagnum-${name}-`));
  writeFileSync(join(dir, `${name}.pdf`), pdf);
  execFileSync('pdftoppm', ['-png', '-r', String(resolution), join(dir, `${name}.pdf`), join(dir, 'page')]);
  return readdirSync(dir).filter((f) => f.endsWith('.png')).sort().map((f) => join(dir, f));
}
