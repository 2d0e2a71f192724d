import { useEffect, useRef, useState } from 'preact/hooks';
import { useUid } from '../dom';
import { clock } from '../format';
import { deskOffers, t, type DeskOffer } from '../store';
import { TriageFacts } from './triage';

export interface OfferActions { accept(sessionId: string): void; decline(sessionId: string): void }

/** The offers on the desk, in the order they came; a card keeps its place (and focus) while others come and go. */
export function OfferCards(actions: OfferActions) {
  return <>{deskOffers.value.map((item) => <OfferCard key={item.key} item={item} {...actions} />)}</>;
}

/**
 * One offer: the line, how long the person has waited, what they said in triage, any risk
 * flags, and a countdown. Accept and Decline are the only actions.
 */
function OfferCard({ item, accept, decline }: { item: DeskOffer } & OfferActions) {
  const copy = t.value;
  const { offer } = item;
  const titleId = useUid('offer');
  const acceptRef = useRef<HTMLButtonElement>(null);
  const [, tick] = useState(0);
  useEffect(() => {
    const timer = window.setInterval(() => tick((n) => n + 1), 1000);
    return () => window.clearInterval(timer);
  }, []);
  useEffect(() => {
    // nobody is typing anywhere: take the counsellor straight to the new offer
    if (item.focus && (document.activeElement === document.body || document.activeElement === null)) acceptRef.current?.focus();
  }, []);
  const elapsed = (Date.now() - item.received) / 1000;
  const left = Math.max(0, Math.ceil(offer.expiresInSeconds - elapsed));
  const flags = offer.riskFlags ?? [];
  const danger = offer.triage.immediateDanger || flags.length > 0;
  return (
    <article class={`offer${danger ? ' danger' : ''}${left <= 10 ? ' urgent' : ''}`} aria-labelledby={titleId}>
      <h2 id={titleId}>{copy.offer.title(copy.langName[offer.language])}{offer.triage.immediateDanger && <span class="danger-tag">{copy.triage.immediateDanger}</span>}</h2>
      <p class="answer-within">{copy.offer.answerWithin} <strong class="countdown">{clock(left)}</strong></p>
      <progress max={Math.max(1, offer.expiresInSeconds)} value={left} aria-hidden="true" />
      <dl class="facts">
        <div><dt>{copy.offer.waited}</dt><dd>{clock(Math.max(0, offer.waitedSeconds) + elapsed)}</dd></div>
        <TriageFacts triage={offer.triage} />
      </dl>
      {flags.length > 0 && <p class="banner risk"><strong>{`${copy.riskFlag.title}: `}</strong>{flags.map((f) => copy.riskFlag.category[f] ?? f).join(', ')}</p>}
      {offer.transferredBy && (
        <p class="handover">{copy.offer.transferredBy(offer.transferredBy)}{offer.note && <span class="note">{` — ${copy.offer.note}: `}{offer.note}</span>}</p>
      )}
      {item.message && <p class="error" role="status">{item.message}</p>}
      <div class="buttons">
        <button ref={acceptRef} type="button" class="primary" data-qa="offer-accept" disabled={item.busy} onClick={() => accept(offer.sessionId)}>{copy.offer.accept}</button>
        <button type="button" class="secondary" data-qa="offer-decline" disabled={item.busy} onClick={() => decline(offer.sessionId)}>{copy.offer.decline}</button>
      </div>
    </article>
  );
}
