import { Module } from '@nestjs/common';
import { ServicesAdminController } from './services-admin.controller';
import { ServicesController } from './services.controller';

/** The directory of crisis and support services: read by the desk and the chat page, edited by admins. */
@Module({ controllers: [ServicesController, ServicesAdminController] })
export class DirectoryModule {}
