import { Body, Controller, Get, HttpCode, Post, Req, UnauthorizedException } from '@nestjs/common';
import type { Request } from 'express';
import { IsString, Length, Matches } from 'class-validator';
import type { StaffRecord } from '@prystan/persistence';
import { AuthService, BadCredentials, bearerToken, type SecondFactorMethod, type SignedIn } from './auth.service';
import { AllowDuringEnrolment, CurrentStaff, Public } from './decorators';
import { Throttle } from '../common/public-throttle.guard';

class LoginDto {
  @IsString() @Length(3, 320) email: string;
  @IsString() @Length(1, 1024) password: string;
}

class TotpLoginDto {
  @IsString() @Length(20, 200) token: string;
  @IsString() @Matches(/^\d{6}$/, { message: 'code must be the six digits your app shows' }) code: string;
}

class RecoveryLoginDto {
  @IsString() @Length(20, 200) token: string;
  @IsString() @Matches(/^[A-Za-z0-9][A-Za-z0-9 -]{8,20}$/, { message: 'code must be one of your recovery codes (like abcde-fghjk)' }) code: string;
}

export const staffView = (s: StaffRecord) => ({ id: s.id, name: s.name, role: s.role, languages: s.languages, maxChats: s.maxChats, uiLanguage: s.uiLanguage });

const signedInView = (s: SignedIn) => ({
  accessToken: s.accessToken, expiresAt: s.expiresAt.toISOString(), staff: staffView(s.staff),
  ...(s.enrolmentOnly ? { mfaEnrolmentRequired: true } : {}),
});

/** Sign-in (password, then a second factor where needed), sign-out and who am I. */
@Controller('api/auth')
@AllowDuringEnrolment()
@Throttle('own')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  async login(@Body() body: LoginDto, @Req() req: Request) {
    const outcome = await refuseBadCredentials(this.auth.login(body.email, body.password, req.ip));
    if (outcome.kind === 'second-factor') return { mfa: { token: outcome.token, methods: outcome.methods } };
    return signedInView(outcome);
  }

  @Public()
  @Post('login/totp')
  @HttpCode(200)
  async loginTotp(@Body() body: TotpLoginDto, @Req() req: Request) {
    return this.second(body.token, 'totp', body.code, req.ip);
  }

  @Public()
  @Post('login/recovery')
  @HttpCode(200)
  async loginRecovery(@Body() body: RecoveryLoginDto, @Req() req: Request) {
    return this.second(body.token, 'recovery', body.code, req.ip);
  }

  @Post('logout')
  @HttpCode(204)
  async logout(@Req() req: Request) {
    const token = bearerToken(req.headers.authorization);
    if (token) await this.auth.logout(token);
  }

  @Get('me')
  me(@CurrentStaff() staff: StaffRecord, @Req() req: Request & { tokenAccess?: { enrolmentOnly: boolean } }) {
    return { staff: staffView(staff), ...(req.tokenAccess?.enrolmentOnly ? { mfaEnrolmentRequired: true } : {}) };
  }

  private async second(token: string, method: SecondFactorMethod, code: string, address: string | undefined) {
    return signedInView(await refuseBadCredentials(this.auth.completeSecondFactor(token, method, code, address)));
  }
}

/** Every wrong password, code, challenge or account is the same 401. */
async function refuseBadCredentials<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (err instanceof BadCredentials) throw new UnauthorizedException('wrong email, password or code');
    throw err;
  }
}
