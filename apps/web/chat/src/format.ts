import type { Copy, Lang } from './i18n';
import { plural } from '../../shared/plural';

/** "Your place in the queue: 3" and "Ahead of you: 2 people". */
export function positionLines(copy: Copy, lang: Lang, position: number): [string, string] {
  const ahead = Math.max(0, position - 1);
  return [`${copy.placeInLine} ${position}`, ahead === 0 ? copy.nobodyAhead : `${copy.ahead} ${plural(lang, ahead, copy.people)}.`];
}

/** An honest estimate in words: unknown (null: nobody on duty), under a minute, minutes, over an hour. */
export function estimateText(copy: Copy, lang: Lang, seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return copy.estimateUnknown;
  if (seconds < 60) return copy.estimateUnderMinute;
  if (seconds >= 90 * 60) return copy.estimateOverHour;
  return copy.estimateAbout.replace('{n}', plural(lang, Math.max(1, Math.round(seconds / 60)), copy.minutes));
}

export function fill(template: string, name: string): string {
  return template.replace('{name}', name);
}
