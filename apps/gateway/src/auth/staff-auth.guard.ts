import { ForbiddenException, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@prystan/contract';
import { AuthService, bearerToken } from './auth.service';
import { PUBLIC_KEY, ROLES_KEY } from './decorators';

/** Global: every HTTP route needs a live staff token unless marked @Public; @Roles narrows further. */
@Injectable()
export class StaffAuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector, private readonly auth: AuthService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const req = context.switchToHttp().getRequest();
    const staff = await this.auth.resolve(bearerToken(req.headers.authorization));
    if (!staff) throw new UnauthorizedException();
    req.staff = staff;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(staff.role)) throw new ForbiddenException('your role does not allow this');
    return true;
  }
}
