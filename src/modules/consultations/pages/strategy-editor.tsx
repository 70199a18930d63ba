// The admin's strategy editor: the tree with edit / move / delete for every node and links to add
// children, and the one form that adds or edits a node. Plain forms, no JavaScript.
import type { ComponentChildren } from 'preact';
import type { PageContext } from '../../../core/ui/page-context.ts';
import type { FieldError } from '../../../core/http/problem.ts';
import { AdminShell } from '../../../core/admin/components.tsx';
import { CsrfField, ErrorSummary, Field, errorFor } from '../../../core/ui/forms.tsx';
import type { AmbitionNode, Consultation, ObjectiveNode } from '../queries.ts';
import { childKind, hasCode, hasDescription, SHAPES, type NodeKind } from '../strategy-nodes.ts';

const label = (n: { code?: string; title: string }) => (n.code ? `${n.code}. ${n.title}` : n.title);

function NodeControls(props: { page: PageContext; kind: NodeKind; id: number; name: string; first: boolean; last: boolean; addUnder?: string }) {
  const { page, kind, id, name } = props;
  const { t } = page;
  const base = `/admin/consultations/strategy/${kind}/${id}`;
  const short = name.length > 60 ? `${name.slice(0, 60)}…` : name;
  const move = (direction: 'up' | 'down') => (
    <form method="post" action={`${base}/move`} class="inline-form">
      <CsrfField page={page} />
      <input type="hidden" name="direction" value={direction} />
      <button type="submit" class="small secondary" aria-label={`${t(`consultations.strategy.${direction}`)}: ${short}`}>
        {t(`consultations.strategy.${direction}`)}
      </button>
    </form>
  );
  return (
    <div class="strategy-controls">
      <a href={`${base}/edit`} aria-label={`${t('consultations.strategy.edit')}: ${short}`}>
        {t('consultations.strategy.edit')}
      </a>{' '}
      {props.first ? null : move('up')} {props.last ? null : move('down')}{' '}
      <form method="post" action={`${base}/delete`} class="inline-form">
        <CsrfField page={page} />
        <button type="submit" class="small danger" aria-label={`${t('consultations.strategy.delete')}: ${short}`}>
          {t('consultations.strategy.delete')}
        </button>
      </form>
      {props.addUnder ? (
        <>
          {' '}
          <a href={props.addUnder}>{t(`consultations.strategy.add.${childKind(kind)}`)}</a>
        </>
      ) : null}
    </div>
  );
}

function ObjectiveItem(props: { page: PageContext; o: ObjectiveNode; first: boolean; last: boolean; addUnder: string }) {
  const { page, o } = props;
  const { t } = page;
  return (
    <li id={`objective-${o.id}`}>
      <h3>
        {t('consultations.strategy.kind.objective')} {label(o)}
      </h3>
      <NodeControls page={page} kind="objective" id={o.id} name={label(o)} first={props.first} last={props.last} addUnder={props.addUnder} />
      {o.projects.length ? (
        <ol>
          {o.projects.map((p, pi) => (
            <li id={`project-${p.id}`}>
              <p>
                {p.title}
                {p.interests ? <span class="muted"> ({t('consultations.interestCount', { count: p.interests })})</span> : null}
              </p>
              <NodeControls page={page} kind="project" id={p.id} name={p.title} first={pi === 0} last={pi === o.projects.length - 1} />
            </li>
          ))}
        </ol>
      ) : null}
    </li>
  );
}

export function StrategyEditorPage(props: { page: PageContext; c: Consultation; tree: AmbitionNode[]; refusal?: string }) {
  const { page, c, tree } = props;
  const { t } = page;
  const newUrl = (kind: NodeKind, parent: number) => `/admin/consultations/${c.id}/strategy/new?kind=${kind}&parent=${parent}`;
  return (
    <AdminShell
      page={page}
      title={t('consultations.strategy.title')}
      crumbs={[
        { href: '/admin/consultations', label: t('consultations.admin.title') },
        { href: `/admin/consultations/${c.id}`, label: c.title },
      ]}
    >
      {props.refusal ? (
        <div class="error-summary" role="alert" tabindex={-1} id="error-summary">
          <h2>{t('consultations.strategy.refusedTitle')}</h2>
          <p>{props.refusal}</p>
        </div>
      ) : null}
      <p>{t('consultations.strategy.lead')}</p>
      <p>
        <a class="button" href={newUrl('ambition', c.id)}>
          {t('consultations.strategy.add.ambition')}
        </a>
      </p>
      {tree.length === 0 ? (
        <p>{t('consultations.strategy.empty')}</p>
      ) : (
        <ol class="strategy-tree">
          {tree.map((a, ai) => (
            <li id={`ambition-${a.id}`}>
              <h2>
                {t('consultations.strategy.kind.ambition')} {label(a)}
              </h2>
              <NodeControls page={page} kind="ambition" id={a.id} name={label(a)} first={ai === 0} last={ai === tree.length - 1} addUnder={newUrl('objective', a.id)} />
              {a.objectives.length ? (
                <ol>
                  {a.objectives.map((o, oi) => (
                    <ObjectiveItem page={page} o={o} first={oi === 0} last={oi === a.objectives.length - 1} addUnder={newUrl('project', o.id)} />
                  ))}
                </ol>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </AdminShell>
  );
}

export interface NodeFormValues {
  code?: string | undefined;
  title?: string | undefined;
  description?: string | undefined;
}

/** Adds a node (`action` posts to …/strategy/new) or edits one; `parentLabel` says where it goes. */
export function NodeFormPage(props: { page: PageContext; c: Consultation; kind: NodeKind; heading: string; action: string; parentLabel?: string; values: NodeFormValues; errors?: FieldError[]; hidden?: ComponentChildren }) {
  const { page, c, kind, values, errors } = props;
  const { t } = page;
  return (
    <AdminShell
      page={page}
      title={props.heading}
      crumbs={[
        { href: '/admin/consultations', label: t('consultations.admin.title') },
        { href: `/admin/consultations/${c.id}/strategy`, label: t('consultations.strategy.title') },
      ]}
    >
      {props.parentLabel ? <p>{t('consultations.strategy.under', { parent: props.parentLabel })}</p> : null}
      <ErrorSummary page={page} errors={errors} />
      <form method="post" action={props.action} novalidate>
        <CsrfField page={page} />
        {props.hidden}
        {hasCode(kind) ? (
          <Field
            name="code"
            label={t('consultations.strategy.field.code')}
            hint={t('consultations.strategy.field.codeHint', { max: SHAPES[kind].codeMax ?? 0 })}
            value={values.code}
            error={errorFor(errors, 'code')}
            required
            maxLength={SHAPES[kind].codeMax ?? 0}
          />
        ) : null}
        <Field name="title" label={t('consultations.strategy.field.title')} value={values.title} error={errorFor(errors, 'title')} required multiline={kind !== 'ambition'} maxLength={1000} />
        {hasDescription(kind) ? <Field name="description" label={t('consultations.strategy.field.description')} value={values.description} error={errorFor(errors, 'description')} multiline maxLength={10000} /> : null}
        <button type="submit">{t('consultations.strategy.save')}</button>
      </form>
      <p>
        <a href={`/admin/consultations/${c.id}/strategy`}>{t('consultations.strategy.back')}</a>
      </p>
    </AdminShell>
  );
}
