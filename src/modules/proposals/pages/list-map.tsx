// The list/map switch of a proposals component and its map: the map view keeps the list under the
// map, so without JavaScript (or with a screen reader) the same proposals are there as text.
import type { PageContext } from '../../../core/ui/page-context.ts';
import { FeatureMap } from '../../../core/ui/feature-map.tsx';
import { STATES } from '../model.ts';
import { STATE_COLOURS } from '../map.ts';

export type ListView = 'list' | 'map';

/** The page's address with the list's filters and the chosen view. */
export const withView = (base: string, query: string, view: ListView) => {
  const p = new URLSearchParams(query);
  if (view === 'map') p.set('view', 'map');
  const s = p.toString();
  return s ? `${base}?${s}` : base;
};

export function ViewSwitch(props: { page: PageContext; base: string; query: string; view: ListView }) {
  const { t } = props.page;
  return (
    <nav aria-label={t('proposals.view.label')} class="tabs">
      <ul>
        {(['list', 'map'] as const).map((v) => (
          <li>
            <a href={withView(props.base, props.query, v)} aria-current={props.view === v ? 'page' : undefined}>
              {t(`proposals.view.${v}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function ProposalsMap(props: { page: PageContext; componentId: number; query: string }) {
  const { page } = props;
  const { t } = page;
  // The map shows every located match, so the list's order has no say.
  const filters = new URLSearchParams(props.query);
  filters.delete('sort');
  filters.set('component', String(props.componentId));
  const src = `/api/v1/proposals.geojson?${filters.toString()}`;
  return (
    <>
      <FeatureMap
        page={page}
        id="proposals-map"
        src={src}
        colourBy="state"
        label={t('proposals.map.label')}
        clusterLabel={t('proposals.map.cluster', { count: '{count}' })}
        note={t('proposals.map.note')}
        legendLabel={t('proposals.map.legend')}
        legend={STATES.map((s) => ({ value: s, colour: STATE_COLOURS[s], label: t(`proposals.state.${s}`) }))}
      />
      <noscript>
        <p>{t('proposals.map.noscript')}</p>
      </noscript>
      <p>
        <a href={src}>{t('proposals.map.geojson')}</a>
      </p>
    </>
  );
}
