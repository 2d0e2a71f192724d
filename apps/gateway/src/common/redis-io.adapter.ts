import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { MessageMappingProperties } from '@nestjs/websockets';
import { catchError, defer, EMPTY, filter, type Observable } from 'rxjs';
import { createAdapter } from '@socket.io/redis-adapter';
import type { Redis } from 'ioredis';
import type { Server, ServerOptions, Socket } from 'socket.io';
import type { SocketDrain } from './socket-drain';
import type { socketSurface } from './socket-surface';

/** socket.io over the Redis adapter: rooms and broadcasts span every gateway (and the worker's emitter). */
export class RedisIoAdapter extends IoAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly pub: Redis,
    private readonly sub: Redis,
    private readonly key: string,
    private readonly surface: ReturnType<typeof socketSurface>,
    private readonly drain: SocketDrain,
  ) {
    super(app);
  }

  /**
   * Every socket's events pass the drain's count first, so a stopping gateway knows what is
   * still unanswered. Once connected, the socket lets go of the HTTP request it was opened with
   * (socket.io keeps it, with its parser and buffers, for the life of the connection): its
   * handshake already holds what is read later (headers, address, auth), and a survivor
   * waiting in a flood costs that much less memory (docs/performance.md).
   */
  bindClientConnect(server: Server, callback: (socket: Socket) => void): void {
    server.on('connection', (socket: Socket) => {
      socket.use(this.drain.track(socket));
      callback(socket);
      (socket.conn as unknown as { request: unknown }).request = null;
    });
  }

  /**
   * The same binding as Nest's, lighter per socket: a plain listener per event, where Nest
   * keeps an RxJS pipeline per event per socket (`fromEvent`, `mergeMap`, `takeUntil` the
   * disconnect) for the socket's whole life. A waiting survivor's socket is most of what a
   * flood costs in memory (docs/performance.md); the listeners go with the socket. What an
   * event does is unchanged: the handler's result, once not empty, is its acknowledgement (or
   * an emitted `{ event, data }`), and a failure is logged, never thrown.
   */
  bindMessageHandlers(socket: Socket, handlers: MessageMappingProperties[], transform: (data: unknown) => Observable<unknown>): void {
    for (const { message, callback, isAckHandledManually } of handlers) {
      socket.on(message as string, (...args: unknown[]) => {
        // fromEvent's shape: one argument as itself, several as an array
        const { data, ack } = this.mapPayload(args.length === 1 ? args[0] : args);
        defer(() => transform(callback(data, ack)))
          .pipe(filter((response) => response !== null && response !== undefined), catchError((err: unknown) => {
            this.logger.error(err);
            return EMPTY;
          }))
          .subscribe((response) => {
            const reply = response as { event?: string; data?: unknown };
            if (reply.event) return void socket.emit(reply.event, reply.data);
            if (!isAckHandledManually && typeof ack === 'function') ack(response);
          });
      });
    }
  }

  createIOServer(port: number, options?: ServerOptions): Server {
    const server: Server = super.createIOServer(port, {
      ...options,
      // same-origin pages only: no CORS for sockets either
      cors: undefined,
      serveClient: false,
      // WebSocket only, 64 KB frames, the Origin checked at the handshake (socket-surface.ts)
      ...this.surface,
      pingInterval: 20_000,
      pingTimeout: 20_000,
    } as ServerOptions);
    server.adapter(createAdapter(this.pub, this.sub, { key: this.key, requestsTimeout: 3000 }));
    return server;
  }
}
