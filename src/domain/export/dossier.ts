// "Préparer le dossier": what goes into the ZIP file for the Région's platform, as paths and
// texts (and evidence files, by content). The label sheet as a printable HTML page and as CSV, the written texts, an index of the
// evidence per criterion, and one folder per criterion code holding what backs it. Pure: the ZIP
// itself is written by zip.ts.
import type { SchoolRecord } from '../school';
import type { CampaignRecord } from '../campaigns';
import type { AnswerLookup } from '../completion';
import type { LabelReadiness } from '../scoring/label';
import type { LabelCall } from '../../referentiels/label-calls';
import { evidenceOf } from '../evidence';
import { DOSSIER_TEXTS } from '../dossier-texts';
import { labelSheet, type DossierContent, type LabelSheetBlock } from './label-sheet';
import { toCsv } from './csv';
import { shortDate } from '../../text/format';
import { slug, uniquePaths, windowsSafeName } from './file-names';

export type DossierEntry =
  /** Inside the ZIP: folders separated by "/", each segment safe for Windows, unique. */
  | { path: string; text: string }
  /** An evidence file, by content: its bytes are read when the ZIP is written. */
  | { path: string; sha256: string };

export interface DossierInput {
  school: SchoolRecord | null;
  campaign: CampaignRecord;
  call: LabelCall;
  answers: AnswerLookup;
  readiness: LabelReadiness;
  dossier: DossierContent;
  /** When it was prepared, as the files' header says it (a formatted date). */
  preparedOn: string;
}

/** `0340000A_lycee-x_label-lycee-numerique_2023-2024.zip`; without a UAI, the name alone. */
export function dossierFileName(school: SchoolRecord | null, call: LabelCall): string {
  const uai = school?.uai ? `${windowsSafeName(school.uai, 10)}_` : '';
  return `${uai}${slug(school?.name ?? 'etablissement')}_label-lycee-numerique_${call.call}.zip`;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function sheetHtml(input: DossierInput, blocks: readonly LabelSheetBlock[]): string {
  const { school, campaign, call, readiness } = input;
  const title = `Candidature au label « Lycée numérique » — ${school?.name ?? 'Établissement'}`;
  const rows = (block: LabelSheetBlock) =>
    block.rows
      .map(
        (r) =>
          `<tr><th scope="row">${escapeHtml(`${r.code} ${r.text}`)} <small>(${r.mandatory ? 'obligatoire' : 'facultatif'})</small></th>` +
          `<td>${escapeHtml(r.answer)}</td><td>${escapeHtml(r.worth)}</td><td>${escapeHtml(r.missing)}</td>` +
          `<td>${r.evidence.map((e) => `<div>${escapeHtml(e)}</div>`).join('') || '—'}${r.alerts.map((a) => `<div class="alert">⚠ ${escapeHtml(a)}</div>`).join('')}</td></tr>`,
      )
      .join('\n');
  const texts = DOSSIER_TEXTS.map((spec) => {
    const text = input.dossier.texts.get(spec.id)?.trim() ?? '';
    return `<h2>${escapeHtml(spec.title)}</h2>\n<p class="text">${text ? escapeHtml(text) : '<em>(non rédigé)</em>'}</p>`;
  }).join('\n');
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem; color: #1b1f24; }
table { border-collapse: collapse; width: 100%; margin-bottom: 1.5rem; font-size: 0.92rem; }
th, td { border: 1px solid #c9ced6; padding: 0.3rem 0.45rem; text-align: left; vertical-align: top; }
caption { text-align: left; font-weight: 700; padding: 0.4rem 0; }
.alert { color: #a4161a; font-weight: 600; }
.text { white-space: pre-wrap; border-left: 4px solid #1d4ed8; padding-left: 0.6rem; }
@media print { body { margin: 0; } tr { break-inside: avoid; } }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(`${school?.uai ? `UAI ${school.uai} · ` : ''}${call.title} · campagne « ${campaign.name} » du ${shortDate(campaign.date)} · préparé le ${input.preparedOn}`)}</p>
<p>${escapeHtml(`Niveau atteint : ${readiness.level === 0 ? 'aucun' : `niveau ${readiness.level}`} ; points des critères facultatifs : ${readiness.points.earned} sur ${readiness.points.max}.`)}</p>
${blocks
  .map(
    (block) =>
      `<table>\n<caption>${escapeHtml(`${block.code} ${block.title}`)}</caption>\n<thead><tr><th scope="col">Critère</th><th scope="col">Réponse</th><th scope="col">Ce qu’elle vaut</th><th scope="col">Manque pour le niveau suivant</th><th scope="col">Preuves</th></tr></thead>\n<tbody>\n${rows(block)}\n</tbody>\n</table>`,
  )
  .join('\n')}
${texts}
</body>
</html>
`;
}

function sheetCsv(blocks: readonly LabelSheetBlock[]): string {
  return toCsv(
    ['Critère', 'Intitulé', 'Obligatoire', 'Réponse', 'Ce qu’elle vaut', 'Manque pour le niveau suivant', 'Preuves', 'À compléter'],
    blocks.flatMap((b) =>
      b.rows.map((r) => [r.code, r.text, r.mandatory ? 'oui' : 'non', r.answer, r.worth, r.missing, r.evidence.join(' ; '), r.alerts.join(' ; ')]),
    ),
  );
}

/** Every entry of the dossier, in the order they are written. */
export function dossierEntries(input: DossierInput): DossierEntry[] {
  const blocks = labelSheet(input.answers, input.readiness, input.dossier);
  const entries: DossierEntry[] = [
    { path: 'fiche-label.html', text: sheetHtml(input, blocks) },
    { path: 'fiche-label.csv', text: sheetCsv(blocks) },
  ];
  for (const spec of DOSSIER_TEXTS) {
    const text = input.dossier.texts.get(spec.id)?.trim() ?? '';
    if (text) entries.push({ path: `textes/${windowsSafeName(spec.title)}.txt`, text: `${spec.title}\r\n\r\n${text.replace(/\r?\n/g, '\r\n')}\r\n` });
  }
  // One folder per criterion code: each piece of evidence described in a text file (references
  // have no file of their own); the index lists them all.
  const indexRows: string[][] = [];
  const pieces: DossierEntry[] = [];
  for (const row of blocks.flatMap((b) => b.rows)) {
    for (const evidence of evidenceOf(row.id, input.dossier.evidence)) {
      const folder = `preuves/${windowsSafeName(row.code)}`;
      indexRows.push([row.code, evidence.title, evidence.date ?? '', evidence.shows, evidence.where, evidence.toReview ? 'à revoir' : '', '']);
      if (evidence.file) {
        pieces.push({ path: `${folder}/${windowsSafeName(evidence.file.name)}`, sha256: evidence.file.sha256 });
        continue;
      }
      const lines = [
        evidence.title,
        evidence.date ? `Date : ${shortDate(evidence.date)}` : '',
        evidence.shows ? `Ce que cela montre : ${evidence.shows}` : '',
        evidence.where ? `Où la trouver : ${evidence.where}` : '',
        evidence.toReview ? 'Reprise de la campagne précédente, à revoir.' : '',
      ].filter(Boolean);
      pieces.push({ path: `${folder}/${windowsSafeName(`${evidence.title}.txt`)}`, text: `${lines.join('\r\n')}\r\n` });
    }
  }
  const unique = uniquePaths(pieces.map((p) => p.path));
  pieces.forEach((piece, i) => {
    indexRows[i]![6] = unique[i]!;
    entries.push({ ...piece, path: unique[i]! });
  });
  entries.push({
    path: 'preuves/index.csv',
    text: toCsv(['Critère', 'Preuve', 'Date', 'Ce que cela montre', 'Où la trouver', 'À revoir', 'Dans ce dossier'], indexRows),
  });
  return entries;
}
