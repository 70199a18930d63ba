// Every message goes to the outbox table first (nothing is lost if SMTP is down); a job delivers it
// through the configured transport. Without SMTP_URL, mail is held and readable in the admin outbox.
import nodemailer from 'nodemailer';
import type { Database, TxQuery } from '../db/database.ts';
import type { JobQueue } from '../jobs/queue.ts';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** Stable per outbox row, so a retry after an unanswered DATA can be recognised as the same message. */
  messageId?: string;
}

/** Adapter for the outbound side; the default is SMTP via nodemailer. */
export interface MailTransport {
  send(from: string, mail: OutgoingMail): Promise<void>;
}

export interface SmtpTimeouts {
  connectionMs: number;
  greetingMs: number;
  socketMs: number;
}

// nodemailer waits 2 min to connect, 30 s for the greeting and 10 min on a silent socket; the
// delivery job's lease is 5 min, so a hung send could be picked up again and the mail sent twice.
export const SMTP_TIMEOUT_DEFAULTS: SmtpTimeouts = { connectionMs: 10_000, greetingMs: 10_000, socketMs: 30_000 };

/** A timeout throws like any SMTP failure: the job retries it with backoff and the outbox row stays pending. */
export function smtpTransport(url: string, timeouts: SmtpTimeouts = SMTP_TIMEOUT_DEFAULTS): MailTransport {
  // Query parameters in SMTP_URL (e.g. ?greetingTimeout=) still win over these.
  const t = nodemailer.createTransport({
    url,
    connectionTimeout: timeouts.connectionMs,
    greetingTimeout: timeouts.greetingMs,
    socketTimeout: timeouts.socketMs,
  });
  return {
    async send(from, mail) {
      await t.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, ...(mail.messageId ? { messageId: mail.messageId } : {}) });
    },
  };
}

function failureText(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && !err.message.includes(code) ? `${code}: ${err.message}` : err.message;
}

export class Mailer {
  constructor(
    private readonly database: Database,
    private readonly jobs: JobQueue,
    private readonly from: string,
    private readonly transport: MailTransport | undefined,
  ) {
    jobs.register('mail.deliver', async (payload, job) => this.deliver(Number(payload.id), job.lastAttempt));
  }

  async enqueue(mail: OutgoingMail, tx?: TxQuery): Promise<number> {
    const q = tx ?? this.database;
    const [row] = await q.query<{ id: number }>(
      'insert into mail_outbox (to_address, subject, body_text) values ($1, $2, $3) returning id::int as id',
      [mail.to, mail.subject, mail.text],
    );
    await this.jobs.enqueue('mail.deliver', { id: row!.id }, { dedupeKey: `mail:${row!.id}` }, tx);
    return row!.id;
  }

  private async deliver(id: number, lastAttempt: boolean): Promise<void> {
    const [m] = await this.database.query<{ to_address: string; subject: string; body_text: string; status: string; created_ms: string }>(
      `select to_address, subject, body_text, status, (extract(epoch from created_at) * 1000)::bigint::text as created_ms
       from mail_outbox where id = $1`,
      [id],
    );
    if (!m || m.status === 'sent') return;
    if (!this.transport) {
      await this.database.query(`update mail_outbox set status = 'held' where id = $1`, [id]);
      return;
    }
    try {
      const messageId = `<outbox-${id}.${m.created_ms}@${senderDomain(this.from)}>`;
      await this.transport.send(this.from, { to: m.to_address, subject: m.subject, text: m.body_text, messageId });
      await this.database.query(`update mail_outbox set status = 'sent', sent_at = now(), attempts = attempts + 1 where id = $1`, [id]);
    } catch (err) {
      // Pending while the job will retry; failed once it has given up, so the outbox tells the truth.
      await this.database.query(`update mail_outbox set attempts = attempts + 1, last_error = $2, status = $3 where id = $1`, [
        id,
        failureText(err),
        lastAttempt ? 'failed' : 'pending',
      ]);
      throw err; // the job retries with backoff
    }
  }
}

function senderDomain(from: string): string {
  return /@([^\s>]+)>?\s*$/.exec(from)?.[1] ?? 'localhost';
}
