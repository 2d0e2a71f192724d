import { Global, Module } from '@nestjs/common';
import { CONFIG, type Config } from '@prystan/config';
import { Db, RoutingRepository } from '@prystan/persistence';
import { LineService } from './line.service';
import { RoutingService } from './routing.service';

/**
 * The routing pass and the line's positions, for every module of the process (as before, when
 * the platform wired them); the database and the repository come from the global PlatformModule.
 */
@Global()
@Module({
  providers: [
    {
      provide: RoutingService,
      inject: [Db, RoutingRepository, CONFIG],
      useFactory: (db: Db, repo: RoutingRepository, config: Config) => new RoutingService(db, repo, config.OFFER_TIMEOUT_SECONDS),
    },
    {
      provide: LineService,
      inject: [Db, RoutingRepository, CONFIG],
      useFactory: (db: Db, repo: RoutingRepository, config: Config) => new LineService(db, repo, config.OFFER_TIMEOUT_SECONDS),
    },
  ],
  exports: [RoutingService, LineService],
})
export class RoutingModule {}
