import { ContactLogEntity } from './contact-log.entity';
import { ServiceEntity } from './service.entity';
import { StaffEntity } from './staff.entity';

export { ContactLogEntity, ServiceEntity, StaffEntity };
export const ENTITIES = [StaffEntity, ServiceEntity, ContactLogEntity];
