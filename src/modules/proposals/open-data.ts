// Proposals as open data: the proposals anyone may see (components the policy shows the public,
// i.e. published in a published space; hidden proposals never), read in pages by id.
import type { AppContext } from '../../core/context.ts';
import type { Locale } from '../../core/config/config.ts';
import type { OpenDataExport } from '../../core/modules/manifest.ts';
import { ANONYMOUS } from '../../core/auth/actor.ts';
import { defineMessages } from '../../core/i18n/catalog.ts';
import { csvChunks, jsonArrayChunks, keysetPages, mapPages } from '../../core/open-data/encode.ts';
import { slottedVersion } from '../../core/open-data/data-version.ts';
import { loadHostedComponent } from '../spaces/hosted.ts';
import { proposalPolicy } from './policy.ts';
import { subjectOf } from './subject.ts';
import type { ProposalState } from './model.ts';

const PAGE = 5000;

interface OpenProposal {
  id: number;
  spaceId: number;
  space: string;
  title: string;
  state: ProposalState;
  supports: number;
  comments: number;
  category: string | null;
  district: string | null;
  createdAt: string;
}

/** The proposals components the public may see, decided by the module's own `proposal.view` rule. */
async function publicComponents(ctx: AppContext): Promise<number[]> {
  const ids = await ctx.database.query<{ id: number }>(`select id from space_components where module = 'proposals' order by id`);
  const out: number[] = [];
  for (const { id } of ids) {
    const c = await loadHostedComponent(ctx.database, id, 'proposals');
    if (c && proposalPolicy.can(ANONYMOUS, 'proposal.view', subjectOf(c))) out.push(id);
  }
  return out;
}

async function* proposalPages(ctx: AppContext, locale: Locale): AsyncGenerator<OpenProposal[]> {
  const components = await publicComponents(ctx);
  if (components.length === 0) return;
  const name = { ro: 'c.name_ro', en: 'c.name_en', hu: 'c.name_hu' }[locale];
  yield* keysetPages<OpenProposal>(PAGE, (last) =>
    ctx.database.query<OpenProposal>(
      `select p.id::int as id, s.id as "spaceId", s.title as space, p.title, p.state, p.supports_count as supports, p.comments_count as comments,
              ${name} as category, a.name as district, to_char(p.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "createdAt"
       from proposals p join space_components sc on sc.id = p.component_id join spaces s on s.id = sc.space_id
       left join proposal_categories c on c.id = p.category_id left join areas a on a.id = p.district_id
       where p.component_id = any($1::int[]) and p.hidden_at is null and p.id > $2
       order by p.id limit ${PAGE}`,
      [components, last?.id ?? 0],
    ),
  );
}

export const proposalsOpenData: OpenDataExport = {
  id: 'proposals',
  title: 'proposals.openData.title',
  description: 'proposals.openData.description',
  formats: ['csv', 'json'],
  // Bumped by triggers on proposals, their components, spaces, categories and districts
  // (migration 005): 16 rows to read.
  lastModified: (ctx) => slottedVersion(ctx, 'proposals_open_data_version'),
  async produce(ctx, format, { locale }) {
    const base = ctx.config.baseUrl;
    const pages = proposalPages(ctx, locale);
    if (format === 'csv') {
      return csvChunks(
        ['id', 'space_id', 'space', 'title', 'state', 'supports', 'comments', 'category', 'district', 'created_at', 'url'],
        mapPages(pages, (p) => [p.id, p.spaceId, p.space, p.title, p.state, p.supports, p.comments, p.category, p.district, p.createdAt, `${base}/proposals/${p.id}`]),
      );
    }
    return jsonArrayChunks(mapPages(pages, (p) => ({ ...p, url: `${base}/proposals/${p.id}` })));
  },
};

export const proposalsOpenDataMessages = defineMessages({
  ro: {
    'proposals.openData.title': 'Propuneri',
    'proposals.openData.description': 'Propunerile publice din spațiile de participare publicate: spațiu, titlu, stare, susțineri, comentarii, categorie, cartier și data.',
  },
  en: {
    'proposals.openData.title': 'Proposals',
    'proposals.openData.description': 'Public proposals of the published participatory spaces: space, title, state, supports, comments, category, district and date.',
  },
  hu: {
    'proposals.openData.title': 'Javaslatok',
    'proposals.openData.description': 'A közzétett részvételi terek nyilvános javaslatai: tér, cím, állapot, támogatások, hozzászólások, kategória, kerület és dátum.',
  },
});
