import { Global, Module, type DynamicModule, type Type } from '@nestjs/common';
import { ConversationService } from './conversation.service';
import { SessionEnding } from './session-ending';

/**
 * A chat as both processes see it: its messages (sealed, stored, broadcast) and its end.
 * `sockets` is the process's one module that provides the `Notifier` (a gateway's socket.io
 * server, a worker's Redis emitter); repositories, the key ring, the bus and the logger come
 * from the global PlatformModule. Global, so every module of the process shares one instance.
 */
@Global()
@Module({})
export class ConversationModule {
  static forRoot(sockets: Type | DynamicModule): DynamicModule {
    const providers = [ConversationService, SessionEnding];
    return { module: ConversationModule, imports: [sockets], providers, exports: providers };
  }
}
