import type { MigrationInterface, QueryRunner } from 'typeorm';

interface SeedService { names: { pl: string; uk: string; en: string }; kind: string; phone: string; region: string; languages: string[]; order: number }

/**
 * Public numbers from PRODUCT.md. Operators must verify them before going live (README).
 * Languages say which survivors the number is shown to, not only what it answers in:
 * a Ukrainian speaker in Poland still needs 112. Names are given in each language.
 */
const SEED: SeedService[] = [
  { names: { pl: 'Numer alarmowy 112', uk: 'Екстрений номер (Польща)', en: 'Emergency number (Poland)' }, kind: 'emergency', phone: '112', region: 'PL', languages: ['pl', 'uk', 'en'], order: 1 },
  { names: { pl: 'Policja', uk: 'Поліція (Польща)', en: 'Police (Poland)' }, kind: 'police', phone: '997', region: 'PL', languages: ['pl'], order: 2 },
  { names: { pl: 'Niebieska Linia — pomoc dla osób doznających przemocy domowej (bezpłatna)', uk: '«Блакитна лінія» — допомога постраждалим від домашнього насильства (Польща, безоплатно)', en: 'Blue Line — domestic violence helpline (Poland, free)' }, kind: 'hotline', phone: '800 120 002', region: 'PL', languages: ['pl'], order: 10 },
  { names: { pl: 'Telefon wsparcia dla dorosłych w kryzysie (bezpłatny)', uk: 'Лінія підтримки для дорослих у кризі (Польща, безоплатно)', en: 'Support line for adults in crisis (Poland, free)' }, kind: 'hotline', phone: '116 123', region: 'PL', languages: ['pl'], order: 11 },
  { names: { pl: 'Telefon zaufania dla dzieci i młodzieży', uk: 'Телефон довіри для дітей і молоді (Польща)', en: 'Helpline for children and young people (Poland)' }, kind: 'child-protection', phone: '116 111', region: 'PL', languages: ['pl'], order: 12 },
  { names: { pl: 'Centrum Interwencji Kryzysowej w Lublinie', uk: 'Центр кризового втручання в Любліні', en: 'Crisis Intervention Centre, Lublin' }, kind: 'crisis-intervention-centre', phone: '733 588 900', region: 'PL', languages: ['pl', 'uk', 'en'], order: 13 },
  { names: { pl: 'Policja (Ukraina)', uk: 'Поліція', en: 'Police (Ukraine)' }, kind: 'police', phone: '102', region: 'UA', languages: ['uk'], order: 20 },
  { names: { pl: 'Pogotowie ratunkowe (Ukraina)', uk: 'Швидка медична допомога', en: 'Ambulance (Ukraine)' }, kind: 'emergency', phone: '103', region: 'UA', languages: ['uk'], order: 21 },
  { names: { pl: 'Numer alarmowy (Ukraina)', uk: 'Екстрений номер 112', en: 'Emergency number (Ukraine)' }, kind: 'emergency', phone: '112', region: 'UA', languages: ['uk', 'en'], order: 22 },
  { names: { pl: 'Rządowa infolinia ds. przemocy domowej (Ukraina, bezpłatna)', uk: 'Урядова гаряча лінія з питань домашнього насильства (безоплатно)', en: 'Government hotline on domestic violence (Ukraine, free)' }, kind: 'hotline', phone: '1547', region: 'UA', languages: ['uk'], order: 23 },
  { names: { pl: 'Krajowa infolinia La Strada Ukraina (bezpłatna)', uk: 'Національна гаряча лінія «Ла Страда-Україна» (безоплатно)', en: 'La Strada Ukraine national hotline (free)' }, kind: 'hotline', phone: '0 800 500 335', region: 'UA', languages: ['uk', 'en'], order: 24 },
  { names: { pl: 'La Strada Ukraina — numer skrócony', uk: '«Ла Страда-Україна» — короткий номер', en: 'La Strada Ukraine (short number)' }, kind: 'hotline', phone: '116 123', region: 'UA', languages: ['uk'], order: 25 },
  { names: { pl: 'Telefon dla dzieci (Ukraina)', uk: 'Дитяча лінія', en: 'Children’s line (Ukraine)' }, kind: 'child-protection', phone: '116 111', region: 'UA', languages: ['uk'], order: 26 },
  { names: { pl: 'Bezpłatna pomoc prawna (Ukraina)', uk: 'Безоплатна правнича допомога', en: 'Free legal aid (Ukraine)' }, kind: 'legal-aid', phone: '0 800 213 103', region: 'UA', languages: ['uk'], order: 27 },
];

export class SeedServices1763800000100 implements MigrationInterface {
  name = 'SeedServices1763800000100';

  async up(q: QueryRunner): Promise<void> {
    for (const s of SEED) {
      await q.query(
        `INSERT INTO service (name, names, kind, phone, hours, region, languages, channel_type, sort_order) VALUES ($1, $2, $3, $4, '24/7', $5, $6, 'phone', $7)`,
        [s.names.en, JSON.stringify(s.names), s.kind, s.phone, s.region, s.languages, s.order],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM service WHERE channel_type = 'phone' AND phone = ANY($1)`, [SEED.map((s) => s.phone)]);
  }
}
