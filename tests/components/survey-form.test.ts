// The questionnaire's form: blank at once when a response is handed over (the kiosk's next
// respondent is waiting), and the answers back on screen with the reason if they were refused.
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import SurveyForm from '../../src/components/survey/SurveyForm.svelte';
import { accepted, refused, type Checked } from '../../src/domain/result';
import type { SurveyAnswer } from '../../src/domain/survey/questionnaire';

function deferred() {
  let resolve!: (result: Checked<unknown>) => void;
  const promise = new Promise<Checked<unknown>>((r) => (resolve = r));
  return { promise, resolve };
}

const checked = () => screen.getAllByRole('radio').filter((r) => (r as HTMLInputElement).checked).map((r) => (r as HTMLInputElement).value);

describe('the questionnaire form', () => {
  it('is blank as soon as a response is sent, and keeps it blank once stored', async () => {
    const save = deferred();
    const sent: Array<ReadonlyMap<string, SurveyAnswer>> = [];
    render(SurveyForm, { audience: 'teachers', submitLabel: 'Envoyer ma réponse', onsubmit: (a: ReadonlyMap<string, SurveyAnswer>) => (sent.push(a), save.promise) });
    expect(screen.getAllByRole('group')).toHaveLength(3);
    await fireEvent.click(screen.getAllByRole('radio', { name: 'Régulièrement' })[0]!);
    await fireEvent.click(screen.getAllByRole('radio', { name: 'Je ne sais pas' })[2]!);
    expect(checked()).toEqual(['regularly', 'unknown']);
    await fireEvent.click(screen.getByRole('button', { name: 'Envoyer ma réponse' }));
    expect(checked()).toEqual([]);
    expect([...sent[0]!]).toEqual([
      ['dgesco2010.3.6.1.h1', 'regularly'],
      ['dgesco2010.3.6.3.h1', 'unknown'],
    ]);
    save.resolve(accepted(true));
    await expect.poll(() => document.activeElement === screen.getAllByRole('radio')[0]).toBe(true);
    expect(checked()).toEqual([]);
  });

  it('puts a refused response back on screen with its reason; an empty one is not sent', async () => {
    const save = deferred();
    let calls = 0;
    render(SurveyForm, { audience: 'divisions', submitLabel: 'Envoyer ma réponse', onsubmit: () => (calls++, save.promise) });
    await fireEvent.click(screen.getByRole('button', { name: 'Envoyer ma réponse' }));
    expect(calls).toBe(0);
    expect(screen.getByRole('alert').textContent).toBe('Répondez au moins à une question (« Je ne sais pas » est une réponse).');
    await fireEvent.click(screen.getByRole('radio', { name: 'Jamais' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Envoyer ma réponse' }));
    save.resolve(refused('Cette campagne est close : elle n’accepte plus de modification.'));
    await expect.poll(() => checked()).toEqual(['never']);
    expect(screen.getByRole('alert').textContent).toBe('Cette campagne est close : elle n’accepte plus de modification.');
  });
});
