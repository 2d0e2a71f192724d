import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('staff')
export class StaffEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') email: string;
  @Column('text') name: string;
  @Column('text') role: string;
  @Column('text', { array: true }) languages: string[];
  @Column('integer', { name: 'max_chats' }) maxChats: number;
  @Column('text', { name: 'password_hash', select: false }) passwordHash: string;
  @Column('boolean') disabled: boolean;
  @Column('text') presence: string;
  @Column('timestamptz', { name: 'presence_since' }) presenceSince: Date;
  @Column('timestamptz', { name: 'last_offer_at', nullable: true }) lastOfferAt: Date | null;
  @Column('text', { name: 'ui_language', nullable: true }) uiLanguage: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
}
