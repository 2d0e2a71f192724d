import { createHash } from 'node:crypto';
import { readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * The offer chime, made here rather than downloaded: two soft sine notes (E5 then A5) with
 * gentle attack and release, 16-bit mono PCM at 22 050 Hz. Calm enough for a night shift,
 * distinct enough to notice.
 */
function offerChime() {
  const rate = 22_050;
  const notes = [{ hz: 659.25, start: 0, length: 0.22 }, { hz: 880, start: 0.2, length: 0.36 }];
  const total = Math.ceil(rate * 0.6);
  const samples = new Float32Array(total);
  for (const note of notes) {
    const from = Math.floor(note.start * rate);
    const count = Math.floor(note.length * rate);
    for (let i = 0; i < count && from + i < total; i++) {
      const t = i / rate;
      const envelope = Math.min(1, t / 0.015) * Math.exp(-t * 6);
      samples[from + i] += 0.35 * envelope * (Math.sin(2 * Math.PI * note.hz * t) + 0.15 * Math.sin(4 * Math.PI * note.hz * t));
    }
  }
  const data = Buffer.alloc(total * 2);
  samples.forEach((s, i) => data.writeInt16LE(Math.round(Math.max(-1, Math.min(1, s)) * 32_767), i * 2));
  const header = Buffer.alloc(44);
  header.write('RIFF', 0); header.writeUInt32LE(36 + data.length, 4); header.write('WAVE', 8);
  header.write('fmt ', 12); header.writeUInt32LE(16, 16); header.writeUInt16LE(1, 20); header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24); header.writeUInt32LE(rate * 2, 28); header.writeUInt16LE(2, 32); header.writeUInt16LE(16, 34);
  header.write('data', 36); header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

/**
 * The staff console: one script, one stylesheet and the chime, each with a content hash in
 * its name (assets are cached for an hour), and the HTML shell that names them.
 */
export async function build(out) {
  const assets = join(out, 'assets');
  await mkdir(assets, { recursive: true });
  for (const old of await readdir(assets)) if (/^console(-offer)?(\.[A-Za-z0-9]+)?\.(js|css|wav)$/.test(old)) await rm(join(assets, old));
  const chime = offerChime();
  const chimeName = `console-offer.${createHash('sha256').update(chime).digest('hex').slice(0, 8)}.wav`;
  await writeFile(join(assets, chimeName), chime);
  const result = await esbuild({
    entryPoints: { console: join(here, 'src/main.ts'), 'console-style': join(here, 'console.css') },
    entryNames: 'console.[hash]',
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    // views are Preact components written in TSX
    jsx: 'automatic',
    jsxImportSource: 'preact',
    legalComments: 'none',
    sourcemap: false,
    outdir: assets,
    metafile: true,
    logLevel: 'warning',
    define: { __OFFER_SOUND__: JSON.stringify(`/assets/${chimeName}`) },
  });
  const outputs = Object.keys(result.metafile.outputs).map((p) => basename(p));
  const js = outputs.find((f) => f.endsWith('.js'));
  const css = outputs.find((f) => f.endsWith('.css'));
  if (!js || !css) throw new Error('console build: missing script or stylesheet');
  const html = (await readFile(join(here, 'console.html'), 'utf8')).replace('%CONSOLE_JS%', js).replace('%CONSOLE_CSS%', css);
  await writeFile(join(out, 'console.html'), html);
}
