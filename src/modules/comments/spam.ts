// Spam defences for comments: a rate limit per person, a cap on links, and no repeating the same
// text. The limits are city settings (module.comments.spam) with these defaults.
import type { AppContext } from '../../core/context.ts';
import type { TxQuery } from '../../core/db/database.ts';
import { sha256 } from '../../core/auth/tokens.ts';

export interface SpamRules {
  /** Comments one person may post within `windowMinutes`. */
  maxPerWindow: number;
  windowMinutes: number;
  /** Links (http://, https://, www.) allowed in one comment. */
  maxLinks: number;
  /** The same text by the same person is refused within this many hours. */
  duplicateHours: number;
}

export const DEFAULT_SPAM_RULES: SpamRules = { maxPerWindow: 5, windowMinutes: 10, maxLinks: 2, duplicateHours: 24 };
export const SPAM_SETTINGS_KEY = 'module.comments.spam';

export async function spamRules(ctx: AppContext): Promise<SpamRules> {
  const s = await ctx.settings.get<Partial<SpamRules>>(SPAM_SETTINGS_KEY, DEFAULT_SPAM_RULES);
  const pick = (k: keyof SpamRules) => (Number.isInteger(s[k]) && (s[k] as number) >= 0 ? (s[k] as number) : DEFAULT_SPAM_RULES[k]);
  return { maxPerWindow: pick('maxPerWindow'), windowMinutes: pick('windowMinutes'), maxLinks: pick('maxLinks'), duplicateHours: pick('duplicateHours') };
}

export function countLinks(text: string): number {
  return (text.match(/\bhttps?:\/\/|\bwww\./gi) ?? []).length;
}

/** Case, accents, punctuation and spacing do not make a text new. */
export function bodyHash(text: string): string {
  const normal = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return sha256(normal);
}

export type SpamVerdict = 'ok' | 'rate_limited' | 'too_many_links' | 'duplicate';

/** Runs inside the posting transaction, after the author's advisory lock, so bursts are counted. */
export async function spamVerdict(tx: TxQuery, rules: SpamRules, authorId: string, body: string, hash: string): Promise<SpamVerdict> {
  if (countLinks(body) > rules.maxLinks) return 'too_many_links';
  const [r] = await tx.query<{ recent: number; dup: boolean }>(
    `select (select count(*)::int from comments where author_id = $1 and created_at > now() - make_interval(mins => $2)) as recent,
            exists(select 1 from comments where author_id = $1 and body_hash = $3 and created_at > now() - make_interval(hours => $4)) as dup`,
    [authorId, rules.windowMinutes, hash, rules.duplicateHours],
  );
  if (r!.dup) return 'duplicate';
  if (r!.recent >= rules.maxPerWindow) return 'rate_limited';
  return 'ok';
}
