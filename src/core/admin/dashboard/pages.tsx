import type { PageContext } from '../../ui/page-context.ts';
import type { NavEntry } from '../../modules/manifest.ts';
import type { DashboardCounts } from './queries.ts';

export const ADMIN_SECTIONS: { href: string; label: string; lead: string }[] = [
  { href: '/admin/departments', label: 'admin.departments.title', lead: 'admin.dashboard.departmentsLead' },
  { href: '/admin/users', label: 'admin.users.title', lead: 'admin.dashboard.usersLead' },
  { href: '/admin/organizations', label: 'admin.organizations.title', lead: 'admin.dashboard.organizationsLead' },
  { href: '/admin/settings', label: 'admin.settings.title', lead: 'admin.dashboard.settingsLead' },
  { href: '/admin/announcements', label: 'admin.announcements.title', lead: 'admin.dashboard.announcementsLead' },
  { href: '/admin/outbox', label: 'admin.outbox.title', lead: 'admin.dashboard.outboxLead' },
  { href: '/admin/audit', label: 'admin.audit.title', lead: 'admin.dashboard.auditLead' },
];

export function DashboardPage(props: { page: PageContext; counts: DashboardCounts; moduleLinks: NavEntry[] }) {
  const { page, counts: c } = props;
  const { t } = page;
  const numbers: [string, number][] = [
    ['admin.dashboard.users', c.users],
    ['admin.dashboard.departments', c.departments],
    ['admin.dashboard.organizations', c.organizations],
    ['admin.dashboard.mailPending', c.mailPending],
    ['admin.dashboard.mailHeld', c.mailHeld],
    ['admin.dashboard.mailFailed', c.mailFailed],
    ['admin.dashboard.jobsQueued', c.jobsQueued],
    ['admin.dashboard.jobsFailed', c.jobsFailed],
  ];
  return (
    <section aria-labelledby="admin-heading" class="admin">
      <h1 id="admin-heading">{t('admin.title')}</h1>
      <section aria-labelledby="dashboard-counts-heading">
        <h2 id="dashboard-counts-heading">{t('admin.dashboard.counts')}</h2>
        <dl class="stats">
          {numbers.map(([key, n]) => (
            <div class="stat">
              <dt>{t(key)}</dt>
              <dd>{n}</dd>
            </div>
          ))}
        </dl>
      </section>
      <nav aria-labelledby="dashboard-sections-heading">
        <h2 id="dashboard-sections-heading">{t('admin.dashboard.sections')}</h2>
        <ul class="cards">
          {ADMIN_SECTIONS.map((s) => (
            <li class="card">
              <a href={s.href}>{t(s.label)}</a>
              <p>{t(s.lead)}</p>
            </li>
          ))}
          {props.moduleLinks.map((n) => (
            <li class="card">
              <a href={n.href}>{t(n.label)}</a>
            </li>
          ))}
        </ul>
      </nav>
    </section>
  );
}
