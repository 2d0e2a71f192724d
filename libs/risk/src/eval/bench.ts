/**
 * Micro-benchmark: µs per detectRisk call (lexicon, then the model when the lexicon finds nothing) on a
 * 500-character message with no risk words (the common case: every rule and the model run to the end), and on one
 * with a match near the end; then the latency distribution per call (p50, p99, max) over the labelled sentences and
 * 500- and 4,000-character messages. Target: p99 < 1 ms per message.
 * Run: npm run -s build:server && node dist/libs/risk/src/eval/bench.js
 */
import { detectRisk, detectRiskLexicon } from '../index';
import type { RiskLanguage } from '../types';
import { DATASETS } from './metrics';

const FILLER: Record<RiskLanguage, string> = {
  en: 'hi, i am writing because things at home are hard and i do not know who to talk to. he controls the money and checks my phone. ',
  pl: 'dzien dobry, pisze bo w domu jest ciezko i nie wiem z kim porozmawiac. on kontroluje pieniadze i sprawdza moj telefon. ',
  uk: 'добрий день, пишу бо вдома важко і не знаю з ким поговорити. він контролює гроші і перевіряє мій телефон. ',
};
const TAIL: Record<RiskLanguage, string> = { en: ' he said he will kill me', pl: ' powiedzial ze mnie zabije', uk: " сказав що вб'є мене" };

function message(language: RiskLanguage, withThreat: boolean): string {
  const tail = withThreat ? TAIL[language] : '';
  // vary the text per call so the last-message memo in normalize.ts does not hide the real cost
  return (FILLER[language].repeat(6).slice(0, 500 - tail.length - 4) + tail).padEnd(496, '.');
}

function bench(language: RiskLanguage, withThreat: boolean): number {
  const base = message(language, withThreat);
  const texts = Array.from({ length: 1000 }, (_, i) => `${i % 10}${i % 7}${i % 3} ${base}`.slice(0, 500));
  for (let i = 0; i < 3000; i += 1) detectRisk(texts[i % texts.length], language); // warm-up
  const rounds = 5000;
  const start = process.hrtime.bigint();
  for (let i = 0; i < rounds; i += 1) detectRisk(texts[i % texts.length], language);
  return Number(process.hrtime.bigint() - start) / 1000 / rounds;
}

/** Minimum and median of several runs: the minimum approximates an unloaded machine, the median a busy one. */
function stats(language: RiskLanguage, withThreat: boolean): string {
  const runs = Array.from({ length: 7 }, () => bench(language, withThreat)).sort((a, b) => a - b);
  return `${runs[0].toFixed(1)} µs min, ${runs[3].toFixed(1)} µs median`;
}

/** Per-call latency over realistic messages: each call timed alone, so p99 includes the slow ones. */
function percentiles(language: RiskLanguage, detect: typeof detectRisk): string {
  const long = FILLER[language].repeat(40).slice(0, 4000);
  const texts = [...DATASETS[language].map((c) => c.text), message(language, false), message(language, true), long];
  for (let i = 0; i < 2000; i += 1) detect(texts[i % texts.length], language); // warm-up
  const times: number[] = [];
  for (let round = 0; round < 10; round += 1) {
    for (let i = 0; i < texts.length; i += 1) {
      const text = `${round} ${texts[i]}`;
      const start = process.hrtime.bigint();
      detect(text, language);
      times.push(Number(process.hrtime.bigint() - start) / 1000);
    }
  }
  times.sort((a, b) => a - b);
  const at = (q: number): string => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(1);
  return `p50 ${at(0.5)} µs, p99 ${at(0.99)} µs, max ${at(1)} µs over ${times.length} calls (sentences, 500 and 4,000 characters)`;
}

for (const language of ['pl', 'uk', 'en'] as RiskLanguage[]) {
  console.log(`[${language}] 500-char message: no match ${stats(language, false)}; match at the end ${stats(language, true)}`);
  console.log(`[${language}] per message, lexicon + model: ${percentiles(language, detectRisk)}`);
  console.log(`[${language}] per message, lexicon alone: ${percentiles(language, detectRiskLexicon)}`);
}
