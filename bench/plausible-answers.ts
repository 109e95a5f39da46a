// A plausible answer to every item, for the benches that need a campaign answered throughout
// (scoring, the workshop's saves in a full campaign). Values fit the reference figures (100).
import type { Page } from 'playwright-core';
import { documentItems } from '../src/domain/completion';
import { emptyAnswer, type AnswerRecord, type AnswerValue } from '../src/domain/answers';
import { referentiels } from '../src/referentiels';
import type { Item } from '../src/referentiels/kinds';
import { putRecords } from '../tests/e2e/support/idb';

export function answerTo(item: Item): AnswerValue | null {
  switch (item.kind) {
    case 'reference-figure': return { kind: 'number', value: 100 };
    case 'count': return { kind: 'number', value: 10 };
    case 'usage-counts': return { kind: 'usage-counts', never: 20, occasionally: 30, regularly: 40 };
    case 'yes-no': return { kind: 'yes-no', value: true };
    case 'percentage': return { kind: 'percentage', value: 50 };
    case 'date': return { kind: 'date', value: '2026-10-01' };
    case 'free-text': return { kind: 'text', value: 'texte' };
    case 'checklist': return { kind: 'checklist', checked: item.options.slice(0, 3).map((o) => o.id) };
    case 'service-matrix': return { kind: 'service-matrix', cells: item.services.flatMap((s) => item.statements.map((t) => ({ service: s.id, statement: t.id, value: true }))) };
    case 'level': return { kind: 'level', value: 2 };
    case 'label-band': return { kind: 'band', band: item.bands.at(-1)!.id };
  }
}

/** Every item of the three documents answered, for one campaign. */
export function fullCampaignAnswers(campaignId: string): AnswerRecord[] {
  return referentiels.flatMap((r) => documentItems(r)).map((item) => ({ ...emptyAnswer(campaignId, item.id), value: answerTo(item), updatedAt: Date.now() }));
}

/**
 * Writes the answers straight into the app's IndexedDB (its own connection stays open), then
 * reloads the page so that the app reads them: a campaign answered throughout, in a second.
 */
export async function storeAnswers(page: Page, answers: AnswerRecord[]): Promise<void> {
  await page.evaluate(putRecords, { store: 'answers', records: answers });
  await page.reload();
}
