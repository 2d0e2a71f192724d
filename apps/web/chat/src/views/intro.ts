import { h } from '../dom';
import { COPY, LANGS, type Lang } from '../i18n';
import { EMERGENCY_KINDS, numbers, type Service } from './numbers';

export interface Triage { immediateDanger?: boolean; forWhom?: 'self' | 'child' | 'someone-else'; ageGroup?: 'child' | 'adult' }

export interface IntroOptions {
  lang: Lang;
  triage: Triage;
  onLang: (lang: Lang) => void;
  onStart: (triage: Triage) => void;
}

export interface IntroView {
  el: HTMLElement;
  /** The numbers for this language and whether anyone is on duty (undefined: not known yet). */
  setLine(services: Service[], onDuty: boolean | undefined): void;
  setBusy(busy: boolean): void;
  setError(text: string | undefined): void;
  focusLanguage(): void;
}

/** Language, a short safety notice and the triage questions, then Start. */
export function introView(o: IntroOptions): IntroView {
  const c = COPY[o.lang];
  const triage: Triage = { ...o.triage };
  let services: Service[] = [];

  const select = h('select', { id: 'language', 'data-qa': 'language' },
    ...LANGS.map((l) => h('option', { value: l, lang: l, selected: l === o.lang }, COPY[l].languageName))) as HTMLSelectElement;
  select.addEventListener('change', () => o.onLang(select.value as Lang));

  const yes = h('button', { type: 'button', class: 'choice-btn danger-yes', 'data-qa': 'danger-yes' }, c.yes);
  const no = h('button', { type: 'button', class: 'choice-btn', 'data-qa': 'danger-no' }, c.no);
  const dangerBox = h('div', { class: 'danger-box' });
  const notice = h('div', { class: 'notice', hidden: true });
  const error = h('p', { class: 'error', role: 'alert' });
  const start = h('button', { type: 'button', class: 'primary start', 'data-qa': 'start' }, c.start) as HTMLButtonElement;
  const dangerSet = h('fieldset', { class: 'danger', id: 'danger' }, h('legend', {}, c.dangerQuestion), h('div', { class: 'buttons' }, yes, no));

  const showDanger = () => {
    yes.setAttribute('aria-pressed', String(triage.immediateDanger === true));
    no.setAttribute('aria-pressed', String(triage.immediateDanger === false));
    yes.classList.toggle('selected', triage.immediateDanger === true);
    no.classList.toggle('selected', triage.immediateDanger === false);
    const emergency = services.filter((s) => EMERGENCY_KINDS.includes(s.kind));
    // role=alert inserted fresh is read out at once; the numbers come first, the chat still starts
    dangerBox.replaceChildren(...(triage.immediateDanger === true
      ? [h('div', { class: 'alert', role: 'alert' }, h('p', { class: 'alert-title' }, c.dangerCall), numbers(c, emergency), h('p', {}, c.dangerContinue))]
      : []));
  };
  const pickDanger = (value: boolean) => {
    triage.immediateDanger = value;
    error.textContent = '';
    showDanger();
    // the numbers to call come into view at once, with the answer just given still above them if there is room
    if (value) dangerBox.firstElementChild?.scrollIntoView({ block: 'nearest' });
  };
  yes.addEventListener('click', () => pickDanger(true));
  no.addEventListener('click', () => pickDanger(false));
  start.addEventListener('click', () => {
    if (start.getAttribute('aria-disabled') === 'true') return;
    if (triage.immediateDanger === undefined) {
      error.textContent = c.chooseDanger;
      yes.focus();
      return;
    }
    o.onStart({ ...triage });
  });

  const radios = (name: string, legend: string, options: [string, string][], selected: string | undefined, pick: (v: string) => void) =>
    h('fieldset', { class: 'choice' }, h('legend', {}, legend, ' ', h('span', { class: 'optional' }, c.optional)),
      ...options.map(([value, label]) => h('label', { class: 'option' },
        h('input', { type: 'radio', name, value, checked: selected === value, onchange: () => pick(value) }), h('span', {}, label))));

  const el = h('main', { class: 'screen intro', id: 'main' },
    h('div', { class: 'language' }, h('label', { for: 'language' }, c.language), select),
    h('h1', {}, c.introTitle),
    h('p', {}, c.introText),
    h('p', { class: 'tip' }, c.safetyTip),
    notice,
    dangerSet,
    dangerBox,
    radios('for-whom', c.forWhomQuestion, [['self', c.forSelf], ['child', c.forChild], ['someone-else', c.forSomeoneElse]], triage.forWhom,
      (v) => { triage.forWhom = v as Triage['forWhom']; }),
    radios('age', c.ageQuestion, [['child', c.yes], ['adult', c.no], ['skip', c.ageSkip]], triage.ageGroup,
      (v) => { triage.ageGroup = v === 'skip' ? undefined : (v as Triage['ageGroup']); }),
    error,
    start);
  showDanger();

  return {
    el,
    setLine(list, onDuty) {
      services = list;
      showDanger();
      notice.hidden = onDuty !== false;
      notice.replaceChildren(...(onDuty === false ? [h('h2', {}, c.nobodyTitle), h('p', {}, c.nobodyText), numbers(c, list)] : []));
      start.textContent = onDuty === false ? c.startAnyway : c.start;
    },
    setBusy(busy) {
      start.setAttribute('aria-disabled', String(busy));
      start.classList.toggle('busy', busy);
    },
    setError(text) {
      error.textContent = text ?? '';
    },
    focusLanguage() {
      select.focus();
    },
  };
}
