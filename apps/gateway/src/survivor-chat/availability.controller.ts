import { Controller, Get, Query } from '@nestjs/common';
import { IsIn } from 'class-validator';
import { LANGUAGES, type Language } from '@prystan/contract';
import { LineService } from '@prystan/routing';
import { Public } from '../accounts/decorators';

class AvailabilityQuery {
  @IsIn(LANGUAGES, { message: `language must be one of ${LANGUAGES.join(', ')}` }) language: Language;
}

/** Public: whether anyone is on duty in a language, so the survivor page can say so before anyone waits. */
@Controller('api/availability')
export class AvailabilityController {
  constructor(private readonly line: LineService) {}

  @Public()
  @Get()
  async availability(@Query() query: AvailabilityQuery) {
    return { language: query.language, onDuty: (await this.line.onDutySlots(query.language)) > 0 };
  }
}
