import { Processor } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import type { Job } from 'bullmq';
import { LOGGER, type AppLogger } from '@prystan/logging';
import { JOB, QUEUE } from '@prystan/queue';
import { idField, QueueProcessor } from '../runtime/queue-processor';
import { SessionClosureService } from './session-closure.service';

/** The end of a session: its transcript deleted and, once the closing form is in, its anonymised record written. */
@Processor(QUEUE.sessions)
export class SessionClosureProcessor extends QueueProcessor<typeof QUEUE.sessions> {
  protected readonly handlers = {
    [JOB.sessionEnded]: (job: Job) => this.closure.process(idField(job, 'sessionId')),
  };

  constructor(private readonly closure: SessionClosureService, @Inject(LOGGER) protected readonly logger: AppLogger) {
    super();
  }
}
