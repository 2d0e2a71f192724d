import { detectRiskLexicon, type RiskCategory } from './index';

const cat = (text: string): RiskCategory | null => detectRiskLexicon(text, 'en')?.category ?? null;

describe('detectRiskLexicon (en)', () => {
  it('flags threats to kill in any tense, reported or past (a past threat is a DASH risk factor)', () => {
    expect(cat('he said he would kill me yesterday')).toBe('threat-to-kill');
    expect(cat('hes going to kill us')).toBe('threat-to-kill');
    expect(cat('he threatened to murder my mum')).toBe('threat-to-kill');
    expect(cat('He Said He Will KILLLL ME!!!')).toBe('threat-to-kill');
    expect(cat("my husband told me he'd kil me")).toBe('threat-to-kill');
  });

  it('flags each category', () => {
    expect(cat('he held a knife to my throat')).toBe('weapon');
    expect(cat('he has a gun in the house')).toBe('weapon');
    expect(cat('he choked me until i passed out')).toBe('strangulation');
    expect(cat('i want to end my life')).toBe('suicide');
    expect(cat('he hits my son')).toBe('child-danger');
    expect(cat('he raped me')).toBe('sexual-violence');
    expect(cat('he is breaking the door')).toBe('immediate-danger');
    expect(cat("he's coming back now")).toBe('immediate-danger');
  });

  it('respects word boundaries', () => {
    expect(cat('great skill, he killed it at work')).toBeNull();
    expect(cat('the grape harvest')).toBeNull();
    expect(cat('we went to the gunnery museum')).toBeNull();
  });

  it('does not flag negated statements', () => {
    expect(cat('he did not threaten me')).toBeNull();
    expect(cat('he never said he would kill me')).toBeNull();
    expect(cat('he doesnt have a gun')).toBeNull();
    expect(cat('im not suicidal')).toBeNull();
    expect(cat('he isnt coming back tonight')).toBeNull();
  });

  it('keeps conditionals and "I don\'t know" from reading as negation', () => {
    expect(cat('if i dont come back he will kill me')).toBe('threat-to-kill');
    expect(cat('i dont know what to do, he said he will kill me')).toBe('threat-to-kill');
    expect(cat('i dont want to live anymore')).toBe('suicide');
  });

  it('does not flag common idioms', () => {
    expect(cat('this homework is killing me')).toBeNull();
    expect(cat('we watched a movie to kill time')).toBeNull();
    expect(cat('my son loves his water gun')).toBeNull();
    expect(cat('i choked up reading your message')).toBeNull();
    expect(cat('i need a new kitchen knife')).toBeNull();
    expect(cat('im dying to know')).toBeNull();
  });

  it('returns the earliest rule in lexicon order when several match', () => {
    expect(cat('i want to kill myself')).toBe('suicide');
  });
});
