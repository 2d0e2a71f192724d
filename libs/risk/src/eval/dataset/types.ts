import type { RiskCategory } from '../../types';

/** One labelled chat message. Written for this evaluation; no real chat content. */
export interface EvalCase {
  readonly text: string;
  /** True when a counsellor should see a risk banner for this message. */
  readonly threat: boolean;
  /** Expected category of a threat (reported, not gated: several categories can be right). */
  readonly category?: RiskCategory;
}
