import { detectRiskLexicon, type RiskCategory } from './index';

const cat = (text: string): RiskCategory | null => detectRiskLexicon(text, 'pl')?.category ?? null;

describe('detectRiskLexicon (pl)', () => {
  it('flags inflected forms of "zabić"', () => {
    for (const form of ['zabij', 'zabije', 'zabiję', 'zabijesz', 'zabić', 'zabiją', 'zabił', 'zabiłby']) {
      expect(cat(`on mnie ${form}`)).toBe('threat-to-kill');
    }
  });

  it('does not confuse stems that only look alike', () => {
    expect(cat('zabierze mi telefon')).toBeNull(); // zabi- but "take"
    expect(cat('gwałtownie zahamował')).toBeNull(); // gwałt- but "suddenly"
    expect(cat('mama mnie zawsze broni')).toBeNull(); // "broni" = defends
  });

  it('matches with and without Polish diacritics, in any case', () => {
    expect(cat('ZABIJĘ CIĘ')).toBe('threat-to-kill');
    expect(cat('zabije cie')).toBe('threat-to-kill');
    expect(cat('przyłożył mi nóż do gardła')).toBe('weapon');
    expect(cat('przylozyl mi noz do gardla')).toBe('weapon');
    expect(cat('dusił mnie')).toBe('strangulation');
    expect(cat('dusil mnie')).toBe('strangulation');
  });

  it('flags each category', () => {
    expect(cat('ma w domu broń')).toBe('weapon');
    expect(cat('nie chce mi się żyć')).toBe('suicide');
    expect(cat('bije syna pasem')).toBe('child-danger');
    expect(cat('zgwałcił mnie')).toBe('sexual-violence');
    expect(cat('wyważa drzwi')).toBe('immediate-danger');
    expect(cat('on wraca teraz')).toBe('immediate-danger');
  });

  it('flags past and reported threats', () => {
    expect(cat('wczoraj groził że mnie zabije')).toBe('threat-to-kill');
    expect(cat('rok temu powiedział że mnie zatłucze')).toBe('threat-to-kill');
  });

  it('does not flag negated statements, but keeps "jak nie…" conditions and "nie wiem"', () => {
    expect(cat('nie groził mi')).toBeNull();
    expect(cat('nigdy nie mówił że mnie zabije')).toBeNull();
    expect(cat('nie ma broni w domu')).toBeNull();
    expect(cat('jak nie wrócisz to cię zabiję')).toBe('threat-to-kill');
    expect(cat('nie wiem co robić, mówi że mnie zabije')).toBe('threat-to-kill');
    expect(cat('o mało mnie nie zabił')).toBe('threat-to-kill');
  });

  it('does not flag idioms and cooking', () => {
    expect(cat('zabijam czas serialami')).toBeNull();
    expect(cat('robię duszone mięso')).toBeNull();
    expect(cat('duszę warzywa na patelni')).toBeNull();
    expect(cat('syn dostał pistolet na wodę')).toBeNull();
    expect(cat('umieram ze śmiechu')).toBeNull();
    expect(cat('szef grozi mi zwolnieniem')).toBeNull();
  });
});
