/** Every collection the Mongo adapters use, so indexes and repositories agree on the names. */
export const COLLECTIONS = {
  users: 'users',
  sessions: 'sessions',
  conversations: 'conversations',
  memberships: 'memberships',
  messages: 'messages',
  autoMessages: 'auto_messages',
  autoMessagePlans: 'auto_message_plans',
  claimTickets: 'claim_tickets',
  changes: 'changes',
  reactions: 'reactions',
  blocks: 'blocks',
} as const;
