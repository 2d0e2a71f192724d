/**
 * Evaluation of risk detection: `npm run -s eval:risk`.
 * Per language, for the lexicon, the model, their combination (lexicon first, then the model: every flag a counsellor
 * sees) and the combination's priority part (the lexicon and the model's flags above its priority threshold):
 * - the labelled set the lexicon is tuned on and the model partly trained on (the gate: recall >= 0.9,
 *   precision >= 0.8, for the lexicon and for the combination);
 * - the validation split (the model's threshold was chosen on it), the corpus held-out split, and the eval
 *   dataset's `*_HOLDOUT` sentences (written after the lexicon, never trained or tuned on): the honest estimate;
 * each with precision, recall, F1, per-category figures, a confusion table (combination) and the indexes of misses.
 * Split hashes are printed so an edited or tuned-on split shows. Never prints message text, only indexes
 * (`c12` = dataset/<lang>.ts index 12, `d12` = eval dataset index 12, `#12` = index in the set printed).
 * Exit code 1 when a language falls below the gate on the labelled set.
 */
import { buildPools, CORPORA, type PooledCase } from '../dataset/pools';
import { splitHash } from '../dataset/split';
import { ORDINARY } from '../dataset/train-only';
import { LEXICON_VERSIONS, MODEL_PRIORITY_THRESHOLDS, MODEL_THRESHOLDS, MODEL_VERSIONS } from '../index';
import { MODEL_FILES } from '../dataset/weights';
import type { RiskLanguage } from '../types';
import type { EvalCase } from './dataset/types';
import { ORDINARY_OPENINGS } from './ordinary-openings';
import { DATASETS, DETECTORS, HOLDOUTS, LABELS, evaluate, perCategory, type LanguageReport } from './metrics';

export const GATE = { recall: 0.9, precision: 0.8 } as const;

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`.padStart(6);
const fmt = (x: number): string => x.toFixed(2);
const list = (items: readonly { index: number | string; category?: string; ruleId?: string }[]): string =>
  items.length === 0 ? '-' : items.map((m) => `${typeof m.index === 'number' ? '#' : ''}${m.index}(${m.ruleId ?? m.category ?? '?'})`).join(' ');

function printLine(name: string, r: LanguageReport): void {
  console.log(`    ${name.padEnd(12)} P ${pct(r.precision)}  R ${pct(r.recall)}  F1 ${pct(r.f1)}   tp ${r.tp} fp ${r.fp} fn ${r.fn} tn ${r.tn}`);
}

function printSet(title: string, language: RiskLanguage, cases: readonly EvalCase[], names?: readonly (number | string)[]): Record<string, LanguageReport> {
  const threats = cases.filter((c) => c.threat).length;
  console.log(`  ${title}: ${cases.length} cases (threats ${threats}, non-threats ${cases.length - threats})`);
  if (cases.length === 0) return {};
  const reports = Object.fromEntries(Object.entries(DETECTORS).map(([name, d]) => [name, evaluate(language, cases, d, names)]));
  for (const [name, r] of Object.entries(reports)) printLine(name, r);
  const rows = Object.fromEntries(Object.entries(reports).map(([name, r]) => [name, perCategory(r)]));
  console.log(`    per category (R / P; lexicon | model | combination):`);
  rows.lexicon.forEach((row, i) => {
    const cells = ['lexicon', 'model', 'combination'].map((n) => `${fmt(rows[n][i].recall)} / ${fmt(rows[n][i].precision)}`).join(' | ');
    console.log(`      ${row.category.padEnd(17)} n ${String(row.support).padStart(3)}   ${cells}`);
  });
  const c = reports.combination;
  console.log(`    confusion (combination; rows expected, columns flagged): ${LABELS.map((l, i) => `${i}=${l}`).join(' ')}`);
  for (const [i, expected] of LABELS.entries()) {
    console.log(`      ${i} ${LABELS.map((p) => String(c.confusion[expected][p]).padStart(4)).join('')}`);
  }
  console.log(`    combination false negatives: ${list(c.falseNegatives)}`);
  console.log(`    combination false positives: ${list(c.falsePositives)}`);
  return reports;
}

const pooledNames = (cases: readonly PooledCase[]): string[] => cases.map((c) => `${c.source === 'corpus' ? 'c' : 'd'}${c.index}`);

/**
 * The gateway asks every language's detector about every message (people switch languages under stress), so a
 * detector must stay quiet on the other languages: flags raised on their non-threat sentences, per detector.
 */
function printCrossLanguage(languages: readonly RiskLanguage[]): void {
  console.log('[cross-language] non-threat sentences of one language flagged by the detector of another (lexicon / combination):');
  for (const source of languages) {
    const negatives = [...CORPORA[source], ...DATASETS[source]].filter((c) => !c.threat);
    const cells = languages
      .filter((l) => l !== source)
      .map((l) => `${l} ${negatives.filter((c) => DETECTORS.lexicon(c.text, l)).length} / ${negatives.filter((c) => DETECTORS.combination(c.text, l)).length}`);
    console.log(`  ${source} (${negatives.length} non-threats): ${cells.join(', ')}`);
  }
}

/** Ordinary messages (all non-threats) flagged by each detector of their language: the false alarms a helpline would live with. */
function printOrdinary(title: string, language: RiskLanguage, texts: readonly string[]): void {
  const flagged = (d: keyof typeof DETECTORS) => texts.filter((text) => DETECTORS[d](text, language)).length;
  console.log(
    `  ${title} (${texts.length}, all non-threats): flagged by the lexicon ${flagged('lexicon')}, the model ${flagged('model')}, ` +
      `the combination ${flagged('combination')} (raising priority: ${flagged('priority')})`,
  );
}

function thresholds(language: RiskLanguage): string {
  const priority = MODEL_PRIORITY_THRESHOLDS[language];
  return `banner threshold ${MODEL_THRESHOLDS[language]}, priority threshold ${priority ?? 'none (banners only)'}`;
}

function main(): void {
  let failed = false;
  for (const language of ['pl', 'uk', 'en'] as RiskLanguage[]) {
    const tunedLexicon = evaluate(language, undefined, DETECTORS.lexicon);
    const tunedCombined = evaluate(language, undefined, DETECTORS.combination);
    const tunedPriority = evaluate(language, undefined, DETECTORS.priority);
    const ok = [tunedLexicon, tunedCombined].every((r) => r.recall >= GATE.recall && r.precision >= GATE.precision);
    failed ||= !ok;
    console.log(`[${language}] lexicon ${LEXICON_VERSIONS[language]}  model ${MODEL_VERSIONS[language]} (${thresholds(language)})  ${ok ? 'OK' : 'BELOW GATE'}`);
    console.log(`  labelled set (lexicon tuned on it, model trained on most of it; gated): ${tunedLexicon.total} cases`);
    printLine('lexicon', tunedLexicon);
    printLine('combination', tunedCombined);
    printLine('priority', tunedPriority);
    const pools = buildPools(language);
    console.log(
      `  split hashes: train ${splitHash(pools.train, language)} (${pools.train.length})  validation ${splitHash(pools.validation, language)} ` +
        `(${pools.validation.length})  held-out ${splitHash(pools.heldout, language)} (${pools.heldout.length})  eval held-out ${splitHash(HOLDOUTS[language], language)}; dropped ${pools.dropped}; ` +
        `model trained on (own language) ${MODEL_FILES[language].training.splitHash}`,
    );
    printSet('validation split (thresholds chosen here)', language, pools.validation, pooledNames(pools.validation));
    printSet('corpus held-out split (never trained or tuned on)', language, pools.heldout, pooledNames(pools.heldout));
    printSet('eval held-out *_HOLDOUT (never trained or tuned on)', language, HOLDOUTS[language]);
    printOrdinary('ordinary validation messages (priority threshold chosen here, never trained on)', language, ORDINARY[language].validation);
    printOrdinary('ordinary openings (eval/ordinary-openings.ts, never trained or tuned on)', language, ORDINARY_OPENINGS[language]);
  }
  printCrossLanguage(['pl', 'uk', 'en']);
  process.exitCode = failed ? 1 : 0;
}

main();
