/**
 * `npm run -s risk:review -- --lang pl [--out review-pl.csv]`: writes the clinicians' review sheet of one language
 * (review-sheet.ts) to stdout, or to the file named. The sheet holds fictional training and evaluation sentences
 * only; see README.md for how the reviewed sheet comes back.
 */
import { writeFileSync } from 'node:fs';
import type { RiskLanguage } from '../types';
import { reviewCsv } from './review-sheet';

function main(): void {
  const arg = (name: string): string | undefined => {
    const at = process.argv.indexOf(name);
    return at >= 0 ? process.argv[at + 1] : undefined;
  };
  const language = arg('--lang');
  if (language !== 'pl' && language !== 'uk' && language !== 'en') {
    console.error('usage: npm run -s risk:review -- --lang pl|uk|en [--out file.csv]');
    process.exitCode = 2;
    return;
  }
  const csv = reviewCsv(language as RiskLanguage);
  const out = arg('--out');
  if (out) {
    writeFileSync(out, `\uFEFF${csv}`); // the byte-order mark makes spreadsheet programs read UTF-8
    console.error(`wrote ${out}`);
  } else {
    process.stdout.on('error', () => undefined); // a closed pipe (`| head`) is not an error worth a stack trace
    process.stdout.write(csv);
  }
}

main();
