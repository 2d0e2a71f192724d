// Builds every front-end under apps/web/<name>/build.mjs into dist/public.
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '../../dist/public');
mkdirSync(join(out, 'assets'), { recursive: true });
for (const name of readdirSync(here, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
  const script = join(here, name, 'build.mjs');
  if (!existsSync(script)) continue;
  const { build } = await import(pathToFileURL(script).href);
  await build(out);
}
