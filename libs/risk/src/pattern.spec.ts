import { compilePattern, expandBraces, LexiconError } from './pattern';
import { normalize } from './normalize';
import type { RiskLanguage } from './types';

function matches(pattern: string, text: string, language: RiskLanguage = 'en'): boolean {
  return new RegExp(compilePattern(pattern, language).source, 'u').test(normalize(text, language));
}

describe('pattern DSL', () => {
  it('expands brace endings', () => {
    expect(expandBraces('zabi{j,je,ję}')).toEqual(['zabij', 'zabije', 'zabiję']);
    expect(expandBraces('kill{,s}{,x}')).toEqual(['kill', 'killx', 'kills', 'killsx']);
  });

  it('matches whole words only, with Unicode-aware boundaries', () => {
    expect(matches('kill', 'he will kill')).toBe(true);
    expect(matches('kill', 'great skill')).toBe(false);
    expect(matches('kill', 'killer app')).toBe(false);
    expect(matches('ніж', 'краще пізно ніж ніколи', 'uk')).toBe(true);
    expect(matches('ніж', 'ножиці', 'uk')).toBe(false);
    expect(matches('душу', 'задушу', 'uk')).toBe(false);
  });

  it('supports stems, alternatives, optional tokens and gaps', () => {
    expect(matches('strangl*', 'he strangled me')).toBe(true);
    expect(matches('(kill|murder) me', 'he will murder me')).toBe(true);
    expect(matches('kill the? kids', 'kill kids')).toBe(true);
    expect(matches('kill the? kids', 'kill the kids')).toBe(true);
    expect(matches('take ..2 kids', 'take my two kids')).toBe(true);
    expect(matches('take ..1 kids', 'take my two kids')).toBe(false);
    expect(matches('the_kids', 'the kids')).toBe(true);
  });

  it('never lets a gap cross a sentence end', () => {
    expect(matches('kill ..3 me', 'kill. me')).toBe(false);
    expect(matches('kill ..3 me', 'kill, me')).toBe(true);
  });

  it('writes patterns in ordinary spelling and matches folded forms', () => {
    expect(matches('zabiję', 'ZABIJE', 'pl')).toBe(true);
    expect(matches('nóż', 'noz', 'pl')).toBe(true);
    expect(matches("вб'ю", 'vbyu', 'uk')).toBe(true);
  });

  it('reports malformed patterns at compile time', () => {
    for (const bad of ['', '..2 kill', 'kill ..2', 'kill? me'.replace('kill?', '(kill)?'), 'ki/ll', 'a{b', '(a|)']) {
      expect(() => compilePattern(bad, 'en')).toThrow(LexiconError);
    }
  });
});
