import { Body, Controller, Get, HttpCode, Post, Req, UnauthorizedException } from '@nestjs/common';
import type { Request } from 'express';
import { IsString, Length } from 'class-validator';
import type { StaffRecord } from '@prystan/persistence';
import { AuthService, BadCredentials, bearerToken } from './auth.service';
import { CurrentStaff, Public } from './decorators';

class LoginDto {
  @IsString() @Length(3, 320) email: string;
  @IsString() @Length(1, 1024) password: string;
}

export const staffView = (s: StaffRecord) => ({ id: s.id, name: s.name, role: s.role, languages: s.languages, maxChats: s.maxChats, uiLanguage: s.uiLanguage });

@Controller('api/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  async login(@Body() body: LoginDto, @Req() req: Request) {
    try {
      const result = await this.auth.login(body.email, body.password, req.ip);
      return { accessToken: result.accessToken, expiresAt: result.expiresAt.toISOString(), staff: staffView(result.staff) };
    } catch (err) {
      if (err instanceof BadCredentials) throw new UnauthorizedException('wrong email or password');
      throw err;
    }
  }

  @Post('logout')
  @HttpCode(204)
  async logout(@Req() req: Request) {
    const token = bearerToken(req.headers.authorization);
    if (token) await this.auth.logout(token);
  }

  @Get('me')
  me(@CurrentStaff() staff: StaffRecord) {
    return { staff: staffView(staff) };
  }
}
