// The map of an edition's projects (edition page) or of one budget's ballot (results page); the
// tables on the same page list every project, so they are the map's text equivalent.
import type { PageContext } from '../../../core/ui/page-context.ts';
import { FeatureMap } from '../../../core/ui/feature-map.tsx';
import type { Phase, ProjectStatus } from '../model.ts';
import { legendStatuses, STATUS_COLOURS, WINNING } from '../map.ts';

export function projectsGeoJson(editionId: number, budgetId?: number): string {
  return `/api/v1/pb/editions/${editionId}/projects.geojson${budgetId ? `?budget=${budgetId}` : ''}`;
}

export function ProjectMap(props: { page: PageContext; editionId: number; phase: Phase; budgetId?: number }) {
  const { page } = props;
  const { t } = page;
  const results = props.budgetId !== undefined;
  const label = (s: ProjectStatus) => (results && s === 'accepted' ? t('pb.map.notFunded') : t(`pb.status.${s}`));
  const src = projectsGeoJson(props.editionId, props.budgetId);
  return (
    <>
      <FeatureMap
        page={page}
        id={results ? `pb-map-${props.budgetId}` : 'pb-map'}
        heading={t('pb.map.heading')}
        src={src}
        colourBy="status"
        label={t(results ? 'pb.map.resultsLabel' : 'pb.map.label')}
        clusterLabel={t('pb.map.cluster', { count: '{count}' })}
        note={t(results ? 'pb.map.resultsNote' : 'pb.map.note')}
        legendLabel={t('pb.map.legend')}
        legend={legendStatuses(props.phase).map((s) => ({ value: s, colour: STATUS_COLOURS[s], label: label(s), mark: WINNING.includes(s) }))}
      />
      <p>
        <a href={src}>{t('pb.map.geojson')}</a>
      </p>
    </>
  );
}
