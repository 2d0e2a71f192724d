import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));

/** The embed loader, one self-contained script at /widget.js. */
export async function build(out) {
  await esbuild({
    entryPoints: [join(here, 'src/widget.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    sourcemap: false,
    legalComments: 'none',
    outfile: join(out, 'widget.js'),
    logLevel: 'warning',
  });
}
