import { Body, Controller, Get, Param, ParseUUIDPipe, Patch } from '@nestjs/common';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsObject, IsOptional, IsString, Length, MaxLength, ValidateNested } from 'class-validator';
import { LANGUAGES, notFound, SERVICE_KINDS, type Language } from '@prystan/contract';
import { AuditRepository, ServiceRepository, type StaffRecord } from '@prystan/persistence';
import { CurrentStaff, Roles } from '../accounts/decorators';

/** A name per language; an empty one removes that translation. */
class ServiceNamesDto {
  @IsOptional() @IsString() @MaxLength(200) pl?: string;
  @IsOptional() @IsString() @MaxLength(200) uk?: string;
  @IsOptional() @IsString() @MaxLength(200) en?: string;
}

class UpdateServiceDto {
  @IsOptional() @IsString() @Length(1, 200) name?: string;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => ServiceNamesDto) names?: ServiceNamesDto;
  @IsOptional() @IsIn(SERVICE_KINDS) kind?: string;
  @IsOptional() @IsString() @MaxLength(40) phone?: string;
  @IsOptional() @IsString() @MaxLength(200) hours?: string;
  @IsOptional() @IsString() @MaxLength(100) region?: string;
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(3) @IsIn(LANGUAGES, { each: true }) languages?: Language[];
}

const blankToNull = (value: string | undefined) => (value === undefined ? undefined : value.trim() || null);

/** Admins edit the directory's entries (adding is `POST /api/services`, switching off `PATCH /api/services/:id`). */
@Controller('api/admin/services')
@Roles('admin')
export class ServicesAdminController {
  constructor(private readonly services: ServiceRepository, private readonly audit: AuditRepository) {}

  @Get()
  async list() {
    return (await this.services.listForAdmin()).map((s) => ({
      id: s.id, name: s.name, names: s.names, kind: s.kind, phone: s.phone, hours: s.hours, region: s.region, languages: s.languages,
      channel: s.channelType, webhookUrl: s.webhookUrl, emailTo: s.emailTo, active: s.active,
    }));
  }

  @Patch(':id')
  async update(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateServiceDto, @CurrentStaff() me: StaffRecord) {
    const names = body.names && Object.fromEntries(Object.entries(body.names).map(([l, n]) => [l, (n ?? '').trim()]).filter(([, n]) => n));
    const found = await this.services.update(id, {
      name: body.name?.trim() || undefined, names, kind: body.kind, phone: blankToNull(body.phone), hours: blankToNull(body.hours),
      region: blankToNull(body.region), languages: body.languages && [...new Set(body.languages)],
    });
    if (!found) throw notFound('no such service');
    await this.audit.record(me.id, 'service.updated', { targetServiceId: id, detail: Object.keys(body).filter((k) => body[k as keyof UpdateServiceDto] !== undefined) });
    return { id };
  }
}
