// The "Lycée numérique" calls for applications known to Diagnum, one référentiel each, oldest
// first. Light on purpose: the first page reads it, so it must not load the grids themselves.
// A campaign stores its call through its documents list (the call's document id).
import type { DocumentId } from './ids';

export interface LabelCall {
  /** The référentiel holding this call's grid of criteria. */
  documentId: DocumentId;
  /** The school year the call is for, as the call writes it. */
  call: string;
  title: string;
}

export const labelCalls = [
  { documentId: 'label-lycee-2023', call: '2023-2024', title: 'Appel à candidatures Lycée numérique 2023-2024' },
] as const satisfies readonly LabelCall[];

/** The call whose grid a campaign covers; the latest one should a campaign list several. */
export function labelCallOf(documents: readonly string[]): LabelCall | undefined {
  return [...labelCalls].reverse().find((c) => documents.includes(c.documentId));
}
