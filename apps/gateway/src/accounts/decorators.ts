import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Role } from '@prystan/contract';
import type { StaffRecord } from '@prystan/persistence';

export const PUBLIC_KEY = 'prystan:public';
export const ROLES_KEY = 'prystan:roles';
export const ENROLMENT_KEY = 'prystan:enrolment';

/** A route anyone may call; every other /api route needs a staff token. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
/** The roles allowed on a route (any signed-in staff member if absent). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
/** A route an enrolment-only token may call (`/api/auth/*`, `/api/me/mfa/*`); every other answers `mfa_required`. */
export const AllowDuringEnrolment = () => SetMetadata(ENROLMENT_KEY, true);

export const CurrentStaff = createParamDecorator((_: unknown, ctx: ExecutionContext): StaffRecord => ctx.switchToHttp().getRequest().staff);
