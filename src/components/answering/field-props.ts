// What every answer field receives from its item card.
import type { Snippet } from 'svelte';
import type { AnswerValue } from '../../domain/answers';
import type { ValueChange } from '../../domain/answer-patch';

export interface FieldProps<V extends AnswerValue['kind'] = AnswerValue['kind']> {
  /** The stored value of the kind this field edits (other kinds, e.g. "non concerné", arrive as null). */
  value: Extract<AnswerValue, { kind: V }> | null;
  /** The item's wording, rendered inside the field's label or legend. */
  wording: Snippet;
  /** Id of the inline error, when there is one, for aria-describedby. */
  errorId: string | undefined;
  disabled: boolean;
  /**
   * Saves a change; resolves to false when it was refused (the card shows why). `typing`: one
   * keystroke of a longer entry, undone together with the keystrokes around it.
   */
  onchange: (change: ValueChange, label: string, typing?: boolean) => Promise<boolean>;
  /** A typed value that cannot be read (the card shows the message; nothing is saved). */
  oninvalid: (message: string) => void;
}

export const describedBy = (...ids: Array<string | undefined>) => ids.filter(Boolean).join(' ') || undefined;
