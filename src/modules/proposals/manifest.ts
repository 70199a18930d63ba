// Proposals: a component of participatory spaces. Residents propose, find similar proposals while
// typing, attach photos or PDFs, change their text until the first support (versions are kept),
// support within a limit per person; a threshold sends a proposal to review; officials answer.
import { defineModule } from '../../core/modules/manifest.ts';
import { mergeMessages } from '../../core/i18n/catalog.ts';
import { proposalsMigrations } from './migrations.ts';
import { proposalsMessages } from './messages.ts';
import { proposalPolicy } from './policy.ts';
import { PROPOSALS_COMPONENT } from './model.ts';
import { registerCitizenRoutes } from './routes/citizen.tsx';
import { registerStaffRoutes } from './routes/staff.tsx';
import { registerApiRoutes } from './routes/api.ts';
import { registerEditRoutes } from './routes/edit.tsx';
import { registerEditApiRoutes } from './routes/api-edit.ts';
import { proposalsEditMessages } from './messages-edit.ts';
import { registerMapApiRoutes } from './routes/map-api.ts';
import { proposalsMapMessages } from './messages-map.ts';
import { seedProposalsDemo } from './seed.ts';
import { registerProposalSubjects } from './subjects-registration.ts';
import { proposalsOpenData, proposalsOpenDataMessages } from './open-data.ts';

export const proposalsModule = defineModule({
  name: 'proposals',
  title: 'proposals.title',
  migrations: proposalsMigrations,
  messages: mergeMessages(proposalsMessages, proposalsEditMessages, proposalsMapMessages, proposalsOpenDataMessages),
  actions: Object.fromEntries(proposalPolicy.actions.map((a) => [a, a])),
  spaceComponent: PROPOSALS_COMPONENT,
  routes(app, ctx) {
    registerProposalSubjects();
    registerCitizenRoutes(app, ctx);
    registerStaffRoutes(app, ctx);
    registerApiRoutes(app, ctx);
    registerEditRoutes(app, ctx);
    registerEditApiRoutes(app, ctx);
    registerMapApiRoutes(app, ctx);
  },
  seeds: { demo: seedProposalsDemo },
  openData: [proposalsOpenData],
  async personalData(ctx, userId) {
    const [proposals, supports, versions, attachments] = await Promise.all([
      ctx.database.query(`select id::int as id, title, body, state, created_at as "createdAt" from proposals where author_id = $1 order by id`, [userId]),
      ctx.database.query(`select proposal_id::int as "proposalId", created_at as "createdAt" from proposal_supports where user_id = $1 order by created_at`, [userId]),
      ctx.database.query(`select proposal_id::int as "proposalId", version, title, body, edited_at as "editedAt" from proposal_versions where editor_id = $1 order by proposal_id, version`, [userId]),
      ctx.database.query(
        `select a.proposal_id::int as "proposalId", a.file_name as "fileName", a.content_type as "contentType", a.size, '/proposals/attachments/' || a.id as url
         from proposal_attachments a join proposals p on p.id = a.proposal_id where p.author_id = $1 order by a.id`,
        [userId],
      ),
    ]);
    return { proposals, supports, versions, attachments };
  },
  async eraseUser(_ctx, userId, tx) {
    // Proposals stay (others supported and discussed them) without their author; supports are
    // counted, so they stay anonymous through the count while the rows go.
    await tx.query('update proposals set author_id = null where author_id = $1', [userId]);
    await tx.query('update proposals set answered_by = null where answered_by = $1', [userId]);
    await tx.query('update proposal_versions set editor_id = null where editor_id = $1', [userId]);
    await tx.query('delete from proposal_supports where user_id = $1', [userId]);
    await tx.query('delete from proposal_support_quotas where user_id = $1', [userId]);
  },
});
