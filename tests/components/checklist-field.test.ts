// "Aucun de ces services" must not vanish under the keyboard focus when a save lands late.
import { describe, expect, it } from 'vitest';
import { createRawSnippet } from 'svelte';
import { fireEvent, render, screen } from '@testing-library/svelte';
import ChecklistField from '../../src/components/answering/ChecklistField.svelte';
import { findItem } from '../../src/referentiels';
import type { ItemOfKind } from '../../src/referentiels/kinds';

const item = findItem('dgesco2010.3.6.4.a6')!.item as ItemOfKind<'checklist'>;
const wording = createRawSnippet(() => ({ render: () => `<span>${item.text}</span>` }));

function deferred() {
  let resolve!: (saved: boolean) => void;
  const promise = new Promise<boolean>((r) => (resolve = r));
  return { promise, resolve };
}

describe('the checklist field', () => {
  it('withdraws "Aucun de ces services" as a box is ticked, before the save lands, and offers it again if the save is refused', async () => {
    const save = deferred();
    render(ChecklistField, {
      item, value: null, wording, errorId: undefined, disabled: false,
      onchange: () => save.promise, oninvalid: () => {},
    });
    expect(screen.getByRole('button', { name: 'Aucun de ces services' })).toBeTruthy();
    await fireEvent.click(screen.getByRole('checkbox', { name: 'Actualité' }));
    expect(screen.queryByRole('button', { name: 'Aucun de ces services' })).toBeNull();
    save.resolve(false); // refused: the stored value is still "non renseigné"
    await expect.poll(() => screen.queryByRole('button', { name: 'Aucun de ces services' })).not.toBeNull();
  });
});
