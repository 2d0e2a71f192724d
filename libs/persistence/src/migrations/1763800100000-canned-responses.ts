import type { MigrationInterface, QueryRunner } from 'typeorm';

interface SeedReply { kind: 'opener' | 'reply'; title: string; body: string }

/**
 * Quick replies for counsellors, per language, managed by admins. `{name}` in a body is
 * replaced by the counsellor's name when it is inserted. The wording avoids grammatical
 * gender (Polish past tense, Ukrainian adjectives): the survivor's gender is never assumed.
 */
const SEED: Record<'pl' | 'uk' | 'en', SeedReply[]> = {
  pl: [
    { kind: 'opener', title: 'Powitanie i pytanie o bezpieczeństwo', body: 'Dzień dobry, mam na imię {name} i jestem tu, żeby Cię wysłuchać. Zanim zaczniemy: czy możesz teraz bezpiecznie pisać? Czy ktoś jest obok albo może zobaczyć Twój ekran?' },
    { kind: 'reply', title: 'Jestem tutaj', body: 'Dziękuję, że do nas piszesz. Jestem tu dla Ciebie i mamy tyle czasu, ile potrzebujesz.' },
    { kind: 'reply', title: 'Bez pośpiechu', body: 'Nie spiesz się. Pisz we własnym tempie — poczekam.' },
    { kind: 'reply', title: 'To nie Twoja wina', body: 'To, co się dzieje, nie jest Twoją winą. Nikt nie ma prawa Cię krzywdzić.' },
    { kind: 'reply', title: 'Zagrożenie — 112', body: 'Jeśli grozi Ci teraz niebezpieczeństwo, zadzwoń pod numer alarmowy 112. Możemy pisać dalej, kiedy będzie już bezpiecznie.' },
    { kind: 'reply', title: 'Szybkie wyjście', body: 'Jeśli musisz nagle wyjść, użyj przycisku „Szybkie wyjście” albo naciśnij trzy razy Shift. Możesz wrócić, kiedy zechcesz.' },
    { kind: 'reply', title: 'Czy nadal tu jesteś?', body: 'Czy nadal jesteś ze mną? Nie musisz odpowiadać od razu.' },
    { kind: 'reply', title: 'Plan bezpieczeństwa', body: 'Czy chcesz razem ze mną pomyśleć o planie bezpieczeństwa — o tym, co możesz zrobić, gdyby sytuacja się zaostrzyła?' },
    { kind: 'reply', title: 'Zakończenie rozmowy', body: 'Dziękuję za rozmowę. Możesz napisać do nas ponownie o każdej porze. Jeśli poczujesz, że grozi Ci niebezpieczeństwo, dzwoń pod 112.' },
  ],
  uk: [
    { kind: 'opener', title: 'Привітання і питання про безпеку', body: 'Добрий день, мене звати {name}, і я тут, щоб вас вислухати. Перш ніж почнемо: чи можете ви зараз безпечно писати? Чи є хтось поруч або чи може хтось бачити ваш екран?' },
    { kind: 'reply', title: 'Я поруч', body: 'Дякую, що написали нам. Я тут для вас, і ми маємо стільки часу, скільки вам потрібно.' },
    { kind: 'reply', title: 'Без поспіху', body: 'Не поспішайте. Пишіть у своєму темпі — я почекаю.' },
    { kind: 'reply', title: 'Це не ваша провина', body: 'У тому, що відбувається, немає вашої провини. Ніхто не має права завдавати вам шкоди.' },
    { kind: 'reply', title: 'Небезпека — 112', body: 'Якщо вам зараз загрожує небезпека, зателефонуйте за номером 112. Ми зможемо продовжити, коли буде безпечно.' },
    { kind: 'reply', title: 'Швидкий вихід', body: 'Якщо доведеться раптово піти, натисніть «Швидкий вихід» або тричі клавішу Shift. Ви можете повернутися будь-коли.' },
    { kind: 'reply', title: 'Ви ще тут?', body: 'Ви ще тут? Не обов’язково відповідати одразу.' },
    { kind: 'reply', title: 'План безпеки', body: 'Хочете разом подумати про план безпеки — що ви можете зробити, якщо ситуація загостриться?' },
    { kind: 'reply', title: 'Завершення розмови', body: 'Дякую за розмову. Ви можете написати нам знову будь-коли. Якщо відчуєте, що вам загрожує небезпека, телефонуйте 112.' },
  ],
  en: [
    { kind: 'opener', title: 'Greeting and safety check', body: 'Hello, my name is {name} and I’m here to listen. Before we start: is it safe for you to write right now? Is anyone with you, or could anyone see your screen?' },
    { kind: 'reply', title: 'I’m here', body: 'Thank you for reaching out. I’m here for you, and we can take as much time as you need.' },
    { kind: 'reply', title: 'No rush', body: 'There’s no rush. Write at your own pace — I’ll wait.' },
    { kind: 'reply', title: 'Not your fault', body: 'What is happening is not your fault. No one has the right to hurt you.' },
    { kind: 'reply', title: 'Danger — 112', body: 'If you are in danger right now, please call 112. We can carry on writing when it is safe.' },
    { kind: 'reply', title: 'Quick exit', body: 'If you need to leave suddenly, use “Quick exit” or press Shift three times. You can come back whenever you like.' },
    { kind: 'reply', title: 'Still there?', body: 'Are you still with me? You don’t have to answer straight away.' },
    { kind: 'reply', title: 'Safety plan', body: 'Would you like to think together about a safety plan — what you could do if things get worse?' },
    { kind: 'reply', title: 'Closing', body: 'Thank you for talking with me. You can write to us again at any time. If you feel you are in danger, call 112.' },
  ],
};

export class CannedResponses1763800100000 implements MigrationInterface {
  name = 'CannedResponses1763800100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE canned_response (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        language text NOT NULL CHECK (language IN ('pl', 'uk', 'en')),
        kind text NOT NULL DEFAULT 'reply' CHECK (kind IN ('opener', 'reply')),
        title text NOT NULL,
        body text NOT NULL,
        sort_order integer NOT NULL DEFAULT 100,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX canned_response_language ON canned_response (language, sort_order)`);
    for (const [language, replies] of Object.entries(SEED)) {
      for (const [index, r] of replies.entries()) {
        await q.query(`INSERT INTO canned_response (language, kind, title, body, sort_order) VALUES ($1, $2, $3, $4, $5)`, [language, r.kind, r.title, r.body, (index + 1) * 10]);
      }
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS canned_response`);
  }
}
