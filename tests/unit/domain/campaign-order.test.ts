import { describe, expect, it } from 'vitest';
import { sortCampaigns } from '../../../src/domain/campaigns';

describe('the order of the campaigns on the home page', () => {
  it('puts the newest first, then those of one date in French alphabetical order', () => {
    const campaigns = [
      { date: '2025-10-06', name: 'Réévaluation 2025' },
      { date: '2026-10-05', name: 'Zèbre' },
      { date: '2024-09-30', name: 'État initial' },
      { date: '2026-10-05', name: 'Évaluation de rentrée' },
      { date: '2026-01-15', name: 'Bilan de mi-année' },
    ];
    expect(sortCampaigns(campaigns).map((c) => c.name)).toEqual([
      'Évaluation de rentrée', // É sorts as E in French, before Z (not after it, as by code point)
      'Zèbre',
      'Bilan de mi-année',
      'Réévaluation 2025',
      'État initial',
    ]);
  });

  it('leaves the list it was given as it was', () => {
    const campaigns = [{ date: '2024-01-01', name: 'A' }, { date: '2025-01-01', name: 'B' }];
    sortCampaigns(campaigns);
    expect(campaigns.map((c) => c.name)).toEqual(['A', 'B']);
  });
});
