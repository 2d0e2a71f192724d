/**
 * Evaluation of the risk lexicon: `npm run -s eval:risk`.
 * Per language: counts, precision, recall, F1 and the indexes (into eval/dataset/<lang>.ts) and categories of false
 * negatives and false positives, first on the labelled set the lexicon is tuned on (the gate: recall >= 0.9,
 * precision >= 0.8), then on the held-out set written after the lexicon (the honest estimate for new phrasing).
 * Never prints message text, only indexes, so the habit carries over to anything built on real data.
 * Exit code 1 when a language falls below the gate on the labelled set.
 */
import { LEXICON_VERSIONS } from '../index';
import type { RiskLanguage } from '../types';
import { HOLDOUTS, evaluate, type LanguageReport } from './metrics';

export const GATE = { recall: 0.9, precision: 0.8 } as const;

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const list = (items: readonly { index: number; category?: string; ruleId?: string }[]): string =>
  items.length === 0 ? '-' : items.map((m) => `#${m.index}(${m.ruleId ?? m.category ?? '?'})`).join(' ');

function print(title: string, r: LanguageReport): void {
  console.log(`  ${title}: ${r.total} cases (threats ${r.threats}, non-threats ${r.total - r.threats})  tp ${r.tp} fp ${r.fp} fn ${r.fn} tn ${r.tn}`);
  console.log(`    precision ${pct(r.precision)}  recall ${pct(r.recall)}  F1 ${pct(r.f1)}`);
  console.log(`    false negatives: ${list(r.falseNegatives)}`);
  console.log(`    false positives: ${list(r.falsePositives)}`);
  if (r.otherCategory.length > 0) console.log(`    flagged under another category: ${r.otherCategory.map((o) => `#${o.index}(${o.expected}->${o.got})`).join(' ')}`);
}

function main(): void {
  let failed = false;
  for (const language of ['pl', 'uk', 'en'] as RiskLanguage[]) {
    const tuned = evaluate(language);
    const ok = tuned.recall >= GATE.recall && tuned.precision >= GATE.precision;
    failed ||= !ok;
    console.log(`[${language}] lexicon ${LEXICON_VERSIONS[language]}  ${ok ? 'OK' : 'BELOW GATE'}`);
    print('labelled set (tuned on, gated)', tuned);
    print('held-out set (never tuned on)', evaluate(language, HOLDOUTS[language]));
  }
  process.exitCode = failed ? 1 : 0;
}

main();
