/**
 * Ordinary first messages per language, all non-threats, in two fixed parts (not the hash split of ../split.ts):
 * - `train`: the model learns them as 'none', so that the words of everyday help-seeking ("I want to", "he
 *   controls", "boję się") stop counting as risk just because the rest of the corpus is mostly threats;
 * - `validation`: never trained on; the priority threshold is chosen so that almost none of them reaches it
 *   (model/threshold.ts).
 * Neither part is the 20 ordinary openings of eval/ordinary-openings.ts, which stay an untouched check
 * (a unit test keeps both parts apart from them and from every held-out sentence).
 */
export interface OrdinarySet {
  readonly train: readonly string[];
  readonly validation: readonly string[];
}
