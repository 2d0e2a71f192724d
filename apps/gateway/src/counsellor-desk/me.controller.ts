import { Body, Controller, Get, Patch, Query } from '@nestjs/common';
import { IsIn } from 'class-validator';
import { LANGUAGES, notFound, type Language } from '@prystan/contract';
import { StaffRepository, SupervisionRepository, type StaffRecord } from '@prystan/persistence';
import { staffView } from '../accounts/auth.controller';
import { CurrentStaff } from '../accounts/decorators';

class PreferencesDto {
  @IsIn(LANGUAGES, { message: `uiLanguage must be one of ${LANGUAGES.join(', ')}` }) uiLanguage: Language;
}

class ColleaguesQuery {
  @IsIn(LANGUAGES, { message: `language must be one of ${LANGUAGES.join(', ')}` }) language: Language;
}

/** What any signed-in staff member may change or see about themselves and their team. */
@Controller('api')
export class MeController {
  constructor(private readonly staff: StaffRepository, private readonly supervision: SupervisionRepository) {}

  /** The console's language, kept with the account. */
  @Patch('me')
  async preferences(@CurrentStaff() me: StaffRecord, @Body() body: PreferencesDto) {
    const updated = await this.staff.update(me.id, { uiLanguage: body.uiLanguage });
    if (!updated) throw notFound('no such staff member');
    return { staff: staffView(updated) };
  }

  /** Colleagues who could take a chat in this language now (for a transfer or a reassignment). */
  @Get('team/available')
  async colleagues(@CurrentStaff() me: StaffRecord, @Query() query: ColleaguesQuery) {
    return this.supervision.colleaguesWithRoom(query.language, me.id);
  }
}
