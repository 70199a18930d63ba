import type { ComponentChildren } from 'preact';
import type { Actor } from '../auth/actor.ts';
import type { Locale } from '../config/config.ts';
import type { Translate } from '../i18n/catalog.ts';
import type { PageContext } from '../ui/page-context.ts';

export interface PageOptions {
  status?: number;
  islands?: string[];
  /** Extra stylesheets (e.g. Leaflet's) for this page. */
  styles?: string[];
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    locale: Locale;
    t: Translate;
    /** Raw session token from the cookie, when signed in. */
    sessionToken: string | undefined;
    csrfToken: string;
    /** Builds the context every page component receives. */
    pageContext(): Promise<PageContext>;
  }
  interface FastifyReply {
    /** Renders a full page inside the layout. */
    page(title: string, body: ComponentChildren, opts?: PageOptions): Promise<FastifyReply>;
    /** Sets a one-shot notice (message key) shown on the next page, then redirects (303). */
    redirectWithNotice(url: string, noticeKey: string): FastifyReply;
  }
  interface FastifyContextConfig {
    /** false: no CSRF check (token-authenticated machine APIs). 'handler': the handler verifies (multipart). */
    csrf?: false | 'handler';
  }
}
