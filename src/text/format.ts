// Dates, numbers and sizes as French readers expect them.

// Setting up the first French number formatter blocks a 4× slower CPU for about 75 ms: ordinary
// figures are written out here (the same text, checked against Intl in the tests), larger ones by
// one formatter built when first needed.
const rounded = (n: number, digits: number) => Number(n.toFixed(digits));
const withComma = (n: number) => String(n).replace('.', ',');

let decimalFormat: Intl.NumberFormat | undefined;
/** "12,5": one decimal at most, the French way ("1 028,5", a narrow no-break space from 1 000 on). */
export function decimal(n: number): string {
  const tenths = rounded(n, 1);
  if (Number.isFinite(n) && Math.abs(tenths) < 1000) return withComma(tenths);
  decimalFormat ??= new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
  return decimalFormat.format(n);
}
let plainFormat: Intl.NumberFormat | undefined;
/** "1028", "12,5": a figure as typed in a field, no thousands separator, three decimals at most. */
export function plainNumber(n: number): string {
  if (Number.isFinite(n) && Math.abs(n) < 1e15) return withComma(rounded(n, 3));
  plainFormat ??= new Intl.NumberFormat('fr-FR', { useGrouping: false, maximumFractionDigits: 3 });
  return plainFormat.format(n);
}

/** "20/06/2025": a date in a table or a file name's neighbourhood. */
export const shortDate = (iso: string): string => iso.split('-').reverse().join('/');

let dateFormat: Intl.DateTimeFormat | undefined;
/** "1 octobre 2026". */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  dateFormat ??= new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric' });
  return dateFormat.format(new Date(y, m - 1, d));
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} o`;
  if (bytes < 1024 ** 2) return `${decimal(bytes / 1024)} Ko`;
  if (bytes < 1024 ** 3) return `${decimal(bytes / 1024 ** 2)} Mo`;
  return `${decimal(bytes / 1024 ** 3)} Go`;
}

/** "25 novembre 2026 à 14:05": a moment the user recognises. */
export function formatDateTime(ms: number): string {
  return new Date(ms).toLocaleString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** "il y a 12 jours", "il y a 3 heures", "à l’instant". */
export function formatAgo(ms: number, now: number = Date.now()): string {
  const minutes = Math.round((now - ms) / 60_000);
  const rtf = new Intl.RelativeTimeFormat('fr', { numeric: 'auto' });
  if (minutes < 1) return 'à l’instant';
  if (minutes < 60) return rtf.format(-minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 24) return rtf.format(-hours, 'hour');
  return rtf.format(-Math.floor(hours / 24), 'day');
}

/** Today's date on this laptop's calendar, as stored (2026-10-05): never UTC's, which is yesterday before 1 a.m. in Paris. */
export function todayIso(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
