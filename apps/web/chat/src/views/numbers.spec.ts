import { linesFor, type Service } from './numbers';

const line = (id: string, region: string, languages: string[]): Service => ({ id, name: id, kind: 'hotline', phone: '1', hours: null, region, languages });

describe('linesFor', () => {
  const directory = [
    line('112-pl', 'PL', ['pl', 'uk', 'en']),
    line('niebieska', 'PL', ['pl']),
    line('1547', 'UA', ['uk']),
    line('la-strada', 'UA', ['uk']),
  ];

  it('adds a country’s other lines, marked with their language, where some line speaks the survivor’s', () => {
    expect(linesFor(directory, 'uk').map((s) => [s.id, s.spokenIn])).toEqual([
      ['112-pl', undefined], ['niebieska', ['pl']], ['1547', undefined], ['la-strada', undefined],
    ]);
  });

  it('leaves out a country where no line speaks it', () => {
    expect(linesFor(directory, 'en').map((s) => [s.id, s.spokenIn])).toEqual([['112-pl', undefined], ['niebieska', ['pl']]]);
    expect(linesFor(directory, 'pl').map((s) => s.id)).toEqual(['112-pl', 'niebieska']);
  });
});
