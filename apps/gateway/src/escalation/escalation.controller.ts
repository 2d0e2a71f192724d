import { Controller, Get, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CONFIG, type Config } from '@prystan/config';
import { notFound } from '@prystan/contract';
import { verifyAckToken } from '@prystan/escalation-delivery';
import { EscalationRepository } from '@prystan/persistence';
import { Public, Roles } from '../accounts/decorators';
import { pageHeaders } from '../web/page-headers';
import { EscalationService } from './escalation.service';

@Controller('api/escalations')
export class EscalationController {
  constructor(
    private readonly service: EscalationService,
    private readonly escalations: EscalationRepository,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  /** Open and recent escalations for the managers' board: codes and names only, never details. */
  @Get()
  @Roles('manager', 'admin')
  async list() {
    return (await this.escalations.listRecent()).map((e) => ({
      escalationId: e.id, sessionId: e.sessionId, serviceId: e.serviceId, serviceName: e.serviceName, serviceKind: e.serviceKind,
      channel: e.channelType, urgency: e.urgency, status: e.status, phoneResult: e.phoneResult, attempts: e.attempts,
      staffName: e.staffName, createdAt: new Date(e.createdAt).toISOString(), statusAt: new Date(e.statusAt).toISOString(),
    }));
  }

  /** The service acknowledges through its signed link (no body needed). */
  @Public()
  @Post('ack/:token')
  @HttpCode(200)
  async acknowledge(@Param('token') token: string) {
    const id = verifyAckToken(this.config.appSecret, token);
    if (!id) throw notFound('unknown acknowledgement link');
    const current = await this.escalations.findById(id);
    if (!current) throw notFound('unknown acknowledgement link');
    const updated = await this.service.acknowledge(id);
    return { escalationId: id, status: updated?.status ?? current.status };
  }

  /** A person who opens the link from an e-mail gets a button, so a link preview cannot acknowledge by itself. */
  @Public()
  @Get('ack/:token')
  page(@Param('token') token: string, @Res() res: Response) {
    if (!verifyAckToken(this.config.appSecret, token)) throw notFound('unknown acknowledgement link');
    res.set({ ...pageHeaders(this.config, 'console'), 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).send(
      `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
      `<title>Acknowledge escalation</title><h1>Acknowledge this escalation</h1>` +
      `<form method="post"><button type="submit">We have received it</button></form></html>`,
    );
  }
}
