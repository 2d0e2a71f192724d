import { readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * The survivor page: the chat script, a tiny quick-exit script and one stylesheet, with content
 * hashes in their names (so a cached copy is never stale), and the HTML shell that names them. Nothing from elsewhere.
 */
export async function build(out) {
  const assets = join(out, 'assets');
  await mkdir(assets, { recursive: true });
  for (const old of await readdir(assets)) if (/^chat(-exit|-style)?(\.[A-Za-z0-9]+)?\.(js|css)$/.test(old)) await rm(join(assets, old));
  const result = await esbuild({
    // quick exit is its own tiny script, so it works before the chat's bundle has arrived
    entryPoints: { chat: join(here, 'src/main.ts'), 'chat-exit': join(here, 'src/exit.ts'), 'chat-style': join(here, 'chat.css') },
    entryNames: '[name].[hash]',
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    legalComments: 'none',
    sourcemap: false,
    outdir: assets,
    metafile: true,
    logLevel: 'warning',
  });
  const outputs = Object.keys(result.metafile.outputs).map((p) => basename(p));
  const named = (re) => {
    const file = outputs.find((f) => re.test(f));
    if (!file) throw new Error(`chat build: no output matching ${re}`);
    return file;
  };
  const html = (await readFile(join(here, 'chat.html'), 'utf8'))
    .replace('%CHAT_JS%', named(/^chat\.[^.]+\.js$/))
    .replace('%CHAT_EXIT_JS%', named(/^chat-exit\.[^.]+\.js$/))
    .replace('%CHAT_CSS%', named(/^chat-style\.[^.]+\.css$/));
  await writeFile(join(out, 'chat.html'), html);
}
