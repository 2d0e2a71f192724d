import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsDefined, IsEmail, IsIn, IsObject, IsOptional, IsString, Length, MaxLength, ValidateNested,
} from 'class-validator';
import { CONFIG, type Config } from '@prystan/config';
import { invalidInput, LANGUAGES, notFound, SERVICE_KINDS, type Language } from '@prystan/contract';
import { Keyring, SEALED_FIELDS } from '@prystan/crypto';
import { AuditRepository, ServiceRepository, type ServiceRecord, type StaffRecord } from '@prystan/persistence';
import { CurrentStaff, Public, Roles } from '../accounts/decorators';
import { assertWebhookTargetAllowed } from '@prystan/escalation-delivery';

class ServicesQuery {
  @IsOptional() @IsIn(LANGUAGES, { message: `language must be one of ${LANGUAGES.join(', ')}` }) language?: Language;
  /** extension: `1` adds the services that do not speak `language` (named in it where the directory can) */
  @IsOptional() @IsIn(['1'], { message: 'others must be 1 when given' }) others?: '1';
}

class ChannelDto {
  @IsIn(['phone', 'webhook', 'email']) type: 'phone' | 'webhook' | 'email';
  @IsOptional() @IsString() @MaxLength(2000) url?: string;
  @IsOptional() @IsString() @Length(16, 200) secret?: string;
  @IsOptional() @IsEmail() to?: string;
}

/** Switch an entry off or on, and (extension) give it a new delivery channel. */
class ServicePatchDto {
  @IsOptional() @IsBoolean() active?: boolean;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => ChannelDto) channel?: ChannelDto;
}

class CreateServiceDto {
  @IsString() @Length(1, 200) name: string;
  @IsIn(SERVICE_KINDS) kind: string;
  @IsOptional() @IsString() @Length(1, 40) phone?: string;
  @IsOptional() @IsString() @Length(1, 200) hours?: string;
  @IsOptional() @IsString() @Length(1, 100) region?: string;
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(3) @IsIn(LANGUAGES, { each: true }) languages: Language[];
  @IsDefined() @IsObject() @ValidateNested() @Type(() => ChannelDto) channel: ChannelDto;
}

/** A directory entry as anyone may read it; `channel` (extension) is how it is reached, the type only — never a url, secret or address. */
export const publicService = (s: ServiceRecord) => ({
  id: s.id, name: s.name, kind: s.kind, phone: s.phone, hours: s.hours, region: s.region, languages: s.languages, channel: s.channelType,
});

@Controller('api/services')
export class ServicesController {
  constructor(
    private readonly services: ServiceRepository,
    private readonly keyring: Keyring,
    private readonly audit: AuditRepository,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  /** Public: the numbers a survivor can call, for their language. */
  @Public()
  @Get()
  async list(@Query() query: ServicesQuery) {
    return (await this.services.listForLanguage(query.language, false, query.others === '1' && !!query.language)).map(publicService);
  }

  /** extension: the whole directory for admins, inactive entries included, with channels. */
  @Get('all')
  @Roles('admin')
  async all() {
    return (await this.services.listForLanguage(undefined, true)).map((s) => ({ ...publicService(s), channel: s.channelType, webhookUrl: s.webhookUrl, emailTo: s.emailTo, active: s.active }));
  }

  /** extension: take a service out of the directory, or back in. */
  @Patch(':id')
  @Roles('admin')
  async setActive(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ServicePatchDto, @CurrentStaff() me: StaffRecord) {
    if (body.active === undefined && body.channel === undefined) throw invalidInput('active or channel is required');
    if (body.channel) {
      const channel = await this.checkedChannel(body.channel, (await this.services.findById(id))?.phone ?? null);
      if (!(await this.services.setChannel(id, this.channelColumns(id, channel)))) throw notFound('no such service');
    }
    if (body.active !== undefined && !(await this.services.setActive(id, body.active))) throw notFound('no such service');
    const changed = [...(body.active !== undefined ? [body.active ? 'active' : 'inactive'] : []), ...(body.channel ? [`channel:${body.channel.type}`] : [])];
    await this.audit.record(me.id, 'service.updated', { targetServiceId: id, detail: changed });
    return { id, ...(body.active !== undefined && { active: body.active }), ...(body.channel && { channel: body.channel.type }) };
  }

  /**
   * The channel's own rules: a webhook needs a URL and a secret, and its URL must not lead to an
   * internal address (checked after DNS; checked again at every delivery); an e-mail needs `to`.
   */
  private async checkedChannel(channel: ChannelDto, phone: string | null): Promise<ChannelDto> {
    if (channel.type === 'webhook') {
      if (!channel.url || !channel.secret) throw invalidInput('channel: a webhook channel needs url and secret (16 characters or more)');
      try {
        await assertWebhookTargetAllowed(channel.url, { allowHttp: this.config.ALLOW_HTTP_WEBHOOKS, allowPrivate: this.config.ALLOW_PRIVATE_WEBHOOKS });
      } catch (err) {
        throw invalidInput(`channel.url: ${(err as Error).message}`);
      }
    }
    if (channel.type === 'email' && !channel.to) throw invalidInput('channel.to: an email channel needs to');
    if (channel.type === 'phone' && !phone) throw invalidInput('phone: a phone service needs phone');
    return channel;
  }

  /** The stored form of a channel; the webhook secret sealed bound to this service's id. */
  private channelColumns(id: string, channel: ChannelDto) {
    return {
      channelType: channel.type,
      webhookUrl: channel.type === 'webhook' ? channel.url!.trim() : null,
      emailTo: channel.type === 'email' ? channel.to! : null,
      sealedSecret: channel.type === 'webhook' ? this.keyring.sealField(SEALED_FIELDS.serviceSecret(id), channel.secret!) : null,
    };
  }

  @Post()
  @HttpCode(201)
  @Roles('admin')
  async create(@Body() body: CreateServiceDto, @CurrentStaff() me: StaffRecord) {
    const channel = await this.checkedChannel(body.channel, body.phone ?? null);
    const id = randomUUID();
    await this.services.create({
      id,
      name: body.name.trim(),
      kind: body.kind,
      phone: body.phone ?? null,
      hours: body.hours ?? null,
      region: body.region ?? null,
      languages: [...new Set(body.languages)],
      ...this.channelColumns(id, channel),
    });
    await this.audit.record(me.id, 'service.created', { targetServiceId: id, detail: [channel.type] });
    return { id };
  }
}
