import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('service')
export class ServiceEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') name: string;
  @Column('text') kind: string;
  @Column('text', { nullable: true }) phone: string | null;
  @Column('text', { nullable: true }) hours: string | null;
  @Column('text', { nullable: true }) region: string | null;
  @Column('text', { array: true }) languages: string[];
  @Column('text', { name: 'channel_type' }) channelType: 'phone' | 'webhook' | 'email';
  @Column('text', { name: 'webhook_url', nullable: true }) webhookUrl: string | null;
  /** Sealed with the message key; never returned by the API. */
  @Column('bytea', { name: 'webhook_secret', nullable: true, select: false }) webhookSecret: Buffer | null;
  @Column('text', { name: 'email_to', nullable: true }) emailTo: string | null;
  @Column('boolean') active: boolean;
  @Column('integer', { name: 'sort_order' }) sortOrder: number;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
}
