// The date of a campaign (and every date field): each refusal says what to do in French.
import { describe, expect, it } from 'vitest';
import { checkCampaignInput } from '../../../src/domain/campaigns';

const input = (date: string) => ({ name: 'État initial', date, documents: ['dgesco-2010' as const] });

describe('a campaign’s date', () => {
  it('is asked for when the field was emptied', () => {
    expect(checkCampaignInput(input(''))).toMatchObject({ ok: false, message: 'Date : indiquez une date.', field: 'date' });
  });

  it('is refused out of 2000–2100 with those years named, and when it does not exist', () => {
    for (const date of ['1850-01-01', '0050-06-15', '2101-01-01']) {
      expect(checkCampaignInput(input(date)), date).toMatchObject({ ok: false, message: 'Date : choisissez une date entre l’an 2000 et l’an 2100.', field: 'date' });
    }
    expect(checkCampaignInput(input('2026-02-30'))).toMatchObject({ ok: false, message: 'Date : cette date n’existe pas.' });
    expect(checkCampaignInput(input('05/10/2026'))).toMatchObject({ ok: false, message: 'Date : format attendu AAAA-MM-JJ.' });
  });

  it('takes the first and last days of the range, and 29 February of a leap year', () => {
    for (const date of ['2000-01-01', '2100-12-31', '2028-02-29']) expect(checkCampaignInput(input(date)).ok, date).toBe(true);
  });
});
