// The label application sheet: the grid as laid out in the Région's call (A, B, C.1, C.2, D),
// each criterion with its answer, what that answer is worth and what is missing for the next
// level, as rows for the screen and as plain text to paste into the application platform.
import { referentielById } from '../../referentiels';
import type { AnswerLookup } from '../completion';
import type { LabelReadiness } from '../scoring/label';
import { bandLevelText, bandPointsText } from '../../text/fr';

export interface LabelSheetRow {
  id: string;
  code: string;
  text: string;
  mandatory: boolean;
  answer: string;
  worth: string;
  missing: string;
}

export interface LabelSheetBlock {
  id: string;
  code: string;
  title: string;
  rows: LabelSheetRow[];
}

export function labelSheet(answers: AnswerLookup, readiness: LabelReadiness): LabelSheetBlock[] {
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
          ].join('\n'),
        ),
      ].join('\n\n'),
    )
    .join('\n\n\n');
}
