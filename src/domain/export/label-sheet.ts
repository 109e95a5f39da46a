// The label application sheet: the grid as laid out in the Région's call (A, B, C.1, C.2, D),
// each criterion with its answer, what that answer is worth and what is missing for the next
// level, as rows for the screen and as plain text to paste into the application platform.
import { referentielById } from '../../referentiels';
import type { AnswerLookup } from '../completion';
import type { LabelReadiness } from '../scoring/label';
import { bandLevelText, bandPointsText } from '../../text/fr';
import { shortDate } from '../../text/format';
import { evidenceOf, type EvidenceRecord } from '../evidence';
import { DOSSIER_TEXTS, type DossierTextId } from '../dossier-texts';

/** What the group gathered for the dossier: its evidence and the texts the call asks for. */
export interface DossierContent {
  evidence: readonly EvidenceRecord[];
  texts: ReadonlyMap<DossierTextId, string>;
}

export interface LabelSheetRow {
  id: string;
  code: string;
  text: string;
  mandatory: boolean;
  answer: string;
  worth: string;
  missing: string;
  /** The evidence linked to the criterion, as "title (date)", "à revoir" when carried over unchecked. */
  evidence: string[];
  /** What the comité de suivi would miss: a mandatory criterion met with no evidence, a document the call asks for. */
  alerts: string[];
}

export interface LabelSheetBlock {
  id: string;
  code: string;
  title: string;
  rows: LabelSheetRow[];
}

const evidenceLine = (e: EvidenceRecord) =>
  `${e.title}${e.date ? ` (${shortDate(e.date)})` : ''}${e.toReview ? ' — à revoir' : ''}`;

/** The alerts of one criterion, given its answer's worth (a level or points reached). */
function alertsOf(code: string, mandatory: boolean, reached: boolean, linked: number, dossier: DossierContent): string[] {
  const alerts: string[] = [];
  if (mandatory && reached && linked === 0) alerts.push('Critère obligatoire atteint sans aucune preuve');
  for (const spec of DOSSIER_TEXTS) {
    if (spec.criterion !== code || !spec.asked || !reached) continue;
    if (linked === 0 && (dossier.texts.get(spec.id) ?? '').trim() === '') alerts.push(`Document demandé par l’appel manquant : ${spec.title}`);
  }
  return alerts;
}

export function labelSheet(answers: AnswerLookup, readiness: LabelReadiness, dossier?: DossierContent): LabelSheetBlock[] {
  return referentielById('label-lycee-2023').parts.flatMap((part) =>
    part.sections.map((section) => ({
      id: section.id,
      code: section.code,
      title: section.title,
      rows: section.items.flatMap((item) => {
        if (item.kind !== 'label-band') return [];
        const value = answers.get(item.id)?.value;
        const band = value?.kind === 'band' ? item.bands.find((b) => b.id === value.band) : undefined;
        const blocker = readiness.next?.blockers.find((b) => b.criterion.id === item.id);
        const mandatory = item.rule === 'mandatory';
        const linked = dossier ? evidenceOf(item.id, dossier.evidence) : [];
        const reached = band !== undefined && (mandatory ? (band.level ?? 0) > 0 : (band.points ?? 0) > 0);
        return [
          {
            id: item.id,
            code: item.code,
            text: item.text,
            mandatory,
            answer: value?.kind === 'not-applicable' ? 'non concerné' : (band?.label ?? 'non renseigné'),
            worth: band
              ? mandatory
                ? bandLevelText(band.level ?? 0)
                : bandPointsText(band.points ?? 0)
              : value?.kind === 'not-applicable' && mandatory
                ? 'aucun niveau tant que la Région n’a pas accepté la justification'
                : '—',
            missing: blocker
              ? `pour le niveau ${readiness.next!.level} : ${blocker.needed.label}${blocker.current === 'not-applicable' ? ', ou la justification acceptée par la Région' : ''}`
              : '',
            evidence: linked.map(evidenceLine),
            alerts: dossier ? alertsOf(item.code, mandatory, reached, linked.length, dossier) : [],
          },
        ];
      }),
    })),
  );
}

/** One block (or all of them) as text to paste: a criterion per paragraph. */
export function labelSheetText(blocks: readonly LabelSheetBlock[]): string {
  return blocks
    .map((block) =>
      [
        `${block.code} ${block.title}`,
        ...block.rows.map((row) =>
          [
            `${row.code} ${row.text} (${row.mandatory ? 'obligatoire' : 'facultatif'})`,
            `Réponse : ${row.answer}`,
            `Ce qu’elle vaut : ${row.worth}`,
            ...(row.missing ? [`Manque ${row.missing}`] : []),
            ...(row.evidence.length > 0 ? [`Preuves : ${row.evidence.join(' ; ')}`] : []),
          ].join('\n'),
        ),
      ].join('\n\n'),
    )
    .join('\n\n\n');
}
