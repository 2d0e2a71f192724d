import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One anonymised contact: its own random id, no session id, the hour only, fixed codes only. */
@Entity('contact_log')
export class ContactLogEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('timestamptz') hour: Date;
  @Column('text') language: string;
  @Column('boolean') answered: boolean;
  @Column('boolean') abandoned: boolean;
  @Column('text', { name: 'wait_band' }) waitBand: string;
  @Column('text', { name: 'duration_band', nullable: true }) durationBand: string | null;
  @Column('text') outcome: string;
  @Column('text', { name: 'risk_level', nullable: true }) riskLevel: string | null;
  @Column('text', { array: true }) categories: string[];
  @Column('text', { name: 'escalation_kinds', array: true }) escalationKinds: string[];
  @Column('text', { name: 'for_whom', nullable: true }) forWhom: string | null;
  @Column('text', { name: 'age_group', nullable: true }) ageGroup: string | null;
  @Column('boolean', { name: 'immediate_danger' }) immediateDanger: boolean;
  @Column('boolean', { name: 'risk_flagged' }) riskFlagged: boolean;
  @Column('text', { name: 'ended_by' }) endedBy: string;
  @Column('boolean', { name: 'quick_exit' }) quickExit: boolean;
}
