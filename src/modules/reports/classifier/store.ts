// The live classifier: persisted in classifier_models (one row), trained from the evaluation set
// the first time, and taught by officials' corrections. Each process caches the model and reloads
// it when another process has saved a newer one.
import type { AppContext } from '../../../core/context.ts';
import type { Locale } from '../../../core/config/config.ts';
import { ReportClassifier } from './naive-bayes.ts';
import { isCategoryCode } from './categories.ts';
import { REPORTS_RO } from './fixtures/reports-ro.ts';

let cache: { model: ReportClassifier; version: string } | undefined;

async function load(ctx: AppContext): Promise<ReportClassifier> {
  const [row] = await ctx.database.query<{ version: string }>(`select updated_at::text as version from classifier_models where id = 1`);
  if (row && cache?.version === row.version) return cache.model;
  if (row) {
    const [m] = await ctx.database.query<{ model: unknown }>('select model from classifier_models where id = 1');
    cache = { model: ReportClassifier.fromJSON(m!.model), version: row.version };
    return cache.model;
  }
  const model = new ReportClassifier();
  model.train(REPORTS_RO);
  await ctx.database.query(`insert into classifier_models (id, model) values (1, $1) on conflict (id) do nothing`, [JSON.stringify(model.toJSON())]);
  return load(ctx);
}

export interface CategorySuggestion {
  code: string;
  name: string;
  score: number;
}

/** The most likely active categories for a description, best first. */
export async function suggestCategories(ctx: AppContext, locale: Locale, text: string, limit = 3): Promise<CategorySuggestion[]> {
  if (text.trim().length < 8) return [];
  const model = await load(ctx);
  const name = { ro: 'name_ro', en: 'name_en', hu: 'name_hu' }[locale];
  const active = new Map((await ctx.database.query<{ code: string; name: string }>(`select code, ${name} as name from categories where active`)).map((c) => [c.code, c.name]));
  return model
    .predict(text)
    .filter((p) => active.has(p.code))
    .slice(0, limit)
    .map((p) => ({ code: p.code, name: active.get(p.code)!, score: Math.round(p.score * 1000) / 1000 }));
}

/** An official filed a report under another category: the model learns from it (serialised per row lock). */
export async function learnCorrection(ctx: AppContext, text: string, code: string): Promise<boolean> {
  if (!isCategoryCode(code)) return false;
  await load(ctx);
  await ctx.database.transaction(async (tx) => {
    const [m] = await tx.query<{ model: unknown }>('select model from classifier_models where id = 1 for update');
    const model = ReportClassifier.fromJSON(m!.model);
    model.learn(text, code);
    await tx.query('update classifier_models set model = $1, updated_at = clock_timestamp() where id = 1', [JSON.stringify(model.toJSON())]);
  });
  return true;
}
