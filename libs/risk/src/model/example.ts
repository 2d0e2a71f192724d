import type { ModelClass } from './classifier';

/** One training or evaluation example: text already normalised for its language, and its class. */
export interface Example {
  readonly normalised: string;
  readonly label: ModelClass;
}
