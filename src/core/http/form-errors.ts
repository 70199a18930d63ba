// Turns a route's schema-validation failure into localized, field-specific messages for a form page.
import type { FastifyRequest } from 'fastify';
import { fieldErrorsFromValidation, type FieldError } from './problem.ts';

/** `fieldMessages` maps a field name to the message key explaining what the field needs. */
export function formErrors(req: FastifyRequest, fieldMessages: Record<string, string>): FieldError[] {
  const v = req.validationError as unknown as { validation?: Parameters<typeof fieldErrorsFromValidation>[0] } | undefined;
  if (!v?.validation) return [];
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const e of fieldErrorsFromValidation(v.validation)) {
    const field = e.field.split('/')[0] ?? e.field;
    if (seen.has(field)) continue;
    seen.add(field);
    out.push({ field, reason: fieldMessages[field] ? req.t(fieldMessages[field]) : req.t('form.unknownField', { field }) });
  }
  return out;
}

export function str(body: unknown, name: string): string | undefined {
  const v = (body as Record<string, unknown> | undefined)?.[name];
  return typeof v === 'string' ? v : undefined;
}
