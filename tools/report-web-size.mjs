// Prints the explorer bundle's size, gzipped, after `npm run build:web` (target: at most 200 kB).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dir = path.join(process.cwd(), 'dist/web');
let raw = 0;
let gzipped = 0;
for (const file of [
  path.join(dir, 'index.html'),
  ...fs.readdirSync(path.join(dir, 'assets')).map((f) => path.join(dir, 'assets', f)),
]) {
  const body = fs.readFileSync(file);
  raw += body.length;
  gzipped += zlib.gzipSync(body, { level: 9 }).length;
}
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
console.log(`explorer page built into dist/web: ${kb(raw)}, ${kb(gzipped)} gzipped`);
if (gzipped > 200 * 1024) {
  console.error('the explorer bundle exceeds 200 kB gzipped');
  process.exit(1);
}
