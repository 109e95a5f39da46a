import { describe, expect, it } from 'vitest';
import { decimal, formatAgo, formatDate, formatDateTime, plainNumber } from '../../../src/text/format';
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

describe('dates written the French way, without setting up Intl', () => {
  it('formatDate writes what the French date formatter writes, every month', () => {
    const intl = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric' });
    for (let m = 1; m <= 12; m++) {
      for (const d of [1, 9, 10, 28]) {
        const iso = `2026-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        expect(formatDate(iso), iso).toBe(intl.format(new Date(2026, m - 1, d)));
      }
    }
    expect(formatDate('2027-02-01')).toBe('1 février 2027');
  });

  it('formatDateTime writes what toLocaleString writes, day, month, year, hour and minute', () => {
    for (const at of [new Date(2026, 10, 25, 14, 5), new Date(2026, 0, 1, 0, 0), new Date(2027, 7, 9, 23, 59)]) {
      const intl = at.toLocaleString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
      expect(formatDateTime(at.getTime())).toBe(intl);
    }
  });

  it('formatAgo writes what the French relative time formatter writes', () => {
    const rtf = new Intl.RelativeTimeFormat('fr', { numeric: 'auto' });
    const now = Date.UTC(2026, 11, 3, 12);
    expect(formatAgo(now - 20_000, now)).toBe('à l’instant');
    for (const minutes of [1, 2, 59]) expect(formatAgo(now - minutes * 60_000, now)).toBe(rtf.format(-minutes, 'minute'));
    for (const hours of [1, 2, 23]) expect(formatAgo(now - hours * 3_600_000, now)).toBe(rtf.format(-hours, 'hour'));
    for (const days of [1, 2, 3, 12, 400, 1500]) expect(formatAgo(now - days * 86_400_000, now)).toBe(rtf.format(-days, 'day'));
  });
});
