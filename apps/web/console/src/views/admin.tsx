import type { View } from '../screens';
import { componentView } from '../mount';
import { t } from '../store';
import { AuditAdmin } from './admin-audit';
import { CannedAdmin } from './admin-canned';
import { ServicesAdmin } from './admin-services';
import { StaffAdmin } from './admin-staff';

const TABS = ['staff', 'services', 'canned', 'audit'] as const;
type Tab = (typeof TABS)[number];

const SECTIONS: Record<Tab, () => preact.JSX.Element> = { staff: StaffAdmin, services: ServicesAdmin, canned: CannedAdmin, audit: AuditAdmin };

/** Administration: staff accounts, the services directory, quick replies and the audit log. */
export function adminView(sub: string | undefined): View {
  const tab: Tab = (TABS as readonly string[]).includes(sub ?? '') ? (sub as Tab) : 'staff';
  return componentView('admin', () => <Admin tab={tab} />);
}

function Admin({ tab }: { tab: Tab }) {
  const a = t.value.admin;
  const Section = SECTIONS[tab];
  return (
    <>
      <h1>{a.title}</h1>
      <nav class="subnav" aria-label={a.title}>
        <ul>{TABS.map((x) => <li key={x}><a href={`#/admin/${x}`} aria-current={x === tab ? 'page' : undefined}>{a.tabs[x]}</a></li>)}</ul>
      </nav>
      <Section />
    </>
  );
}
