// Text from users and files is always shown as text: no {@html}, innerHTML or outerHTML in src/.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const walk = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
const offenders = walk('src').filter((path) => /\{@html|\.innerHTML|\.outerHTML|insertAdjacentHTML|document\.write/.test(readFileSync(path, 'utf8')));
if (offenders.length > 0) {
  console.error(`HTML injection points found in: ${offenders.join(', ')}`);
  process.exit(1);
}
console.log('no HTML injection point in src/');
