import { describe, expect, it } from 'vitest';
import { readCount, readPercentage, shareOf } from '../../../src/domain/typed-input';

describe('what is typed in a number field', () => {
  it('reads whole counts, with spaces as thousands separators, and an empty field as "non renseigné"', () => {
    expect(readCount('12')).toEqual({ ok: true, value: 12 });
    expect(readCount(' 1 200 ')).toEqual({ ok: true, value: 1200 });
    expect(readCount('0')).toEqual({ ok: true, value: 0 });
    expect(readCount('')).toEqual({ ok: true, value: null });
  });

  it('refuses negative, decimal and non-numeric counts with a French message', () => {
    expect(readCount('-3')).toEqual({ ok: false, message: 'Le nombre ne peut pas être négatif.' });
    expect(readCount('2,5')).toEqual({ ok: false, message: 'Nombre entier attendu (sans virgule).' });
    expect(readCount('2.5')).toEqual({ ok: false, message: 'Nombre entier attendu (sans virgule).' });
    expect(readCount('douze')).toEqual({ ok: false, message: 'Nombre attendu : des chiffres uniquement.' });
    expect(readCount('<b>1</b>')).toMatchObject({ ok: false });
    expect(readCount('99999999')).toEqual({ ok: false, message: 'Nombre trop grand.' });
  });

  it('reads percentages with a decimal comma, between 0 and 100', () => {
    expect(readPercentage('12,5')).toEqual({ ok: true, value: 12.5 });
    expect(readPercentage('100 %')).toEqual({ ok: true, value: 100 });
    expect(readPercentage('101')).toEqual({ ok: false, message: 'Un pourcentage est compris entre 0 et 100.' });
    expect(readPercentage('beaucoup')).toMatchObject({ ok: false });
  });

  it('writes shares the French way, and none of a zero figure', () => {
    expect(shareOf(12, 40)).toBe('30 %');
    expect(shareOf(1, 3)).toBe('33,3 %');
    expect(shareOf(1, 0)).toBeUndefined();
  });
});
