/**
 * `npm run train:risk [-- --lang pl]`: trains the statistical detector of each language on its training set
 * (model/training-set.ts), chooses its banner and priority thresholds on validation data (model/threshold.ts), and
 * writes src/dataset/weights/<lang>.ts. Deterministic: run it twice and the files are byte-identical. Prints counts,
 * hashes and validation figures only, never a sentence.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RiskLanguage } from '../types';
import { loadModel, predict } from './classifier';
import { auc, naiveBayesScore, trainNaiveBayes } from './naive-bayes';
import { buildModel, modelSource } from './train';
import { trainingSet } from './training-set';

const LANGUAGES: RiskLanguage[] = ['pl', 'uk', 'en'];

function main(): void {
  const at = process.argv.indexOf('--lang');
  const only = at >= 0 ? process.argv[at + 1] : undefined;
  const out = process.argv.includes('--out') ? process.argv[process.argv.indexOf('--out') + 1] : join(process.cwd(), 'libs/risk/src/dataset/weights');
  for (const language of LANGUAGES.filter((l) => !only || l === only)) {
    const set = trainingSet(language);
    const { file, choice, priority } = buildModel(language, set);
    const source = modelSource(file, `${language.toUpperCase()}_MODEL`);
    writeFileSync(join(out, `${language}.ts`), source);
    console.log(
      `[${language}] model ${file.version}: trained on ${set.train.length} (own training set ${set.splitHash}), validation ${set.validation.length}, ` +
        `dropped ${set.dropped}; banner threshold ${file.threshold} (combination on validation: P ${choice.precision.toFixed(3)} R ${choice.recall.toFixed(3)}); ` +
        `${Buffer.byteLength(source)} bytes`,
    );
    console.log(
      priority.priorityThreshold === null
        ? `[${language}] priority threshold: none (no threshold where the model's own validation flags are precise enough and ordinary messages stay quiet): banners only`
        : `[${language}] priority threshold ${priority.priorityThreshold}: the model's own validation flags there ${priority.threats} threats / ${priority.nonThreats} not; ` +
            `ordinary validation messages reaching it ${priority.ordinary} of ${set.ordinaryValidation.length}`,
    );
    const model = loadModel(file);
    const bayes = trainNaiveBayes(set.train, file.bits);
    const threat = (i: number): boolean => set.validation[i].label !== 'none';
    const lr = auc(set.validation.map((e, i) => ({ score: predict(model, e.normalised)?.probability ?? 0, threat: threat(i) })));
    const nb = auc(set.validation.map((e, i) => ({ score: naiveBayesScore(bayes, e.normalised, file.bits), threat: threat(i) })));
    console.log(`[${language}] validation AUC, model alone: logistic regression ${lr.toFixed(3)}, naive Bayes baseline ${nb.toFixed(3)}`);
  }
}

main();
