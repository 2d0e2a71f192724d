import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { healthBody } from '@prystan/metrics';
import { Public } from '../accounts/decorators';
import { Throttle } from '../common/public-throttle.guard';
import { GatewayHealth } from './gateway-health';

@Controller('api/health')
export class HealthController {
  constructor(private readonly probe: GatewayHealth) {}

  /** 200 `{status: "ok"}`, or 503 naming what is down (postgres, redis, bus). */
  @Public()
  @Throttle('pages')
  @Get()
  async health(@Res({ passthrough: true }) res: Response) {
    const report = await this.probe.check();
    if (!report.ok) res.status(503);
    return healthBody(report);
  }
}
