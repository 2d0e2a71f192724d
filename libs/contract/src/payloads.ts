import { Type } from 'class-transformer';
import {
  ArrayMaxSize, Equals, IsArray, IsBoolean, IsDefined, IsIn, IsNotEmptyObject, IsObject, IsOptional,
  IsString, IsUUID, Length, Matches, MaxLength, ValidateNested, Validate, ValidatorConstraint, type ValidatorConstraintInterface,
} from 'class-validator';
import { AGE_GROUPS, CATEGORIES, FOR_WHOM, LANGUAGES, OUTCOMES, PRESENCE, RISK_LEVELS, TEXT_MAX, URGENCIES } from './codes';
import type { Language } from './codes';
import type {
  EscalationCreate, EscalationDetails, EscalationPhoneResult, PresenceSet, SessionClose, SessionEnd, SessionReassign, SessionRef,
  SessionResume, SessionsList, SessionStart, SessionTransfer, StaffMessage, StaffTyping, SurvivorMessage, SurvivorTyping,
} from './requests';
import type { Triage } from './wire';

/** The validating classes of every client payload (server only: class-validator). Each implements its shape in requests.ts. */

/** Text is 1 to 4000 characters after trimming. */
@ValidatorConstraint({ name: 'messageText' })
export class MessageTextConstraint implements ValidatorConstraintInterface {
  validate(value: unknown) {
    return typeof value === 'string' && value.trim().length >= 1 && value.trim().length <= TEXT_MAX;
  }
  defaultMessage() {
    return `text must be 1 to ${TEXT_MAX} characters after trimming`;
  }
}

export class TriageDto implements Triage {
  @IsDefined() @IsBoolean() immediateDanger: boolean;
  @IsOptional() @IsIn(FOR_WHOM) forWhom?: (typeof FOR_WHOM)[number];
  @IsOptional() @IsIn(AGE_GROUPS) ageGroup?: (typeof AGE_GROUPS)[number];
}

export class SessionStartDto implements SessionStart {
  @IsIn(LANGUAGES, { message: `language must be one of ${LANGUAGES.join(', ')}` }) language: Language;
  @IsDefined() @IsObject() @ValidateNested() @Type(() => TriageDto) triage: TriageDto;
}

export class SessionResumeDto implements SessionResume {
  @IsString() @Length(20, 200) resumeToken: string;
  /**
   * Extension: the token this resume moves the session to, chosen by the client and kept before it
   * asks, so an answer lost to a reload or a dropped connection cannot lock it out (docs/protocol.md).
   */
  @IsOptional() @IsString() @Matches(/^[A-Za-z0-9_-]{43}$/, { message: 'nextResumeToken must be 32 random bytes in base64url (43 characters)' })
  nextResumeToken?: string;
}

export class SurvivorMessageDto implements SurvivorMessage {
  @IsString() @Length(1, 100) clientId: string;
  @Validate(MessageTextConstraint) text: string;
}

export class SurvivorTypingDto implements SurvivorTyping {
  @IsBoolean() isTyping: boolean;
}

export class SessionEndDto implements SessionEnd {
  @IsOptional() @IsIn(['quick-exit']) reason?: 'quick-exit';
}

export class PresenceDto implements PresenceSet {
  @IsIn(PRESENCE) status: (typeof PRESENCE)[number];
}

export class SessionRefDto implements SessionRef {
  @IsUUID() sessionId: string;
}

export class StaffMessageDto implements StaffMessage {
  @IsUUID() sessionId: string;
  @IsString() @Length(1, 100) clientId: string;
  @Validate(MessageTextConstraint) text: string;
}

export class StaffTypingDto implements StaffTyping {
  @IsUUID() sessionId: string;
  @IsBoolean() isTyping: boolean;
}

export class SessionCloseDto implements SessionClose {
  @IsUUID() sessionId: string;
  @IsIn(OUTCOMES) outcome: (typeof OUTCOMES)[number];
  @IsIn(RISK_LEVELS) riskLevel: (typeof RISK_LEVELS)[number];
  @IsArray() @ArrayMaxSize(CATEGORIES.length) @IsIn(CATEGORIES, { each: true }) categories: (typeof CATEGORIES)[number][];
}

export class EscalationDetailsDto implements EscalationDetails {
  @IsString() @Length(1, 2000) summary: string;
  @IsOptional() @IsString() @MaxLength(40) callbackPhone?: string;
  @IsOptional() @IsString() @MaxLength(300) location?: string;
}

export class EscalationCreateDto implements EscalationCreate {
  @IsUUID() sessionId: string;
  @IsUUID() serviceId: string;
  @IsIn(URGENCIES) urgency: (typeof URGENCIES)[number];
  @Equals(true, { message: 'consent must be true: escalate only with the survivor\'s explicit consent' }) consent: true;
  @IsNotEmptyObject() @ValidateNested() @Type(() => EscalationDetailsDto) details: EscalationDetailsDto;
}

/** extension: hand an active chat to another counsellor, or back to a language line. */
export class SessionTransferDto implements SessionTransfer {
  @IsUUID() sessionId: string;
  @IsOptional() @IsUUID() toStaffId?: string;
  @IsOptional() @IsIn(LANGUAGES) toLanguage?: Language;
  @IsOptional() @IsString() @MaxLength(500) note?: string;
}

/** extension: a duty manager moves a session still in the line to a counsellor (as an offer) or to another language's line. */
export class SessionReassignDto implements SessionReassign {
  @IsUUID() sessionId: string;
  @IsOptional() @IsUUID() toStaffId?: string;
  @IsOptional() @IsIn(LANGUAGES) toLanguage?: Language;
}

/** extension: `mine` — one's own chats and offers (after a reload); `live` — every live session, for managers (no text). */
export class SessionsListDto implements SessionsList {
  @IsIn(['mine', 'live']) scope: 'mine' | 'live';
}

/** extension: what happened when the counsellor called a `phone` service. */
export class EscalationPhoneResultDto implements EscalationPhoneResult {
  @IsUUID() escalationId: string;
  @IsIn(['called', 'reached', 'not-reached']) result: 'called' | 'reached' | 'not-reached';
}
