import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { IsString, Matches } from 'class-validator';
import type { StaffRecord, TokenAccess } from '@prystan/persistence';
import { staffView } from './auth.controller';
import { AuthService, bearerToken } from './auth.service';
import { AllowDuringEnrolment, CurrentStaff } from './decorators';
import { SecondFactorService } from './second-factor.service';

class ConfirmTotpDto {
  @IsString() @Matches(/^\d{6}$/, { message: 'code must be the six digits your app shows' }) code: string;
}

/** `/api/me/mfa/*`: a signed-in person sets up their own second factor (also with an enrolment-only token). */
@Controller('api/me/mfa')
@AllowDuringEnrolment()
export class SecondFactorController {
  constructor(private readonly factors: SecondFactorService, private readonly auth: AuthService) {}

  @Post('totp')
  @HttpCode(200)
  async start(@CurrentStaff() me: StaffRecord) {
    return this.factors.startTotp(me);
  }

  /**
   * Confirms with a first code and answers the recovery codes. An enrolment-only token is
   * replaced by a full one here (extension): the person has just shown both factors.
   */
  @Post('totp/confirm')
  @HttpCode(200)
  async confirm(@CurrentStaff() me: StaffRecord, @Body() body: ConfirmTotpDto, @Req() req: Request & { tokenAccess?: TokenAccess }) {
    const recoveryCodes = await this.factors.confirmTotp(me, body.code);
    if (!req.tokenAccess?.enrolmentOnly) return { recoveryCodes };
    const signedIn = await this.auth.upgradeEnrolment(me, bearerToken(req.headers.authorization)!);
    return { recoveryCodes, accessToken: signedIn.accessToken, expiresAt: signedIn.expiresAt.toISOString(), staff: staffView(me) };
  }
}
