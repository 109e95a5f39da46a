// Dates, numbers and sizes as French readers expect them.

let decimalFormat: Intl.NumberFormat | undefined;
/** "12,5": one decimal at most, the French way. One formatter for the whole app: building one per number is slow on a school laptop. */
export function decimal(n: number): string {
  decimalFormat ??= new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
  return decimalFormat.format(n);
}
let plainFormat: Intl.NumberFormat | undefined;
/** "1028", "12,5": a figure as typed in a field, no thousands separator. One formatter: `toLocaleString` builds one per call, slow on a school laptop. */
export function plainNumber(n: number): string {
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
