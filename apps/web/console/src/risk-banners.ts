/**
 * What a chat's risk banners say, from the categories that raised its priority (`riskFlags`) and
 * the signals behind them (`riskSignals`, codes only: a rule id or "model: suicide, 0.62"). A
 * signal is advisory when the model flagged below its priority threshold: it gets its own,
 * quieter banner, unless the same category also raised priority (then that banner says it).
 */
import type { RiskFlag, RiskSignal } from './wire';

export interface RiskBannerLine {
  category: string;
  /** Why, as the detector put it; empty for a flag recorded before reasons were kept. */
  reasons: string[];
}

export interface RiskBanners {
  priority: RiskBannerLine[];
  advisory: RiskBannerLine[];
}

function line(category: string, signals: readonly RiskSignal[]): RiskBannerLine {
  return { category, reasons: signals.filter((s) => s.category === category).map((s) => s.reason) };
}

export function riskBanners(riskFlags: readonly string[], riskSignals: readonly RiskSignal[]): RiskBanners {
  const raised = riskSignals.filter((s) => !s.advisory);
  const advisory = riskSignals.filter((s) => s.advisory && !riskFlags.includes(s.category));
  const advisoryCategories = [...new Set(advisory.map((s) => s.category))];
  return {
    priority: riskFlags.map((category) => line(category, raised)),
    advisory: advisoryCategories.map((category) => line(category, advisory)),
  };
}

/** "Threat to kill (model: threat-to-kill, 0.83)": the category's name and, if known, why. */
export function bannerText(banner: RiskBannerLine, name: (category: string) => string): string {
  return banner.reasons.length > 0 ? `${name(banner.category)} (${banner.reasons.join(', ')})` : name(banner.category);
}

/** A chat's risk as the console keeps it. */
export interface ChatRisk { riskFlags: string[]; riskSignals: RiskSignal[] }

/** A flag as the desk applies it: from the socket's `session:risk-flag`, or found on a later read. */
export type RiskChange = Pick<RiskFlag, 'category' | 'advisory' | 'riskFlags' | 'riskSignals'>;

/**
 * What a later read of the chat (after a reconnection) adds to what the console knows: the
 * newest flag to announce, with the chat's risk as read, or undefined when nothing is new.
 */
export function newerRisk(known: ChatRisk, read: { riskFlags: string[]; riskSignals?: RiskSignal[] }): RiskChange | undefined {
  const signals = read.riskSignals ?? [];
  const moreSignals = signals.length > known.riskSignals.length;
  if (read.riskFlags.length <= known.riskFlags.length && !moreSignals) return undefined;
  const newest = moreSignals ? signals[signals.length - 1] : undefined;
  const category = newest?.category ?? read.riskFlags[read.riskFlags.length - 1];
  return { category, ...(newest?.advisory ? { advisory: true as const } : {}), riskFlags: read.riskFlags, riskSignals: signals };
}
