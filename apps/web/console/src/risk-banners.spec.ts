/** The console's risk banners: the reason of every flag, and advisory model flags apart from the ones that raised priority. */
import { bannerText, newerRisk, riskBanners } from './risk-banners';

const name = (c: string): string => ({ 'threat-to-kill': 'Threat to kill', suicide: 'Suicide', weapon: 'Weapon' })[c] ?? c;

describe('risk banners', () => {
  it('shows each flag that raised priority with its reason: the rule id, or the model and its probability', () => {
    const banners = riskBanners(['weapon', 'threat-to-kill'], [
      { category: 'weapon', reason: 'pl.weapon.knife', advisory: false },
      { category: 'threat-to-kill', reason: 'model: threat-to-kill, 0.83', advisory: false },
    ]);
    expect(banners.priority.map((b) => bannerText(b, name))).toEqual(['Weapon (pl.weapon.knife)', 'Threat to kill (model: threat-to-kill, 0.83)']);
    expect(banners.advisory).toEqual([]);
  });

  it('keeps advisory model flags in their own banner, unless the category also raised priority', () => {
    const banners = riskBanners(['weapon'], [
      { category: 'suicide', reason: 'model: suicide, 0.41', advisory: true },
      { category: 'weapon', reason: 'model: weapon, 0.38', advisory: true },
      { category: 'weapon', reason: 'en.weapon.gun', advisory: false },
    ]);
    expect(banners.priority.map((b) => bannerText(b, name))).toEqual(['Weapon (en.weapon.gun)']);
    expect(banners.advisory.map((b) => bannerText(b, name))).toEqual(['Suicide (model: suicide, 0.41)']);
  });

  it('shows a flag recorded without a reason by its category alone', () => {
    expect(riskBanners(['weapon'], []).priority.map((b) => bannerText(b, name))).toEqual(['Weapon']);
  });

  it('finds what a later read adds: the newest flag to announce, advisory or not, or nothing', () => {
    const known = { riskFlags: ['weapon'], riskSignals: [{ category: 'weapon', reason: 'pl.weapon.knife', advisory: false }] };
    expect(newerRisk(known, known)).toBeUndefined();
    const advisory = { category: 'suicide', reason: 'model: suicide, 0.41', advisory: true };
    expect(newerRisk(known, { riskFlags: ['weapon'], riskSignals: [...known.riskSignals, advisory] }))
      .toEqual({ category: 'suicide', advisory: true, riskFlags: ['weapon'], riskSignals: [...known.riskSignals, advisory] });
    // a server that keeps no reasons still announces a new category
    expect(newerRisk({ riskFlags: [], riskSignals: [] }, { riskFlags: ['weapon'] })).toEqual({ category: 'weapon', riskFlags: ['weapon'], riskSignals: [] });
  });
});
