/**
 * `npm run train:risk [-- --lang pl]`: trains the statistical detector of each language on its training pool
 * (corpus/pools.ts), chooses its threshold on the validation pool, and writes src/model/weights/<lang>.ts.
 * Deterministic: run it twice and the files are byte-identical. Prints counts, hashes and validation figures only,
 * never a sentence.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPools } from '../corpus/pools';
import { labelOf, splitHash } from '../corpus/split';
import { normalize } from '../normalize';
import type { RiskLanguage } from '../types';
import { buildModel, modelSource, type Example } from './train';

const LANGUAGES: RiskLanguage[] = ['pl', 'uk', 'en'];

function examples(cases: readonly { text: string; threat: boolean; category?: Example['label'] }[], language: RiskLanguage): Example[] {
  return cases.map((c) => ({ normalised: normalize(c.text, language), label: labelOf(c as never) }));
}

function main(): void {
  const at = process.argv.indexOf('--lang');
  const only = at >= 0 ? process.argv[at + 1] : undefined;
  const out = process.argv.includes('--out') ? process.argv[process.argv.indexOf('--out') + 1] : join(process.cwd(), 'libs/risk/src/model/weights');
  for (const language of LANGUAGES.filter((l) => !only || l === only)) {
    const pools = buildPools(language);
    const hash = splitHash(pools.train, language);
    const { file, choice } = buildModel(language, examples(pools.train, language), examples(pools.validation, language), hash);
    const source = modelSource(file, `${language.toUpperCase()}_MODEL`);
    writeFileSync(join(out, `${language}.ts`), source);
    console.log(
      `[${language}] model ${file.version}: trained on ${pools.train.length} (split ${hash}), validation ${pools.validation.length}, ` +
        `dropped ${pools.dropped}; threshold ${file.threshold} (validation P ${choice.precision.toFixed(3)} R ${choice.recall.toFixed(3)}); ` +
        `${Buffer.byteLength(source)} bytes`,
    );
  }
}

main();
