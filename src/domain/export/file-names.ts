// Names of files written for other programs: Windows Explorer, a ZIP tool, the Région's platform.
// A name keeps the person's words (accents included: ZIP entries are stored as UTF-8) but loses
// what Windows refuses, and a path never climbs out of its folder.

/** Lower-case ASCII words joined by hyphens: "Lycée Jean-Jaurès" → "lycee-jean-jaures". */
export const slug = (text: string, max = 40): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, max) || 'sans-nom';

/** Names Windows reserves for devices, whatever the extension ("CON.txt" is refused too). */
const RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;
/** Characters Windows refuses in a name, the control characters, and the path separators. */
// eslint-disable-next-line no-control-regex
const REFUSED = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;

/**
 * One path segment that Windows Explorer opens as typed: refused characters replaced by "_",
 * no trailing dot or space, no reserved device name, no "." or "..", at most `max` characters
 * (the extension kept), never empty.
 */
export function windowsSafeName(name: string, max = 80): string {
  let safe = name.normalize('NFC').replace(REFUSED, '_').replace(/\s+/g, ' ').trim().replace(/[. ]+$/, '');
  if (/^\.+$/.test(safe) || safe === '') safe = 'sans-nom';
  const dot = safe.lastIndexOf('.');
  const [stem, extension] = dot > 0 && safe.length - dot <= 8 ? [safe.slice(0, dot), safe.slice(dot)] : [safe, ''];
  const base = RESERVED.test(stem) ? `${stem}_` : stem;
  const room = Math.max(1, max - extension.length);
  // Cut by code points, never inside a surrogate pair.
  const cut = [...base].slice(0, room).join('').replace(/[. ]+$/, '') || 'sans-nom';
  return `${cut}${extension}`;
}

/**
 * Paths made unique in their folder, as Windows compares them (case-insensitively): the second
 * "Charte.pdf" becomes "Charte (2).pdf". Segments are expected already made safe.
 */
export function uniquePaths(paths: readonly string[]): string[] {
  const taken = new Set<string>();
  return paths.map((path) => {
    const slash = path.lastIndexOf('/');
    const folder = path.slice(0, slash + 1);
    const name = path.slice(slash + 1);
    const dot = name.lastIndexOf('.');
    const [stem, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
    let candidate = path;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${folder}${stem} (${n})${extension}`;
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}
