import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { View } from '../screens';
import { focusHeading, useUid } from '../dom';
import { isLang, LANGS, NATIVE, type Lang } from '../i18n';
import { attention } from '../services';
import { attentionCount, clearNotice, connection, isAdmin, isManager, lang, notices, presence, section, staff, t, type Presence } from '../store';

const PRESENCES: Presence[] = ['available', 'away', 'offline'];

/** What the header asks of the console (App). */
export interface ShellActions {
  choosePresence(status: Presence): Promise<void>;
  setLang(lang: Lang): Promise<void>;
  signOut(): Promise<void>;
}

/**
 * The frame around every section: the header (sections, my status, connection, language,
 * sound, sign out), notices that must not be missed, and the main area, where `show` places
 * the section's own element.
 */
export function shellView(actions: ShellActions): { el: HTMLElement; render(): void; show(view: View, section: string, focus: boolean): void } {
  const el = document.createElement('div');
  el.className = 'shell';
  const main = () => el.querySelector<HTMLElement>('main')!;
  return {
    el,
    render: () => render(<Shell actions={actions} />, el),
    show(view, name, focus) {
      section.value = name === 'board' || name === 'stats' || name === 'admin' ? name : 'chats';
      main().dataset.section = section.value;
      main().replaceChildren(view.el);
      view.render();
      if (focus) focusHeading(main().querySelector('h1'));
    },
  };
}

function Shell({ actions }: { actions: ShellActions }) {
  const copy = t.value;
  const me = staff.value;
  const role = me ? copy.app.roles[me.role] : '';
  const mainRef = useRef<HTMLElement>(null);
  const menuRef = useRef<HTMLDetailsElement>(null);
  const languageId = useUid('language');
  /** My choice of status until the server has answered it (a refusal shows the status I still have). */
  const [choosing, setChoosing] = useState<Presence | undefined>(undefined);
  const shown = choosing ?? presence.value;
  useEffect(() => {
    // my menu closes on a click elsewhere and on Escape (back to my name)
    const click = (e: MouseEvent) => {
      const menu = menuRef.current;
      if (menu?.open && !menu.contains(e.target as Node)) menu.open = false;
    };
    const key = (e: KeyboardEvent) => {
      const menu = menuRef.current;
      if (e.key !== 'Escape' || !menu?.open) return;
      menu.open = false;
      menu.querySelector<HTMLElement>('summary')?.focus();
    };
    document.addEventListener('click', click);
    document.addEventListener('keydown', key);
    return () => { document.removeEventListener('click', click); document.removeEventListener('keydown', key); };
  }, []);
  const choose = async (value: Presence) => {
    setChoosing(value);
    await actions.choosePresence(value);
    setChoosing(undefined);
  };
  const nav = (name: string, label: string, badge?: number) => (
    <li>
      <a href={`#/${name}`} data-section={name} aria-current={section.value === name ? 'page' : undefined}>
        {label}{badge !== undefined && <>{' '}<span class="badge" hidden={badge === 0}>{String(badge)}</span></>}
      </a>
    </li>
  );
  // One row at 1280 px in every language and role: what is needed all shift long stays in the
  // row (sections, my status, the connection, the sound); who I am, the console's language and
  // signing out open from my name. The header and the notices that must not be missed stay in
  // view while the page scrolls.
  return (
    <>
      <div class="masthead">
        <header class="top">
          <a class="skip" href="#main" onClick={(e) => { e.preventDefault(); mainRef.current?.focus(); }}>{copy.app.skip}</a>
          <span class="brand">Prystan</span>
          <nav class="sections" aria-label={copy.app.sections}>
            <ul>
              {nav('chats', copy.app.nav.chats, attentionCount.value)}
              {isManager.value && nav('board', copy.app.nav.board)}
              {isManager.value && nav('stats', copy.app.nav.stats)}
              {isAdmin.value && nav('admin', copy.app.nav.admin)}
            </ul>
          </nav>
          <div class="presence">
            <label class="inline">
              <span class="visually-hidden">{copy.presence.label}</span>
              <select data-qa="presence" class={`presence-select is-${shown}`} value={shown} onChange={(e) => void choose(e.currentTarget.value as Presence)}>
                {PRESENCES.map((p) => <option key={p} value={p}>{copy.presence[p]}</option>)}
              </select>
            </label>
          </div>
          <span class={`connection ${connection.value}`} role="status">{copy.app.connection[connection.value]}</span>
          <div class="tools">
            <label class="check sound">
              <input type="checkbox" defaultChecked={attention.soundOn} onChange={(e) => attention.setSound(e.currentTarget.checked)} />
              {copy.app.sound}
            </label>
            <details class="me" ref={menuRef}>
              <summary aria-label={`${me?.name ?? ''} · ${role}`}><strong>{me?.name ?? ''}</strong></summary>
              <div class="me-menu">
                <p class="role"><span>{me?.name ?? ''}</span>{role}</p>
                <div class="field">
                  <label for={languageId}>{copy.app.uiLanguage}</label>
                  <select id={languageId} value={lang.value} onChange={(e) => {
                    const value = e.currentTarget.value;
                    if (!isLang(value)) return;
                    void actions.setLang(value);
                    menuRef.current?.querySelector<HTMLElement>('summary')?.focus();
                  }}>
                    {LANGS.map((l) => <option key={l} value={l} lang={l}>{NATIVE[l]}</option>)}
                  </select>
                </div>
                <button type="button" class="secondary" data-qa="sign-out" onClick={() => void actions.signOut()}>{copy.app.signOut}</button>
              </div>
            </details>
          </div>
        </header>
        {/* not live regions themselves: notify says each notice once through the page's announcers */}
        <div class="notices">
          {notices.value.map((n) => (
            <div key={n.key} class={`notice ${n.kind}`}>
              {n.link ? <a href={n.link}>{n.text}</a> : <span>{n.text}</span>}
              <button type="button" class="quiet small" onClick={() => clearNotice(n.key)}>{copy.app.dismiss}</button>
            </div>
          ))}
        </div>
      </div>
      {/* the section's own element is placed here by `show`; this component never draws inside it */}
      <main id="main" tabIndex={-1} ref={mainRef} />
    </>
  );
}
