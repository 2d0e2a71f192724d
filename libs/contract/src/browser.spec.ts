import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { build } from 'esbuild';

/** What must never reach a page: the validating classes' libraries and anything of Node's. */
const SERVER_ONLY = [/^class-validator/, /^class-transformer/, /^reflect-metadata/, /^node:/, new RegExp(`^(${builtinModules.join('|')})(/|$)`)];

/** Every module the browser entry pulls into a bundle, as esbuild resolves it (packages left as names). */
async function bundledImports(): Promise<string[]> {
  const result = await build({
    entryPoints: [join(__dirname, 'browser.ts')],
    bundle: true,
    packages: 'external',
    platform: 'browser',
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  return Object.values(result.metafile.inputs).flatMap((input) => input.imports.map((i) => i.path));
}

describe('the browser entry of the contract', () => {
  it('imports nothing server-only', async () => {
    const imports = await bundledImports();
    expect(imports.filter((path) => SERVER_ONLY.some((re) => re.test(path)))).toEqual([]);
  });

  it('bundles the codes and event names a page uses', async () => {
    const result = await build({ entryPoints: [join(__dirname, 'browser.ts')], bundle: true, platform: 'browser', format: 'esm', write: false, logLevel: 'silent' });
    const code = result.outputFiles[0].text;
    expect(code).toContain('session:start');
    expect(code).toContain('invalid_input');
  });
});
