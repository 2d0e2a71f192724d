import { Catch, Inject, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { ClientError } from '@prystan/contract';
import { LOGGER, type AppLogger } from '@prystan/logging';

/**
 * Turns any error in a socket handler into the contract's acknowledgement
 * `{ok: false, error: {code, message}}`. The connection stays up.
 */
@Catch()
export class WsAckFilter implements ExceptionFilter {
  constructor(@Inject(LOGGER) private readonly logger: AppLogger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const ack = host.getArgByIndex(2);
    const error = exception instanceof ClientError
      ? { code: exception.code, message: exception.message }
      : { code: 'unavailable', message: 'that did not work; please try again' };
    if (!(exception instanceof ClientError)) this.logger.error({ err: exception }, 'socket event failed');
    if (typeof ack === 'function') ack({ ok: false, error });
  }
}
