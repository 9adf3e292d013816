/**
 * A planned automated message. The item is its own outbox: it moves
 * planned → queued (claimed with a lease) → sent, or → dead after the last
 * failed attempt. A queued item whose lease runs out unsent is queued again.
 */
export type AutoMessageStatus = 'planned' | 'queued' | 'sent' | 'dead';

export interface AutoMessage {
  readonly id: string;
  /** `<planDay>#<slot>`: unique, so re-planning a day adds nothing. */
  readonly planKey: string;
  readonly planDay: string;
  readonly senderId: string;
  readonly receiverId: string;
  readonly content: string;
  readonly sendAt: Date;
  readonly status: AutoMessageStatus;
  readonly leaseUntil: Date | null;
  readonly retryCount: number;
  readonly lastError: string | null;
  readonly messageId: string | null;
  readonly createdAt: Date;
  readonly queuedAt: Date | null;
  readonly sentAt: Date | null;
}

export interface PlannedPair {
  readonly senderId: string;
  readonly receiverId: string;
  readonly content: string;
  readonly sendAt: Date;
}

/** The canonical plan of one day: whichever process stores it first wins. */
export interface AutoMessagePlan {
  readonly day: string;
  readonly pairs: readonly PlannedPair[];
  readonly createdAt: Date;
}

export const planKeyOf = (day: string, slot: number): string => `${day}#${slot}`;

/** The calendar day (UTC) a planning run belongs to, e.g. `2026-11-24`. */
export const planDayOf = (now: Date): string => now.toISOString().slice(0, 10);

export const AUTO_MESSAGE_TEMPLATES: readonly string[] = [
  'Hi there! Hope your day is going well.',
  'Hello! What are you working on today?',
  'Hey, good to see you around here.',
  'Quick hello: anything new on your side?',
  'Greetings! Any plans for the weekend?',
  'Hi! Have you read anything good lately?',
  'Hello friend, how has your week been?',
  'Hey! What is the best thing that happened to you today?',
];
