import { Module } from '@nestjs/common';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginThrottle } from './login-throttle';
import { SecondFactorController } from './second-factor.controller';
import { SecondFactorService } from './second-factor.service';
import { StaffAdminController } from './staff-admin.controller';
import { TokenLiveness } from './token-liveness';

/** Staff accounts: sign-in and its second factor, tokens and their liveness, and the admin's staff list. */
@Module({
  controllers: [AuthController, SecondFactorController, StaffAdminController],
  providers: [AuthService, LoginThrottle, TokenLiveness, SecondFactorService],
  exports: [AuthService, TokenLiveness],
})
export class AccountsModule {}
