import { ForbiddenException, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@prystan/contract';
import { AuthService, bearerToken } from './auth.service';
import { ENROLMENT_KEY, PUBLIC_KEY, ROLES_KEY } from './decorators';

/**
 * Global: every HTTP route needs a live staff token unless marked @Public; @Roles narrows
 * further. An enrolment-only token reaches only routes marked @AllowDuringEnrolment.
 */
@Injectable()
export class StaffAuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector, private readonly auth: AuthService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const req = context.switchToHttp().getRequest();
    const access = await this.auth.resolve(bearerToken(req.headers.authorization));
    if (!access) throw new UnauthorizedException();
    req.staff = access.staff;
    req.tokenAccess = access;
    if (access.enrolmentOnly && !this.reflector.getAllAndOverride<boolean>(ENROLMENT_KEY, targets)) {
      throw new ForbiddenException({ code: 'mfa_required', message: 'set up your second factor first (/api/me/mfa/totp)' });
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(access.staff.role)) throw new ForbiddenException('your role does not allow this');
    return true;
  }
}
