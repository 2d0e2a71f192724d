import type { Lang } from '../../../shared/lang';
import type { PluralForms } from '../../../shared/plural';

export type { Lang, PluralForms };

/** Every word the survivor page shows, per language. */
export interface Copy {
  languageName: string;
  language: string;
  quickExit: string;
  quickExitHint: string;
  introTitle: string;
  introText: string;
  safetyTip: string;
  dangerQuestion: string;
  yes: string;
  no: string;
  dangerCall: string;
  dangerContinue: string;
  optional: string;
  forWhomQuestion: string;
  forSelf: string;
  forChild: string;
  forSomeoneElse: string;
  ageQuestion: string;
  ageSkip: string;
  start: string;
  startAnyway: string;
  nobodyTitle: string;
  nobodyText: string;
  resuming: string;
  waitingTitle: string;
  /** the title while waiting again after the chat was handed on */
  handedOnTitle: string;
  placeInLine: string;
  nobodyAhead: string;
  ahead: string;
  people: PluralForms;
  minutes: PluralForms;
  estimateAbout: string;
  estimateUnderMinute: string;
  estimateOverHour: string;
  estimateUnknown: string;
  writeWhileWaiting: string;
  talkingWith: string;
  withYouNow: string;
  typing: string;
  messages: string;
  messageLabel: string;
  placeholder: string;
  send: string;
  end: string;
  endedTitle: string;
  endedText: string;
  endedTimeout: string;
  endedGone: string;
  movedTitle: string;
  movedElsewhere: string;
  historyTip: string;
  numbersTitle: string;
  regions: Record<string, string>;
  /** How a line that does not speak the page's language says which it speaks: "польською". */
  spokenIn: Record<Lang, string>;
  newChat: string;
  connecting: string;
  online: string;
  offline: string;
  unsent: string;
  you: string;
  info: string;
  error: string;
  noConnection: string;
  slowDown: string;
  chooseDanger: string;
}
