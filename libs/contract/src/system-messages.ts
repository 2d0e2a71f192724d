import type { Language } from './codes';

/** What the system says in a chat, in the survivor's language. */
export const SYSTEM_TEXT: Record<'safetyCheck' | 'inactivityPrompt' | 'transferred', Record<Language, string>> = {
  safetyCheck: {
    pl: 'Czy możesz teraz bezpiecznie rozmawiać? Czy ktoś widzi Twój ekran? Jeśli musisz szybko wyjść, użyj przycisku „Szybkie wyjście” albo naciśnij trzy razy Shift.',
    uk: 'Чи безпечно вам зараз говорити? Чи може хтось бачити ваш екран? Якщо треба швидко піти, натисніть «Швидкий вихід» або тричі натисніть клавішу Shift.',
    en: 'Is it safe to talk now? Can anyone see your screen? If you need to leave quickly, use “Quick exit” or press Shift three times.',
  },
  inactivityPrompt: {
    pl: 'Czy nadal tu jesteś? Jeśli nic nie napiszesz, rozmowa wkrótce się zakończy. Możesz wrócić w każdej chwili.',
    uk: 'Ви ще тут? Якщо нічого не напишете, розмову невдовзі буде завершено. Ви можете повернутися будь-коли.',
    en: 'Are you still there? If nothing is written, this chat will end soon. You can come back any time.',
  },
  transferred: {
    pl: 'Łączymy Cię z inną osobą konsultującą. Historia rozmowy zostaje.',
    uk: 'Ми з’єднуємо вас з іншим консультантом. Історія розмови зберігається.',
    en: 'We are connecting you with another counsellor. Your conversation stays here.',
  },
};
