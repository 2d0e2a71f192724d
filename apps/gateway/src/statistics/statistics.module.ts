import { Module } from '@nestjs/common';
import { StatsController } from './stats.controller';

/** Statistics for funders from the anonymised contact log, small cells suppressed. */
@Module({ controllers: [StatsController] })
export class StatisticsModule {}
