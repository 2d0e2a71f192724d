/**
 * The clinicians' review sheet of one language: every lexicon rule with the labelled sentences it flags (its
 * examples) and those it flags wrongly (its false positives), the model's flags the lexicon did not raise (with their
 * level: `priority` or `advisory`), and the threats nothing flags. The sentences are the fictional corpus, training
 * supplement, ordinary messages and evaluation sets, never chat text: reviewers need to read them. Rows are keyed by source and index so a corrected sheet can be applied back (README.md).
 */
import { DATASETS, HOLDOUTS } from '../eval/metrics';
import { CORPORA } from '../dataset/pools';
import { labelOf, type Labelled } from '../dataset/split';
import { ORDINARY, SUPPLEMENTS } from '../dataset/train-only';
import { detectRisk } from '../index';
import { EN_LEXICON } from '../lexicon/en';
import { PL_LEXICON } from '../lexicon/pl';
import { UK_LEXICON } from '../lexicon/uk';
import type { Lexicon, RiskLanguage } from '../types';

const LEXICONS: Record<RiskLanguage, Lexicon> = { pl: PL_LEXICON, uk: UK_LEXICON, en: EN_LEXICON };

export const COLUMNS = ['rule_id', 'category', 'patterns', 'outcome', 'source', 'index', 'label', 'probability', 'level', 'text', 'verdict', 'correct_label', 'note'] as const;

/** Where a sentence comes from, as a review row names it (with its index in that list). */
function sourcesOf(language: RiskLanguage): [string, readonly Labelled[]][] {
  const ordinary = (texts: readonly string[]): Labelled[] => texts.map((text) => ({ text, threat: false }));
  return [
    ['corpus', CORPORA[language]],
    ['dataset', DATASETS[language]],
    ['holdout', HOLDOUTS[language]],
    ['supplement', SUPPLEMENTS[language]],
    ['ordinary-train', ordinary(ORDINARY[language].train)],
    ['ordinary-validation', ordinary(ORDINARY[language].validation)],
  ];
}

type Row = Record<(typeof COLUMNS)[number], string>;

/** One CSV field: always quoted, quotes doubled, line breaks kept inside the quotes (RFC 4180). */
export function csvField(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

function outcomeOf(c: Labelled, flagged: string): string {
  if (!c.threat) return 'false-positive';
  return c.category === flagged ? 'example' : 'example-other-category';
}

export function reviewRows(language: RiskLanguage): Row[] {
  const lexicon = LEXICONS[language];
  const sources = sourcesOf(language);
  const byRule = new Map<string, Row[]>();
  const modelRows: Row[] = [];
  const missed: Row[] = [];
  const empty = { verdict: '', correct_label: '', note: '' };
  for (const [source, cases] of sources) {
    cases.forEach((c, index) => {
      const match = detectRisk(c.text, language);
      const base = { source, index: String(index), label: labelOf(c), text: c.text, ...empty };
      if (!match) {
        if (c.threat) missed.push({ ...base, rule_id: '', category: '', patterns: '', outcome: 'missed', probability: '', level: '' });
        return;
      }
      const level = match.advisory ? 'advisory' : 'priority';
      const row = { ...base, rule_id: match.ruleId, category: match.category, patterns: '', outcome: outcomeOf(c, match.category), probability: match.probability?.toFixed(2) ?? '', level };
      if (match.probability !== undefined) modelRows.push(row);
      else byRule.set(match.ruleId, [...(byRule.get(match.ruleId) ?? []), row]);
    });
  }
  const rows: Row[] = [];
  for (const rule of lexicon.rules) {
    const header = { rule_id: rule.id, category: rule.category, patterns: rule.patterns.join(' | '), outcome: 'rule', source: '', index: '', label: '', probability: '', level: '', text: rule.note ?? '', ...empty };
    rows.push(header, ...(byRule.get(rule.id) ?? []));
  }
  return [...rows, ...modelRows, ...missed];
}

export function reviewCsv(language: RiskLanguage): string {
  const lines = [COLUMNS.join(','), ...reviewRows(language).map((row) => COLUMNS.map((c) => csvField(row[c])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}
