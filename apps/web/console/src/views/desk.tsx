import { render } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { DeskFeed } from '../desk-feed';
import { selectChat } from '../desk-chats';
import { focusHeading } from '../dom';
import type { View } from '../screens';
import { deskChats, deskFocus, deskOffers, t } from '../store';
import { ChatList, DeskStatus } from './chat-list';
import { ChatPane } from './chat-pane';
import { OfferCards } from './offer-card';

/**
 * A counsellor's desk: offers at the top, then their chats — one on screen at a time, the
 * others one click away with their unread count. It is drawn once at sign-in and never taken
 * down (unlike the other sections), so chats keep their drafts and open forms while another
 * section is on screen; `render` draws it again when it is shown and after a language change.
 */
export function deskView(desk: DeskFeed): View {
  const el = document.createElement('section');
  el.className = 'chats';
  let drawn = 0;
  const draw = () => render(<Desk desk={desk} drawn={++drawn} />, el);
  draw();
  return { el, render: draw };
}

function Desk({ desk, drawn }: { desk: DeskFeed; drawn: number }) {
  const copy = t.value;
  const heading = useRef<HTMLHeadingElement>(null);
  const focus = deskFocus.value;
  useLayoutEffect(() => {
    // the last chat has left: the keyboard goes to the desk's heading
    if (!focus || !('heading' in focus)) return;
    deskFocus.value = undefined;
    focusHeading(heading.current);
  }, [focus]);
  return (
    <>
      <h1 class="visually-hidden" ref={heading}>{copy.app.nav.chats}</h1>
      <section class="offers" aria-label={copy.offer.region} hidden={deskOffers.value.length === 0}>
        <OfferCards accept={(id) => void desk.accept(id)} decline={(id) => void desk.decline(id)} />
      </section>
      <div class="desk-status"><DeskStatus /></div>
      <nav class="chat-list" aria-label={copy.chat.listLabel} hidden={deskChats.value.length === 0}>
        <ChatList select={(id) => selectChat(id, true)} />
      </nav>
      <div class="pane-host">
        {deskChats.value.map((entry) => <ChatPane key={entry.sessionId} entry={entry} desk={desk} drawn={drawn} />)}
      </div>
    </>
  );
}
