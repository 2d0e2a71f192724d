import { Catch, HttpException, HttpStatus, Inject, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { ClientError, type ErrorCode } from '@prystan/contract';
import { LOGGER, type AppLogger } from '@prystan/logging';
import { isDependencyDown } from './dependency-down';

const STATUS: Record<ErrorCode, number> = {
  invalid_input: 400, not_found: 404, forbidden: 403, conflict: 409, rate_limited: 429, unavailable: 503,
};
const CODE_FOR_STATUS: Record<number, string> = {
  400: 'invalid_input', 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 405: 'invalid_input',
  409: 'conflict', 413: 'invalid_input', 415: 'invalid_input', 429: 'rate_limited', 503: 'unavailable',
};

/** Every HTTP error as `{error: {code, message}}`; a dependency away is 503; unexpected ones are logged (redacted) and answered 500. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  constructor(@Inject(LOGGER) private readonly logger: AppLogger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return;
    const { status, code, message } = this.describe(exception);
    if (status === 503 && !(exception instanceof ClientError)) this.logger.warn({ err: exception }, 'request failed: a dependency is away');
    else if (status >= 500 && !(exception instanceof ClientError)) this.logger.error({ err: exception }, 'request failed');
    res.status(status).json({ error: { code, message } });
  }

  private describe(exception: unknown): { status: number; code: string; message: string } {
    if (exception instanceof ClientError) return { status: STATUS[exception.code], code: exception.code, message: exception.message };
    // body-parser errors (malformed JSON, too large) carry a status and an expose flag
    const bodyError = exception as { status?: number; expose?: boolean; type?: string };
    if (bodyError && typeof bodyError.status === 'number' && bodyError.expose && !(exception instanceof HttpException)) {
      const message = bodyError.type === 'entity.too.large' ? 'the request body is too large' : 'the request body is not valid JSON';
      return { status: bodyError.status, code: CODE_FOR_STATUS[bodyError.status] ?? 'invalid_input', message };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      // a few refusals carry their own code (e.g. 403 `mfa_required` for an enrolment-only token)
      const body = exception.getResponse() as { code?: unknown; message?: unknown };
      if (typeof body?.code === 'string') return { status, code: body.code, message: typeof body.message === 'string' ? body.message : exception.message };
      const message = status === HttpStatus.NOT_FOUND ? 'no such route' : status === 401 && exception.message === 'Unauthorized' ? 'sign in first' : exception.message;
      return { status, code: CODE_FOR_STATUS[status] ?? 'error', message };
    }
    // PostgreSQL or Redis away (a restart): the caller may try again in a moment
    if (isDependencyDown(exception)) return { status: 503, code: 'unavailable', message: 'temporarily unavailable; please try again' };
    return { status: 500, code: 'internal', message: 'something went wrong; it has been logged' };
  }
}
