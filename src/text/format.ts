// Dates, numbers and sizes as French readers expect them.

// The first use of the browser's French locale data (Intl) blocks a 4× slower CPU for about 100 ms,
// on the first keystroke or the first page. Ordinary figures and dates are written out here (the
// same text as Intl's, checked in the tests); larger figures by one formatter, built when needed.
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

// The home page and the campaign page show a date at once.
const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const dayMonthYear = (d: number, m: number, y: number) => `${d} ${MONTHS[m - 1]} ${y}`;

/** "1 octobre 2026". */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return dayMonthYear(d, m, y);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} o`;
  if (bytes < 1024 ** 2) return `${decimal(bytes / 1024)} Ko`;
  if (bytes < 1024 ** 3) return `${decimal(bytes / 1024 ** 2)} Mo`;
  return `${decimal(bytes / 1024 ** 3)} Go`;
}

/** "25 novembre 2026 à 14:05": a moment the user recognises. */
export function formatDateTime(ms: number): string {
  const t = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${dayMonthYear(t.getDate(), t.getMonth() + 1, t.getFullYear())} à ${two(t.getHours())}:${two(t.getMinutes())}`;
}

const ago = (n: number, unit: string) => `il y a ${n < 1000 ? n : decimal(n)} ${unit}${n > 1 ? 's' : ''}`;
/** "il y a 12 jours", "il y a 3 heures", "hier", "à l’instant". */
export function formatAgo(ms: number, now: number = Date.now()): string {
  const minutes = Math.round((now - ms) / 60_000);
  if (minutes < 1) return 'à l’instant';
  if (minutes < 60) return ago(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 24) return ago(hours, 'heure');
  const days = Math.floor(hours / 24);
  return days === 1 ? 'hier' : days === 2 ? 'avant-hier' : ago(days, 'jour');
}

/** Today's date on this laptop's calendar, as stored (2026-10-05): never UTC's, which is yesterday before 1 a.m. in Paris. */
export function todayIso(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
