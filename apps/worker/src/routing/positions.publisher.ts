import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { CONFIG, type Config } from '@prystan/config';
import { CHAT_OUT, LANGUAGES } from '@prystan/contract';
import { LOGGER, type AppLogger } from '@prystan/logging';
import { Notifier, REDIS } from '@prystan/platform';
import { LineService } from '@prystan/routing';
import { IntervalGate } from '../runtime/interval-gate';

/**
 * Tells each waiting survivor their position and estimate when either changed, after a pass
 * asked for it: at most once a second across all workers, however many passes run. In a flood
 * the line is read once a second per language, not once per arrival, and a survivor hears a
 * new number at most once a second.
 */
@Injectable()
export class PositionsPublisher {
  private readonly gate: IntervalGate;

  constructor(
    @Inject(REDIS) redis: Redis,
    @Inject(CONFIG) config: Config,
    private readonly line: LineService,
    private readonly notifier: Notifier,
    @Inject(LOGGER) logger: AppLogger,
  ) {
    this.gate = new IntervalGate(redis, `${config.REDIS_PREFIX}:positions:gate`, 1000, () => this.tellAll(),
      (err) => logger.warn({ err }, 'positions not told; the next pass tells them'));
  }

  request(): void {
    this.gate.request();
  }

  stop(): void {
    this.gate.stop();
  }

  private async tellAll(): Promise<void> {
    for (const language of LANGUAGES) {
      await this.line.tellChangedPositions(language, (update) =>
        this.notifier.survivor(update.sessionId, CHAT_OUT.position, { position: update.position, estimatedWaitSeconds: update.estimatedWaitSeconds }));
    }
  }
}
