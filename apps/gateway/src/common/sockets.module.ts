import { Module } from '@nestjs/common';
import { Notifier } from '@prystan/platform';
import { GatewayBroadcaster } from './gateway-broadcaster';

/**
 * The gateway's one way out to sockets: its socket.io server (bound by ChatGateway once it
 * exists) and the Notifier that addresses every event through it. Every module that emits
 * imports this one, so there is a single instance of each.
 */
@Module({
  providers: [
    GatewayBroadcaster,
    { provide: Notifier, inject: [GatewayBroadcaster], useFactory: (b: GatewayBroadcaster) => new Notifier(b) },
  ],
  exports: [GatewayBroadcaster, Notifier],
})
export class SocketsModule {}
