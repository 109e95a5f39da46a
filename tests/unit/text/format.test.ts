import { describe, expect, it } from 'vitest';
import { decimal, plainNumber } from '../../../src/text/format';
import { readPercentage } from '../../../src/domain/typed-input';

// Figures of every size a school types or a score shows, and the edges of rounding.
const FIGURES = [0, 1, 7, 10, 99.94, 99.95, 99.96, 100, 12.5, 33.3, 0.05, 0.5, 0.125, 2.0004, 2.0005, 99.9999, 999.9, 999.95, 1000, 1028, 1028.46,
  15000, 1234567, 123456789012, 1.1 + 2.2, 66.66666666, -5.5, -12.25];

describe('numbers written the French way, without setting up Intl for ordinary figures', () => {
  it('plainNumber writes what the French formatter writes: no thousands separator, three decimals at most', () => {
    const intl = new Intl.NumberFormat('fr-FR', { useGrouping: false, maximumFractionDigits: 3 });
    for (const n of [...FIGURES, 1e20]) expect(plainNumber(n), String(n)).toBe(intl.format(n));
    expect(plainNumber(12.3456)).toBe('12,346');
  });

  it('decimal writes what the French formatter writes: one decimal at most, a thin space from 1 000 on', () => {
    const intl = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
    for (const n of FIGURES) expect(decimal(n), String(n)).toBe(intl.format(n));
    expect(decimal(33.333)).toBe('33,3');
  });

  it('a figure written in a field reads back as the same figure', () => {
    for (const n of [0, 12.5, 99.9, 100, 33.333]) {
      const read = readPercentage(plainNumber(n));
      expect(read.ok && read.value).toBe(n);
    }
  });
});
