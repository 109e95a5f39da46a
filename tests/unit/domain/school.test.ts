import { describe, expect, it } from 'vitest';
import { checkSchoolInput } from '../../../src/domain/school';

describe('the school', () => {
  it('accepts a name alone, trims it, and upper-cases the UAI letter', () => {
    expect(checkSchoolInput({ name: '  Lycée Clémence Royer ' })).toEqual({ ok: true, value: { name: 'Lycée Clémence Royer' } });
    expect(checkSchoolInput({ name: 'L', uai: ' 0341234a', academie: '' })).toEqual({
      ok: true,
      value: { name: 'L', uai: '0341234A' },
    });
  });

  it.each(['034123A', '03412345A', 'A341234B', '0341234', '0341234AB'])('refuses the UAI code %s', (uai) => {
    expect(checkSchoolInput({ name: 'Lycée', uai })).toMatchObject({ ok: false, field: 'uai' });
  });

  it('refuses an empty name and a name with a lone surrogate', () => {
    expect(checkSchoolInput({ name: '   ' })).toMatchObject({ ok: false, field: 'name' });
    expect(checkSchoolInput({ name: 'Lycée \ud800' })).toMatchObject({
      ok: false,
      message: "Nom de l'établissement : le texte contient des caractères invalides.",
    });
  });
});
