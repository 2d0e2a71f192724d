import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { conflict, LANGUAGES, notFound, ROLES, type Language, type Role } from '@prystan/contract';
import { EmailTakenError, StaffRepository, TokenRepository, type StaffRecord } from '@prystan/persistence';
import { Notifier } from '@prystan/platform';
import { hashPassword } from '../auth/auth.service';
import { CurrentStaff, Roles } from '../auth/decorators';

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

export const adminStaffView = (s: StaffRecord) => ({
  id: s.id, email: s.email, name: s.name, role: s.role, languages: s.languages, maxChats: s.maxChats, disabled: s.disabled,
  presence: s.presence, presenceSince: new Date(s.presenceSince).toISOString(),
});

/** Admins manage staff accounts. Disabling or a new password signs the person out everywhere; a new role reconnects them. */
@Controller('api/admin/staff')
@Roles('admin')
export class StaffAdminController {
  constructor(private readonly staff: StaffRepository, private readonly tokens: TokenRepository, private readonly notifier: Notifier) {}

  @Get()
  async list() {
    return (await this.staff.list()).map(adminStaffView);
  }

  @Post()
  @HttpCode(201)
  async create(@Body() body: CreateStaffDto) {
    try {
      const created = await this.staff.create({
        email: body.email, name: body.name, role: body.role, languages: [...new Set(body.languages)], maxChats: body.maxChats ?? 1,
        passwordHash: await hashPassword(body.password),
      });
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
    if (body.disabled || body.password) {
      await this.tokens.revokeAllFor(id);
      this.notifier.disconnectStaff(id);
    } else if (body.role) {
      // sockets keep the role they connected with: the console reconnects and gets the new one
      this.notifier.disconnectStaff(id);
    }
    return adminStaffView(updated);
  }
}
