import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Max, Min, Validate } from 'class-validator';
import { invalidInput, LANGUAGES, MessageTextConstraint, notFound, type Language } from '@prystan/contract';
import { AuditRepository, CannedRepository, type CannedKind, type StaffRecord } from '@prystan/persistence';
import { CurrentStaff, Roles } from '../accounts/decorators';

const KINDS = ['opener', 'reply'] as const;

class CreateCannedDto {
  @IsIn(LANGUAGES) language: Language;
  @IsOptional() @IsIn(KINDS) kind?: CannedKind;
  @IsString() @Length(1, 120) title: string;
  @Validate(MessageTextConstraint) text: string;
  @IsOptional() @IsInt() @Min(0) @Max(100_000) sortOrder?: number;
}

class UpdateCannedDto {
  @IsOptional() @IsIn(LANGUAGES) language?: Language;
  @IsOptional() @IsIn(KINDS) kind?: CannedKind;
  @IsOptional() @IsString() @Length(1, 120) title?: string;
  @IsOptional() @Validate(MessageTextConstraint) text?: string;
  @IsOptional() @IsInt() @Min(0) @Max(100_000) sortOrder?: number;
  @IsOptional() @IsBoolean() active?: boolean;
}

function trimmedTitle(title: string | undefined): string | undefined {
  if (title === undefined) return undefined;
  if (!title.trim()) throw invalidInput('title must not be blank');
  return title.trim();
}

/** Any signed-in staff member: the active quick replies of every language. */
@Controller('api/canned')
export class CannedController {
  constructor(private readonly canned: CannedRepository) {}

  @Get()
  async list() {
    return (await this.canned.list(false)).map(({ sortOrder: _s, active: _a, ...r }) => r);
  }
}

/** Admins keep the quick replies: add, edit, switch off, delete. */
@Controller('api/admin/canned')
@Roles('admin')
export class CannedAdminController {
  constructor(private readonly canned: CannedRepository, private readonly audit: AuditRepository) {}

  @Get()
  list() {
    return this.canned.list(true);
  }

  @Post()
  @HttpCode(201)
  async create(@Body() body: CreateCannedDto, @CurrentStaff() me: StaffRecord) {
    const id = await this.canned.create({
      language: body.language, kind: body.kind ?? 'reply', title: trimmedTitle(body.title)!, text: body.text.trim(), sortOrder: body.sortOrder ?? 500,
    });
    await this.audit.record(me.id, 'canned.changed', { detail: ['created', body.language] });
    return { id };
  }

  @Patch(':id')
  async update(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateCannedDto, @CurrentStaff() me: StaffRecord) {
    const updated = await this.canned.update(id, { ...body, title: trimmedTitle(body.title), text: body.text?.trim() });
    if (!updated) throw notFound('no such quick reply');
    await this.audit.record(me.id, 'canned.changed', { detail: ['updated', ...Object.keys(body).filter((k) => body[k as keyof UpdateCannedDto] !== undefined)] });
    return updated;
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@Param('id', new ParseUUIDPipe()) id: string, @CurrentStaff() me: StaffRecord) {
    if (!(await this.canned.remove(id))) throw notFound('no such quick reply');
    await this.audit.record(me.id, 'canned.changed', { detail: ['deleted'] });
  }
}
