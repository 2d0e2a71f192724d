import { normalize, skeleton, transliterateToCyrillic } from './normalize';

describe('normalize', () => {
  it('lower-cases, folds Polish diacritics and marks sentence and clause ends', () => {
    expect(normalize('ZABIJĘ cię!!! Nóż… ok, dobrze', 'pl')).toBe(' zabije cie . noz . ok , dobrze ');
    expect(skeleton('Łódź źdźbło żółć', 'pl')).toBe('lodz zdzblo zolc');
  });

  it('removes apostrophes of every kind, so вбʼє = вб\'є = вб’є = вб`є = вбє', () => {
    const forms = ['вбʼє', "вб'є", 'вб’є', 'вб`є', 'вбє'].map((w) => skeleton(w, 'uk'));
    expect(new Set(forms).size).toBe(1);
    expect(skeleton("he'll", 'en')).toBe(skeleton('hell', 'en'));
  });

  it('collapses repeated letters, the same way in text and patterns', () => {
    expect(skeleton('killlllll', 'en')).toBe(skeleton('kill', 'en'));
    expect(skeleton('zabijeeeee', 'pl')).toBe('zabije');
    expect(skeleton('вбʼєєєє', 'uk')).toBe(skeleton('вбʼє', 'uk'));
  });

  it('folds Russian-keyboard and Ukrainian letters to one skeleton', () => {
    expect(skeleton('убьет', 'uk')).toBe('убет');
    expect(skeleton('вбити', 'uk')).toBe(skeleton('вбыты', 'uk'));
    expect(skeleton('зґвалтував', 'uk')).toBe(skeleton('згвалтував', 'uk'));
    expect(skeleton('її', 'uk')).toBe(skeleton('і', 'uk'));
  });

  it('transliterates Latin-letter Ukrainian to the same skeleton as Cyrillic', () => {
    expect(skeleton('vbyu', 'uk')).toBe(skeleton("вб'ю", 'uk'));
    expect(skeleton("ub'yu", 'uk')).toBe(skeleton("уб'ю", 'uk'));
    expect(skeleton('zadushu', 'uk')).toBe(skeleton('задушу', 'uk'));
    expect(skeleton('vbyty', 'uk')).toBe(skeleton('вбити', 'uk'));
    expect(skeleton('ne hochu zhyty', 'uk')).toBe(skeleton('не хочу жити', 'uk'));
    expect(transliterateToCyrillic('shcho')).toBe('що');
  });

  it('maps Latin look-alikes inside Cyrillic words ("нiж" typed with a Latin i)', () => {
    expect(skeleton('нiж', 'uk')).toBe(skeleton('ніж', 'uk'));
    expect(skeleton('yбʼю', 'uk')).toBe(skeleton('убʼю', 'uk'));
  });

  it('drops invisible characters, combining marks and emoji', () => {
    expect(normalize('ki\u200Bll\u00ADme 😀', 'en')).toBe(' kilme ');
    expect(skeleton('вби́ти', 'uk')).toBe(skeleton('вбити', 'uk'));
    expect(normalize('🔪🔪🔪', 'en')).toBe(' ');
  });

  it('keeps Latin text Latin for pl and en; only uk transliterates', () => {
    expect(normalize('zadushu', 'pl')).toBe(' zadushu ');
    expect(normalize('zadushu', 'uk')).toBe(' задушу ');
  });

  it('is padded and single-spaced whatever the input', () => {
    for (const text of ['', '   ', '\n\t', 'a', '...', ' , a  , . b ']) {
      const out = normalize(text, 'en');
      expect(out.startsWith(' ')).toBe(true);
      expect(out.endsWith(' ')).toBe(true);
      expect(out).not.toMatch(/ {2}/);
    }
  });
});
