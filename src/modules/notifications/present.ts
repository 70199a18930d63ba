// A notification as text in the reader's language. Parameters named `<x>Key` hold message keys and
// become the translated parameter `<x>` (a proposal's new state reads right in every language).
import type { Translate } from '../../core/i18n/catalog.ts';
import { hmac, safeEqual } from '../../core/auth/tokens.ts';

export interface NotificationRow {
  id: number;
  kind: string;
  url: string;
  params: Record<string, string | number>;
  createdAt: string;
  read: boolean;
}

export function notificationText(t: Translate, n: Pick<NotificationRow, 'kind' | 'params'>): string {
  const params: Record<string, string | number> = { ...n.params };
  for (const [k, v] of Object.entries(n.params)) if (k.endsWith('Key') && typeof v === 'string') params[k.slice(0, -3)] = t(v);
  return t(`notifications.kind.${n.kind}`, params);
}

/** The one-click unsubscribe token in every e-mail: it proves the link came from us, for this person. */
export function unsubscribeToken(secret: string, userId: string): string {
  return hmac(secret, `notifications.unsubscribe:${userId}`);
}

export function validUnsubscribeToken(secret: string, userId: string, token: string): boolean {
  return safeEqual(token, unsubscribeToken(secret, userId));
}

export function unsubscribeUrl(baseUrl: string, secret: string, userId: string): string {
  return `${baseUrl}/notifications/unsubscribe?u=${encodeURIComponent(userId)}&t=${encodeURIComponent(unsubscribeToken(secret, userId))}`;
}
