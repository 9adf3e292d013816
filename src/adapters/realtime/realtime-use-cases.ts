import type { UseCases } from '../../application/use-cases.js';

/** The use cases the socket adapter calls. */
export type RealtimeUseCases = Pick<
  UseCases,
  'authenticate' | 'checkParticipation' | 'sendMessage' | 'notifyTyping' | 'markMessageRead' | 'trackPresence'
>;
