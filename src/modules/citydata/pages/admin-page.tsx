// The command view: ingestion figures, device groups (a new key is shown once), rules and alerts.
// Admins manage; officials see it read-only. Every form works without JavaScript.
import type { PageContext } from '../../../core/ui/page-context.ts';
import type { FieldError } from '../../../core/http/problem.ts';
import { CsrfField, ErrorSummary, Field, Checkbox, errorFor } from '../../../core/ui/forms.tsx';
import { ENTITY_TYPES } from '../model.ts';
import type { AdminOverview, AlertRow } from '../queries.ts';
import { AlertsTable } from './alerts-page.tsx';

export interface RuleFormValues {
  name?: string;
  entityType?: string;
  attr?: string;
  direction?: string;
  threshold?: string;
  reset?: string;
  action?: string;
  category?: string;
}

function Select(props: { name: string; label: string; options: [string, string][]; value?: string | undefined; error?: string | undefined }) {
  const id = `f-${props.name}`;
  return (
    <div class={props.error ? 'field field-error' : 'field'}>
      <label for={id}>{props.label}</label>
      {props.error ? (
        <p class="error" id={`${id}-error`}>
          {props.error}
        </p>
      ) : null}
      <select id={id} name={props.name} aria-describedby={props.error ? `${id}-error` : undefined}>
        {props.options.map(([v, label]) => (
          <option value={v} selected={props.value === v}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function AdminPage(props: {
  page: PageContext;
  data: AdminOverview;
  alerts: AlertRow[];
  canManage: boolean;
  groupErrors?: FieldError[] | undefined;
  ruleErrors?: FieldError[] | undefined;
  rule?: RuleFormValues | undefined;
  /** A just-created group's key, shown this once. */
  newKey?: string | undefined;
}) {
  const { page, data } = props;
  const { t } = page;
  const types = ENTITY_TYPES.map((x) => [x, t(`citydata.type.${x}`)] as [string, string]);
  const rule = props.rule ?? {};
  return (
    <section aria-labelledby="cd-admin-heading">
      <h1 id="cd-admin-heading">{t('citydata.admin.title')}</h1>
      <p class="lead">{t('citydata.admin.lead')}</p>
      {props.newKey ? (
        <p class="notice" role="status">
          {t('citydata.admin.groupCreated')}
          <code>{props.newKey}</code>
        </p>
      ) : null}
      <section aria-labelledby="cd-ingestion">
        <h2 id="cd-ingestion">{t('citydata.admin.ingestion')}</h2>
        <dl class="account-facts">
          <dt>{t('citydata.admin.entities')}</dt>
          <dd>{data.entities}</dd>
          <dt>{t('citydata.admin.readings24h')}</dt>
          <dd>{data.readings24h}</dd>
          <dt>{t('citydata.admin.dropped')}</dt>
          <dd>{data.dropped}</dd>
        </dl>
      </section>
      <section aria-labelledby="cd-alerts">
        <h2 id="cd-alerts">{t('citydata.admin.openAlerts')}</h2>
        <AlertsTable page={page} alerts={props.alerts} caption={t('citydata.admin.openAlerts')} />
      </section>
      <section aria-labelledby="cd-groups">
        <h2 id="cd-groups">{t('citydata.admin.groups')}</h2>
        <div class="table-scroll">
          <table>
            <caption>{t('citydata.admin.groups')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('citydata.admin.group')}</th>
                <th scope="col">{t('citydata.admin.groupType')}</th>
                <th scope="col">{t('citydata.admin.key')}</th>
                <th scope="col">{t('citydata.admin.department')}</th>
                <th scope="col">{t('citydata.admin.devices')}</th>
                <th scope="col">{t('citydata.admin.public')}</th>
              </tr>
            </thead>
            <tbody>
              {data.groups.map((g) => (
                <tr>
                  <th scope="row">{g.name}</th>
                  <td>{t(`citydata.type.${g.entityType}`)}</td>
                  <td>
                    {g.revoked ? (
                      t('citydata.admin.revoked')
                    ) : (
                      <>
                        {t('citydata.admin.keyHint', { hint: g.keyHint })}
                        {props.canManage ? (
                          <form method="post" action={`/admin/citydata/groups/${g.id}/revoke`} class="inline-form">
                            <CsrfField page={page} />{' '}
                            <button type="submit" class="link-button" aria-label={t('citydata.admin.revokeNamed', { name: g.name })}>
                              {t('citydata.admin.revoke')}
                            </button>
                          </form>
                        ) : null}
                      </>
                    )}
                  </td>
                  <td>{g.department ?? '–'}</td>
                  <td>{g.devices}</td>
                  <td>{g.public ? t('citydata.admin.yes') : t('citydata.admin.no')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p>
          {t('citydata.admin.export')}:{' '}
          <a href="/citydata/devices.ngsi-ld.json">{t('citydata.admin.normalized')}</a> · <a href="/citydata/devices.ngsi-ld.json?options=keyValues">{t('citydata.admin.keyValues')}</a>
        </p>
        <p class="muted">{t('citydata.admin.importHint', { url: '/ngsi-ld/v1/entityOperations/upsert' })}</p>
        {props.canManage ? (
          <form method="post" action="/admin/citydata/groups" aria-labelledby="cd-new-group">
            <h3 id="cd-new-group">{t('citydata.admin.newGroup')}</h3>
            <ErrorSummary page={page} errors={props.groupErrors} />
            <CsrfField page={page} />
            <Field name="name" label={t('citydata.admin.groupName')} required maxLength={120} error={errorFor(props.groupErrors, 'name')} />
            <Select name="entityType" label={t('citydata.admin.groupType')} options={types} error={errorFor(props.groupErrors, 'entityType')} />
            <Select name="department" label={t('citydata.admin.department')} options={[['', t('citydata.admin.noDepartment')], ...data.departments.map((d) => [String(d.id), d.name] as [string, string])]} />
            <Field name="staleAfter" type="number" label={t('citydata.admin.staleAfter')} value="120" error={errorFor(props.groupErrors, 'staleAfter')} />
            <Checkbox name="public" label={t('citydata.admin.public')} checked />
            <button type="submit">{t('citydata.admin.createGroup')}</button>
          </form>
        ) : null}
      </section>
      <section aria-labelledby="cd-rules">
        <h2 id="cd-rules">{t('citydata.admin.rules')}</h2>
        <div class="table-scroll">
          <table>
            <caption>{t('citydata.admin.rules')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('citydata.admin.rule')}</th>
                <th scope="col">{t('citydata.admin.condition')}</th>
                <th scope="col">{t('citydata.admin.action')}</th>
                <th scope="col">{t('citydata.admin.active')}</th>
              </tr>
            </thead>
            <tbody>
              {data.rules.map((r) => (
                <tr>
                  <th scope="row">
                    {r.name} <span class="muted">({t(`citydata.type.${r.entityType}`)})</span>
                  </th>
                  <td>{t(`citydata.admin.${r.direction}`, { attr: r.attr, threshold: r.threshold, reset: r.reset })}</td>
                  <td>{t(`citydata.admin.action.${r.action}`, { category: r.category ?? '' })}</td>
                  <td>
                    {r.active ? t('citydata.admin.yes') : t('citydata.admin.no')}
                    {props.canManage ? (
                      <form method="post" action={`/admin/citydata/rules/${r.id}/toggle`} class="inline-form">
                        <CsrfField page={page} />{' '}
                        <button type="submit" class="link-button" aria-label={t('citydata.admin.toggleRule', { name: r.name })}>
                          {r.active ? t('citydata.admin.disable') : t('citydata.admin.enable')}
                        </button>
                      </form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {props.canManage ? (
          <form method="post" action="/admin/citydata/rules" aria-labelledby="cd-new-rule">
            <h3 id="cd-new-rule">{t('citydata.admin.newRule')}</h3>
            <ErrorSummary page={page} errors={props.ruleErrors} />
            <CsrfField page={page} />
            <Field name="name" label={t('citydata.admin.ruleName')} required maxLength={120} value={rule.name} error={errorFor(props.ruleErrors, 'name')} />
            <Select name="entityType" label={t('citydata.admin.groupType')} options={types} value={rule.entityType} error={errorFor(props.ruleErrors, 'entityType')} />
            <Field name="attr" label={t('citydata.admin.attr')} required maxLength={64} value={rule.attr} error={errorFor(props.ruleErrors, 'attr')} />
            <Select name="direction" label={t('citydata.admin.direction')} options={[['above', t('citydata.admin.dirAbove')], ['below', t('citydata.admin.dirBelow')]]} value={rule.direction} />
            <Field name="threshold" label={t('citydata.admin.threshold')} required value={rule.threshold} error={errorFor(props.ruleErrors, 'threshold')} />
            <Field name="reset" label={t('citydata.admin.reset')} required value={rule.reset} error={errorFor(props.ruleErrors, 'reset')} />
            <Select
              name="action"
              label={t('citydata.admin.action')}
              options={(['work_order', 'public_alert', 'alert'] as const).map((a) => [a, t(`citydata.admin.action.${a}`, { category: '…' })] as [string, string])}
              value={rule.action}
            />
            <Select name="category" label={t('citydata.admin.category')} options={[['', '–'], ...data.categories.map((c) => [c.code, c.name] as [string, string])]} value={rule.category} error={errorFor(props.ruleErrors, 'category')} />
            <button type="submit">{t('citydata.admin.createRule')}</button>
          </form>
        ) : null}
      </section>
    </section>
  );
}
