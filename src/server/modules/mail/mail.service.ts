import { sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Config } from '../../config';
import type { Db, Queryable } from '../../db/client';
import { mailOutbox } from '../../db/schema';
import { writeAudit } from '../../platform/audit/audit';
import { isInScope } from '../../platform/auth/actor';
import type { Ctx } from '../../platform/context';
import { AppError, notFound } from '../../platform/http/errors';
import { pathInSubtrees, scopeOf } from '../../platform/scope';

/**
 * The e-mail outbox (ADR 0005). Features call `enqueueMail` inside their own transaction, so a
 * mail exists exactly when the command that caused it committed. The sender (`deliverDueMails`,
 * run on an interval by the server) claims due rows with `for update skip locked`, sends them
 * through nodemailer to the configured SMTP server outside any transaction, and records the
 * outcome; failures are retried with exponential backoff.
 */

export interface OutgoingMail {
  to: string[];
  subject: string;
  text: string;
  html?: string;
  kind: string;
  refId?: string;
  /** the organisation the mail concerns: who may see it in the outbox view */
  orgId?: string | null;
}

export const MAIL_MAX_ATTEMPTS = 5;
/** minutes to wait after the n-th failed attempt: 1, 2, 4, 8 … */
export const retryDelayMinutes = (attempt: number) => 2 ** Math.max(0, attempt - 1);
/** a claimed row whose sender died is retried after this lease (a never-tried mail is always due) */
const LEASE_MINUTES = 5;

export const NO_SMTP_MESSAGE = 'Chưa gửi: chưa cấu hình máy chủ SMTP (SMTP_HOST).';

/** Writes the mail into the outbox in the caller's transaction; returns its id. */
export async function enqueueMail(tx: Db | Queryable, mail: OutgoingMail): Promise<string> {
  const to = [...new Set(mail.to.map((a) => a.trim()).filter((a) => a.length > 0))];
  const [row] = await tx
    .insert(mailOutbox)
    .values({
      recipients: to,
      subject: mail.subject,
      textBody: mail.text,
      htmlBody: mail.html ?? null,
      kind: mail.kind,
      refId: mail.refId ?? null,
      orgId: mail.orgId ?? null,
      // a mail with no recipient can never be delivered: keep it visible as failed
      status: to.length === 0 ? 'failed' : 'queued',
      lastError: to.length === 0 ? 'Không có địa chỉ người nhận.' : null,
    })
    .returning({ id: mailOutbox.id });
  return row!.id;
}

export interface MailTransport {
  sendMail(message: {
    from: string;
    to: string[];
    subject: string;
    text: string;
    html?: string;
  }): Promise<{ messageId?: string }>;
}

export function smtpTransport(smtp: Config['smtp']): MailTransport | null {
  if (!smtp.host) return null;
  return nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? '' } : undefined,
    // a local sink or an internal relay may offer STARTTLS with a self-signed certificate
    tls: { rejectUnauthorized: false },
    connectionTimeout: 10_000,
    socketTimeout: 20_000,
  });
}

type ClaimedMail = {
  id: string;
  recipients: string[];
  subject: string;
  text_body: string;
  html_body: string | null;
  attempts: number;
};

export interface DeliveryResult {
  sent: number;
  failed: number;
  retried: number;
  notSent: number;
}

/**
 * Delivers the due mails (at most `limit`). With no SMTP configured, due mails are marked
 * `not_sent` with an explanation instead of being retried forever.
 */
export async function deliverDueMails(
  db: Db,
  opts: { config: Config; now: () => Date; transport?: MailTransport | null; limit?: number },
): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: 0, failed: 0, retried: 0, notSent: 0 };
  const now = opts.now();
  const transport = opts.transport === undefined ? smtpTransport(opts.config.smtp) : opts.transport;
  if (!transport) {
    const r = await db.execute(sql`
      update mail_outbox set status = 'not_sent', last_error = ${NO_SMTP_MESSAGE}
      where status = 'queued' and (attempts = 0 or next_attempt_at <= ${now.toISOString()})`);
    result.notSent = r.rowCount ?? 0;
    return result;
  }
  const lease = new Date(now.getTime() + LEASE_MINUTES * 60_000).toISOString();
  // claim: a short transaction that pushes next_attempt_at past the lease, so a parallel sender
  // (another process) skips these rows; the SMTP conversation happens outside any transaction.
  const claimed = await db.execute<ClaimedMail>(sql`
    update mail_outbox set attempts = attempts + 1, next_attempt_at = ${lease}
    where id in (
      select id from mail_outbox
      where status = 'queued' and (attempts = 0 or next_attempt_at <= ${now.toISOString()})
      order by next_attempt_at, created_at
      limit ${opts.limit ?? 20}
      for update skip locked)
    returning id, recipients, subject, text_body, html_body, attempts`);
  for (const m of claimed.rows) {
    try {
      const info = await transport.sendMail({
        from: opts.config.smtp.from,
        to: m.recipients,
        subject: m.subject,
        text: m.text_body,
        html: m.html_body ?? undefined,
      });
      await db.execute(sql`
        update mail_outbox set status = 'sent', sent_at = ${opts.now().toISOString()},
               message_id = ${info.messageId ?? null}, last_error = null
        where id = ${m.id}`);
      result.sent++;
    } catch (err) {
      const message = (err instanceof Error ? err.message : String(err)).slice(0, 500);
      if (m.attempts >= MAIL_MAX_ATTEMPTS) {
        await db.execute(sql`
          update mail_outbox set status = 'failed', last_error = ${message} where id = ${m.id}`);
        result.failed++;
      } else {
        const next = new Date(opts.now().getTime() + retryDelayMinutes(m.attempts) * 60_000).toISOString();
        await db.execute(sql`
          update mail_outbox set last_error = ${message}, next_attempt_at = ${next} where id = ${m.id}`);
        result.retried++;
      }
    }
  }
  return result;
}

// ---------------------------------------------------------------- outbox view

const STATUS_NAMES: Record<string, string> = {
  queued: 'Đang chờ gửi',
  sent: 'Đã gửi',
  failed: 'Gửi lỗi',
  not_sent: 'Chưa gửi (chưa cấu hình SMTP)',
};

/**
 * The outbox as the caller may see it: mails about organisations in the caller's `mail.read`
 * subtrees; mails about no organisation only for callers holding it on a top-level organisation.
 */
export async function listOutbox(
  ctx: Ctx,
  q: { status?: string; kind?: string; page?: number; pageSize?: number },
) {
  const scope = scopeOf(ctx, 'mail.read');
  const topLevel = scope.some((p) => p.split('/').filter(Boolean).length === 1);
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  const where = sql`(${pathInSubtrees(sql`o.path`, scope)} or (m.org_id is null and ${topLevel}))
    ${q.status ? sql`and m.status = ${q.status}` : sql``}
    ${q.kind ? sql`and m.kind = ${q.kind}` : sql``}`;
  const rows = await ctx.db.execute<{
    id: string;
    recipients: string[];
    subject: string;
    text_body: string;
    kind: string;
    ref_id: string | null;
    org_id: string | null;
    org_name: string | null;
    status: string;
    attempts: number;
    last_error: string | null;
    sent_at: string | Date | null;
    created_at: string | Date;
    next_attempt_at: string | Date;
    total: number;
  }>(sql`
    select m.id, m.recipients, m.subject, m.text_body, m.kind, m.ref_id, m.org_id, o.name as org_name,
           m.status, m.attempts, m.last_error, m.sent_at, m.created_at, m.next_attempt_at,
           count(*) over () as total
    from mail_outbox m left join organizations o on o.id = m.org_id
    where ${where}
    order by m.created_at desc, m.id
    limit ${pageSize} offset ${(page - 1) * pageSize}`);
  const iso = (v: string | Date | null) => (v == null ? null : new Date(v).toISOString());
  return {
    items: rows.rows.map((r) => ({
      id: r.id,
      to: r.recipients,
      subject: r.subject,
      text: r.text_body,
      kind: r.kind,
      refId: r.ref_id,
      org: r.org_id ? { id: r.org_id, name: r.org_name ?? '' } : null,
      status: r.status as 'queued' | 'sent' | 'failed' | 'not_sent',
      statusName: STATUS_NAMES[r.status] ?? r.status,
      attempts: r.attempts,
      lastError: r.last_error,
      sentAt: iso(r.sent_at),
      createdAt: iso(r.created_at)!,
      nextAttemptAt: iso(r.next_attempt_at)!,
    })),
    total: rows.rows[0]?.total ?? 0,
    page,
    pageSize,
  };
}

/**
 * Puts a failed or not-sent mail back in the queue (e.g. once SMTP is configured). Needs
 * settings.manage on the mail's organisation (top level for mails about no organisation).
 */
export async function retryMail(ctx: Ctx, id: string) {
  await ctx.db.transaction(async (tx) => {
    const r = await tx.execute<{ status: string; org_path: string | null; org_id: string | null }>(sql`
      select m.status, o.path as org_path, m.org_id from mail_outbox m left join organizations o on o.id = m.org_id
      where m.id = ${id} for update of m`);
    const m = r.rows[0];
    const scope = scopeOf(ctx, 'settings.manage');
    const visible =
      m &&
      (m.org_path
        ? isInScope(scope, m.org_path)
        : scope.some((p) => p.split('/').filter(Boolean).length === 1));
    if (!m || !visible) throw notFound();
    if (m.status !== 'failed' && m.status !== 'not_sent')
      throw new AppError('INVALID_STATE', null, 'Chỉ gửi lại được thư gửi lỗi hoặc chưa gửi.');
    await tx.execute(sql`
      update mail_outbox set status = 'queued', attempts = 0, last_error = null,
             next_attempt_at = ${ctx.now().toISOString()}
      where id = ${id}`);
    await writeAudit(tx, ctx, {
      action: 'mail.requeued',
      entityType: 'mail',
      entityId: id,
      orgId: m.org_id,
      before: { status: m.status },
      after: { status: 'queued' },
    });
  });
}

/** Whether a caller may see a mail about the organisation with this path (null = no organisation). */
export function canSeeMail(ctx: Ctx, orgPath: string | null): boolean {
  const scope = scopeOf(ctx, 'mail.read');
  if (orgPath) return isInScope(scope, orgPath);
  return scope.some((p) => p.split('/').filter(Boolean).length === 1);
}
