import { COPY, initialLanguage } from './i18n';
import { estimateText, positionLines } from './format';

describe('survivor page wording', () => {
  it('counts minutes with the right plural form in each language', () => {
    const minutes = (lang: 'pl' | 'uk' | 'en', n: number) => estimateText(COPY[lang], lang, n * 60);
    expect([1, 2, 5, 22].map((n) => minutes('pl', n))).toEqual([
      'Szacowany czas oczekiwania: mniej więcej 1 minuta.',
      'Szacowany czas oczekiwania: mniej więcej 2 minuty.',
      'Szacowany czas oczekiwania: mniej więcej 5 minut.',
      'Szacowany czas oczekiwania: mniej więcej 22 minuty.',
    ]);
    expect([1, 3, 5, 21, 11].map((n) => minutes('uk', n).replace('Орієнтовний час очікування: ', ''))).toEqual(['1 хвилина.', '3 хвилини.', '5 хвилин.', '21 хвилина.', '11 хвилин.']);
    expect(minutes('en', 1)).toBe('Estimated wait: about 1 minute.');
    expect(minutes('en', 5)).toBe('Estimated wait: about 5 minutes.');
  });

  it('is honest when it cannot say, or when the wait is very short or very long', () => {
    expect(estimateText(COPY.en, 'en', null)).toBe('We can’t say right now how long the wait will be.');
    expect(estimateText(COPY.en, 'en', 20)).toBe('Estimated wait: less than a minute.');
    expect(estimateText(COPY.pl, 'pl', 3 * 3600)).toBe('Szacowany czas oczekiwania: ponad godzinę.');
    expect(estimateText(COPY.uk, 'uk', undefined)).toBe('Поки що не можемо сказати, скільки доведеться чекати.');
  });

  it('says how many people are ahead', () => {
    expect(positionLines(COPY.pl, 'pl', 1)).toEqual(['Miejsce w kolejce: 1', 'Nikt przed Tobą nie czeka.']);
    expect(positionLines(COPY.pl, 'pl', 3)[1]).toBe('Przed Tobą: 2 osoby.');
    expect(positionLines(COPY.pl, 'pl', 6)[1]).toBe('Przed Tobą: 5 osób.');
    expect(positionLines(COPY.uk, 'uk', 2)[1]).toBe('Перед вами: 1 людина.');
    expect(positionLines(COPY.uk, 'uk', 6)[1]).toBe('Перед вами: 5 людей.');
    expect(positionLines(COPY.en, 'en', 2)[1]).toBe('Ahead of you: 1 person.');
  });

  it('picks the language from ?lang=, then the browser, then Polish', () => {
    expect(initialLanguage('?lang=en', ['uk-UA'])).toBe('en');
    expect(initialLanguage('?lang=xx', ['uk-UA', 'pl'])).toBe('uk');
    expect(initialLanguage('', ['de-DE', 'en-GB'])).toBe('en');
    expect(initialLanguage('', ['ru-RU'])).toBe('uk');
    expect(initialLanguage('', ['de-DE'])).toBe('pl');
  });

  it('has every text in every language, none left empty or in English', () => {
    const keys = Object.keys(COPY.en) as (keyof typeof COPY.en)[];
    for (const lang of ['pl', 'uk'] as const) {
      for (const key of keys) {
        expect(COPY[lang][key]).toBeTruthy();
        if (typeof COPY.en[key] === 'string' && !['quickExitHint', 'typing'].includes(key)) expect([key, COPY[lang][key]]).not.toEqual([key, COPY.en[key]]);
      }
    }
    // Ukrainian quotes are «», the apostrophe is ’, never a plain '
    for (const text of Object.values(COPY.uk).filter((v) => typeof v === 'string') as string[]) {
      expect(text).not.toMatch(/["'„“”]/);
    }
  });
});
