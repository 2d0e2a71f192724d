import { detectRiskLexicon, type RiskCategory } from './index';

const cat = (text: string): RiskCategory | null => detectRiskLexicon(text, 'uk')?.category ?? null;

describe('detectRiskLexicon (uk)', () => {
  it('flags inflections and apostrophe variants of вбити / убити', () => {
    for (const form of ["вб'ю", 'вбʼє', 'вб’є', 'вбє', "уб'є", 'вбити', 'вбʼють', 'заріже', 'задушу']) {
      expect(cat(`він мене ${form}`)).not.toBeNull();
    }
  });

  it('flags Ukrainian typed in Latin letters and Russian/surzhyk forms', () => {
    expect(cat('vin skazav shcho vbye mene')).toBe('threat-to-kill');
    expect(cat("kazhe shcho ub'yu")).toBe('threat-to-kill');
    expect(cat('zadushu tebe')).toBe('strangulation');
    expect(cat('vbyty')).toBe('threat-to-kill');
    expect(cat('муж сказал что убьет меня')).toBe('threat-to-kill');
    expect(cat('сказав шо заріже')).toBe('threat-to-kill');
    expect(cat('вбыть')).toBe('threat-to-kill');
  });

  it('uses Unicode boundaries: "ніж" (also "than") needs a verb, "душу" (soul) is not "задушу"', () => {
    expect(cat('краще пізно ніж ніколи')).toBeNull();
    expect(cat('всю душу вклала')).toBeNull();
    expect(cat('приставив ніж до горла')).toBe('weapon');
  });

  it('flags each category', () => {
    expect(cat('у нього є пістолет')).toBe('weapon');
    expect(cat('він душив мене')).toBe('strangulation');
    expect(cat('не хочу жити')).toBe('suicide');
    expect(cat("він б'є сина")).toBe('child-danger');
    expect(cat('він мене зґвалтував')).toBe('sexual-violence');
    expect(cat('він ламає двері')).toBe('immediate-danger');
  });

  it('does not flag negated statements, before or after the trigger', () => {
    expect(cat('він мені не погрожував')).toBeNull();
    expect(cat('ne pohrozhuvav meni')).toBeNull();
    expect(cat('у нього немає зброї')).toBeNull();
    expect(cat('думок про самогубство немає')).toBeNull();
    expect(cat("дітей він не б'є")).toBeNull();
  });

  it('keeps conditions and "almost" from reading as negation, and flags past threats', () => {
    expect(cat("якщо не повернешся я тебе вб'ю")).toBe('threat-to-kill');
    expect(cat('він мало не вбив мене')).toBe('threat-to-kill');
    expect(cat('рік тому погрожував що вбʼє')).toBe('threat-to-kill');
  });

  it('does not flag idioms', () => {
    expect(cat('дивлюсь серіали щоб вбити час')).toBeNull();
    expect(cat('ця спека мене вбиває')).toBeNull();
    expect(cat('синові купили водяний пістолет')).toBeNull();
    expect(cat('помираю зі сміху')).toBeNull();
    expect(cat('начальник погрожує звільненням')).toBeNull();
  });
});
