import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ERRORS, type ErrorBody, type ErrorCode } from '../../../contracts/errors';

/** The one error type of the application: a code from the closed list, optional details. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly details: unknown = null,
    message?: string,
  ) {
    super(message ?? ERRORS[code].message);
    this.status = ERRORS[code].status;
  }
}

export const notFound = () => new AppError('NOT_FOUND');
export const forbidden = () => new AppError('FORBIDDEN');
export const conflict = (details: unknown = null) => new AppError('CONFLICT', details);

export function errorBody(
  code: ErrorCode,
  requestId: string,
  details: unknown = null,
  message?: string,
): ErrorBody {
  return { error: { code, message: message ?? ERRORS[code].message, details, requestId } };
}

function send(
  reply: FastifyReply,
  request: FastifyRequest,
  code: ErrorCode,
  details: unknown = null,
  message?: string,
) {
  return reply.status(ERRORS[code].status).send(errorBody(code, request.id, details, message));
}

interface ValidationItem {
  keyword?: string;
  instancePath?: string;
  message?: string;
  params?: { keys?: string[] };
}

/** Turns a validation failure into field-level Vietnamese details. */
function validationDetails(err: { validation?: ValidationItem[]; validationContext?: string }) {
  let unknownField = false;
  const details = (err.validation ?? []).map((v) => {
    const field = (v.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
    if (v.keyword === 'unrecognized_keys') {
      unknownField = true;
      return {
        field: field || (err.validationContext ?? ''),
        message: `Trường không được phép: ${(v.params?.keys ?? []).join(', ')}`,
      };
    }
    return { field, message: v.message ?? 'Giá trị không hợp lệ' };
  });
  return { unknownField, details };
}

/**
 * Installs the error handler: every error leaves as { error: { code, message, details,
 * requestId } } with a Vietnamese message. 5xx responses never carry internal text.
 */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof AppError) {
      if (err.status >= 500) request.log.error({ err }, 'application error');
      return send(reply, request, err.code, err.details, err.message);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const { unknownField, details } = validationDetails(err as never);
      return send(reply, request, unknownField ? 'UNKNOWN_FIELD' : 'VALIDATION_FAILED', details);
    }
    if (err.code === 'FST_ERR_RESPONSE_SERIALIZATION') {
      request.log.error({ err }, 'response serialization failed');
      return send(reply, request, 'INTERNAL');
    }
    if (
      err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ||
      err.code === 'FST_REQ_FILE_TOO_LARGE' ||
      err.statusCode === 413
    ) {
      return send(reply, request, 'PAYLOAD_TOO_LARGE');
    }
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || err.statusCode === 415) {
      return send(reply, request, 'UNSUPPORTED_MEDIA_TYPE');
    }
    if (err.statusCode === 429) return send(reply, request, 'RATE_LIMITED');
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      // JSON syntax errors, empty bodies, bad content types: a generic 400 without internals
      return send(reply, request, 'BAD_REQUEST');
    }
    // PostgreSQL errors that are the client's fault (should be caught earlier, but never a 500)
    const pgCode = (err as unknown as { code?: string }).code;
    if (pgCode === '22021' || pgCode === '22P05') return send(reply, request, 'INVALID_CHARACTERS');
    if (pgCode === '23505') return send(reply, request, 'DUPLICATE');
    if (pgCode === '40001' || pgCode === '40P01') return send(reply, request, 'CONFLICT');
    request.log.error({ err: { message: err.message, code: pgCode, stack: err.stack } }, 'unhandled error');
    return send(reply, request, 'INTERNAL');
  });

  app.setNotFoundHandler((request, reply) => send(reply, request, 'ROUTE_NOT_FOUND'));
}

/** Rejects NUL characters anywhere in the body, query or params (PostgreSQL cannot store them). */
export function containsNul(value: unknown, depth = 0): boolean {
  if (depth > 64) return true;
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some((v) => containsNul(v, depth + 1));
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes('\u0000') || containsNul(v, depth + 1)) return true;
    }
  }
  return false;
}
