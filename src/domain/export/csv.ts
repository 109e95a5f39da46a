// Spreadsheet exports: the answers (one row per item and campaign) and the scores (one row per
// axis and campaign). UTF-8 with a byte order mark and semicolons, as French spreadsheet programs
// expect; a cell that a spreadsheet would read as a formula (=, +, -, @) is quoted with an apostrophe.
import Papa from 'papaparse';
import type { Item, Referentiel } from '../../referentiels/kinds';
import type { CampaignRecord } from '../campaigns';
import { referenceFiguresFrom, type AnswerRecord, type AnswerValue, type ReferenceFigures } from '../answers';
import { answerLookup, documentSections } from '../completion';
import { shareOf } from '../typed-input';
import { valueText } from '../answer-text';
import { dgescoProfile } from '../scoring/dgesco';
import { occitanieLevels } from '../scoring/occitanie';
import { labelReadiness } from '../scoring/label';
import { referenceFigureItems, referentielById } from '../../referentiels';

export interface CampaignData {
  campaign: CampaignRecord;
  answers: AnswerRecord[];
}

const FORMULA = /^[=+\-@\t\r]/;

/** Against formula injection: a cell a spreadsheet would run is prefixed with an apostrophe. */
export function safeCell(text: string): string {
  return FORMULA.test(text) ? `'${text}` : text;
}

export function toCsv(header: string[], rows: string[][]): string {
  return `\uFEFF${Papa.unparse({ fields: header, data: rows.map((r) => r.map(safeCell)) }, { delimiter: ';', newline: '\r\n', quotes: false })}\r\n`;
}

/** The share a count stands for, out of its reference figure ("30 %"), when there is one. */
export function derivedShare(item: Item, value: AnswerValue | null, figures: ReferenceFigures): string {
  if (!value) return '';
  if (item.kind === 'count' && item.of && value.kind === 'number') {
    const figure = figures[item.of];
    return figure ? (shareOf(value.value, figure) ?? '') : '';
  }
  if (item.kind === 'usage-counts' && value.kind === 'usage-counts') {
    const figure = figures[item.of];
    if (!figure) return '';
    const part = (n: number | null) => (n === null ? '?' : (shareOf(n, figure) ?? ''));
    return `jamais ${part(value.never)} ; occasionnellement ${part(value.occasionally)} ; régulièrement ${part(value.regularly)}`;
  }
  return '';
}

const ANSWER_HEADER = ['Campagne', 'Date de la campagne', 'Document', 'Section', 'Identifiant', 'Question', 'Réponse', 'Part calculée', 'Commentaire', 'Source', 'À vérifier', 'Repris', 'Modifié le'];

export function answersCsv(campaigns: readonly CampaignData[]): string {
  const rows: string[][] = [];
  for (const { campaign, answers } of campaigns) {
    const byItem = answerLookup(answers);
    const figures = referenceFiguresFrom(answers, referenceFigureItems);
    for (const document of campaign.documents.map(referentielById)) {
      for (const section of documentSections(document)) {
        for (const item of section.items) {
          const a = byItem.get(item.id);
          rows.push([
            campaign.name,
            campaign.date,
            document.shortTitle,
            `${section.code ? `${section.code} ` : ''}${section.title}`,
            item.id,
            item.kind === 'label-band' ? `${item.code} ${item.text}` : item.text,
            valueText(item, a?.value ?? null),
            derivedShare(item, a?.value ?? null, figures),
            a?.comment ?? '',
            a?.source ?? '',
            a?.toCheck ? 'oui' : 'non',
            a?.carriedOver ? 'oui' : 'non',
            a && a.updatedAt > 0 ? new Date(a.updatedAt).toISOString().slice(0, 10) : '',
          ]);
        }
      }
    }
  }
  return toCsv(ANSWER_HEADER, rows);
}

const SCORE_HEADER = ['Campagne', 'Date de la campagne', 'Document', 'Axe', 'Score', 'Sur', 'Réponses prises en compte', 'Réponses possibles'];

const num = (n: number | null) => (n === null ? '' : n.toLocaleString('fr-FR', { maximumFractionDigits: 1, useGrouping: false }));

export function scoresCsv(campaigns: readonly CampaignData[]): string {
  const rows: string[][] = [];
  for (const { campaign, answers } of campaigns) {
    const lookup = answerLookup(answers);
    const head = [campaign.name, campaign.date];
    const has = (id: Referentiel['id']) => campaign.documents.includes(id);
    if (has('dgesco-2010')) {
      const p = dgescoProfile(lookup);
      for (const axis of [...p.structure, ...p.usage, ...p.means]) {
        rows.push([...head, 'Référentiel DGESCO 2010', axis.label, num(axis.value), '100', String(axis.answered), String(axis.total)]);
      }
    }
    if (has('occitanie-grille')) {
      const { areas, overall } = occitanieLevels(lookup);
      for (const area of areas) rows.push([...head, 'Grille de maturité Occitanie', area.label, num(area.mean), '3', String(area.answered), String(area.total)]);
      rows.push([...head, 'Grille de maturité Occitanie', 'Moyenne générale', num(overall), '3', '', '']);
    }
    if (has('label-lycee-2023')) {
      const r = labelReadiness(lookup);
      rows.push([...head, 'Label Lycée numérique', 'Niveau atteint', String(r.level), '3', '', '']);
      // Shown apart, never as met: the call grants no exemption for a mandatory criterion.
      if (r.ifJustified) {
        const codes = r.ifJustified.justifications.map((c) => c.code).join(' ');
        rows.push([...head, 'Label Lycée numérique', `Niveau si la Région accepte les justifications (${codes})`, String(r.ifJustified.level), '3', '', '']);
      }
      rows.push([...head, 'Label Lycée numérique', 'Points des critères facultatifs', String(r.points.earned), String(r.points.max), String(r.points.answered), String(r.points.total)]);
    }
  }
  return toCsv(SCORE_HEADER, rows);
}
