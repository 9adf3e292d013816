import type { Core } from '../../../support/build-core.js';
import { right } from '../../../support/build-core.js';

export type Member = Awaited<ReturnType<Core['register']>>;

/** Registers users by name, in order. */
export const members = async (core: Core, ...names: string[]): Promise<Member[]> => {
  const registered: Member[] = [];
  for (const name of names) registered.push(await core.register(name));
  return registered;
};

/** A group `owner` made with `others`, as the creator saw it. */
export const makeGroup = async (core: Core, owner: Member, others: readonly Member[], title = 'Team') =>
  right(
    await core.useCases.createConversation.execute(owner.claims, {
      participantIds: others.map((member) => member.user.id),
      title,
    }),
  ).conversation;

export const sendTo = async (core: Core, from: Member, conversationId: string, content: string) =>
  right(await core.useCases.sendMessage.execute(from.claims, { conversationId, content })).message;

export const contents = async (core: Core, viewer: Member, conversationId: string) =>
  right(await core.useCases.getConversationHistory.execute(viewer.claims, conversationId, {})).messages.map(
    (message) => message.content,
  );
