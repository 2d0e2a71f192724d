import type { View } from '../screens';
import { componentView } from '../mount';
import { t } from '../store';

/** What a counsellor sees at a manager's or admin's address: no data, a plain explanation. */
export function forbiddenView(): View {
  return componentView('forbidden', () => <Forbidden />, 'forbidden');
}

function Forbidden() {
  const a = t.value.app;
  return (
    <>
      <h1>{a.forbiddenTitle}</h1>
      <p>{a.forbiddenText}</p>
      <p><a href="#/chats">{a.nav.chats}</a></p>
    </>
  );
}
