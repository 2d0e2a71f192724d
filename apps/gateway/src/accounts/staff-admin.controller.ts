import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { conflict, LANGUAGES, notFound, ROLES, type Language, type Role } from '@prystan/contract';
import { AuditRepository, EmailTakenError, StaffRepository, TokenRepository, type StaffRecord } from '@prystan/persistence';
import { Notifier } from '@prystan/platform';
import { hashPassword } from './auth.service';
import { CurrentStaff, Roles } from './decorators';
import { SecondFactorService } from './second-factor.service';

class CreateStaffDto {
  @IsEmail() email: string;
  @IsString() @Length(1, 100) name: string;
  @IsIn(ROLES) role: Role;
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(3) @IsIn(LANGUAGES, { each: true }) languages: Language[];
  @IsOptional() @IsInt() @Min(1) @Max(10) maxChats?: number;
  @IsString() @Length(10, 1024) password: string;
}

class UpdateStaffDto {
  @IsOptional() @IsString() @Length(1, 100) name?: string;
  @IsOptional() @IsIn(ROLES) role?: Role;
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(3) @IsIn(LANGUAGES, { each: true }) languages?: Language[];
  @IsOptional() @IsInt() @Min(1) @Max(10) maxChats?: number;
  @IsOptional() @IsBoolean() disabled?: boolean;
  @IsOptional() @IsString() @Length(10, 1024) password?: string;
}

type StaffAuditAction = 'staff.disabled' | 'staff.password-reset' | 'staff.updated';

/** What a change to an account is audited as: the action and the changed fields' names, never their values. */
function auditedChanges(body: UpdateStaffDto): { action: StaffAuditAction; detail: string[] }[] {
  const fields: string[] = (['name', 'role', 'languages', 'maxChats'] as const).filter((f) => body[f] !== undefined);
  if (body.disabled === false) fields.push('enabled');
  return [
    ...(body.disabled === true ? [{ action: 'staff.disabled' as const, detail: [] }] : []),
    ...(body.password ? [{ action: 'staff.password-reset' as const, detail: [] }] : []),
    ...(fields.length ? [{ action: 'staff.updated' as const, detail: fields }] : []),
  ];
}

export const adminStaffView = (s: StaffRecord) => ({
  id: s.id, email: s.email, name: s.name, role: s.role, languages: s.languages, maxChats: s.maxChats, disabled: s.disabled,
  presence: s.presence, presenceSince: new Date(s.presenceSince).toISOString(),
});

/**
 * Admins manage staff accounts. Disabling, a new password, a new role or a second-factor reset
 * signs the person out everywhere (a new role may need a second factor the old one did not).
 */
@Controller('api/admin/staff')
@Roles('admin')
export class StaffAdminController {
  constructor(
    private readonly staff: StaffRepository,
    private readonly tokens: TokenRepository,
    private readonly notifier: Notifier,
    private readonly secondFactors: SecondFactorService,
    private readonly audit: AuditRepository,
  ) {}

  @Get()
  async list() {
    return (await this.staff.list()).map(adminStaffView);
  }

  @Post()
  @HttpCode(201)
  async create(@Body() body: CreateStaffDto, @CurrentStaff() me: StaffRecord) {
    try {
      const created = await this.staff.create({
        email: body.email, name: body.name, role: body.role, languages: [...new Set(body.languages)], maxChats: body.maxChats ?? 1,
        passwordHash: await hashPassword(body.password),
      });
      await this.audit.record(me.id, 'staff.created', { targetStaffId: created.id, detail: [created.role] });
      return { id: created.id };
    } catch (err) {
      if (err instanceof EmailTakenError) throw conflict(err.message);
      throw err;
    }
  }

  @Patch(':id')
  async update(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateStaffDto, @CurrentStaff() me: StaffRecord) {
    if (id === me.id && (body.disabled === true || (body.role && body.role !== 'admin'))) throw conflict('you cannot disable yourself or give up your own admin role');
    const updated = await this.staff.update(id, {
      name: body.name, role: body.role, languages: body.languages && [...new Set(body.languages)], maxChats: body.maxChats, disabled: body.disabled,
      passwordHash: body.password ? await hashPassword(body.password) : undefined,
    });
    if (!updated) throw notFound('no such staff member');
    for (const change of auditedChanges(body)) await this.audit.record(me.id, change.action, { targetStaffId: id, detail: change.detail });
    if (body.disabled || body.password || body.role) {
      await this.tokens.revokeAllFor(id);
      this.notifier.disconnectStaff(id);
    }
    return adminStaffView(updated);
  }

  /** Removes a person's second factors (a lost phone) and signs them out; they set one up again at their next sign-in. */
  @Post(':id/mfa-reset')
  @HttpCode(204)
  async resetSecondFactor(@Param('id', new ParseUUIDPipe()) id: string, @CurrentStaff() me: StaffRecord) {
    if (!(await this.staff.findById(id))) throw notFound('no such staff member');
    await this.secondFactors.reset(me.id, id);
  }
}
