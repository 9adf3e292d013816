/** A message carries at most this many different reactions. */
export const MAX_DISTINCT_REACTIONS = 20;

/** Longest emoji accepted, in UTF-16 units: the longest standard sequences (families, flags of regions) fit. */
export const MAX_EMOJI_LENGTH = 32;

const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
/** What may join a pictograph into one emoji: skin tones, the zero-width joiner, the emoji presentation selector, tags. */
const EMOJI_PART = /^(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u200D|\uFE0F|[\u{E0020}-\u{E007F}])$/u;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** One grapheme made of a pictograph with its modifiers and joiners: 👍, 👍🏽, ❤️, 👩‍💻, 🏴󠁧󠁢󠁳󠁣󠁴󠁿. */
export const isReactionEmoji = (text: string): boolean => {
  if (text.length === 0 || text.length > MAX_EMOJI_LENGTH || !PICTOGRAPHIC.test(text)) return false;
  if ([...graphemes.segment(text)].length !== 1) return false;
  return [...text].every((codePoint) => EMOJI_PART.test(codePoint));
};

export interface Reaction {
  readonly messageId: string;
  readonly conversationId: string;
  readonly userId: string;
  readonly emoji: string;
  readonly at: Date;
}

/** One emoji on a message as a viewer sees it, in the order the emoji first appeared. */
export interface ReactionView {
  readonly emoji: string;
  readonly count: number;
  readonly reactedByMe: boolean;
}

/** The reactions of one message, grouped by emoji in the order each first appeared. */
export const reactionViews = (reactions: readonly Reaction[], viewerId: string): ReactionView[] => {
  const byEmoji = new Map<string, { count: number; reactedByMe: boolean; first: number }>();
  for (const reaction of reactions) {
    const seen = byEmoji.get(reaction.emoji) ?? { count: 0, reactedByMe: false, first: reaction.at.getTime() };
    byEmoji.set(reaction.emoji, {
      count: seen.count + 1,
      reactedByMe: seen.reactedByMe || reaction.userId === viewerId,
      first: Math.min(seen.first, reaction.at.getTime()),
    });
  }
  return [...byEmoji]
    .sort(([a, x], [b, y]) => x.first - y.first || (a < b ? -1 : a > b ? 1 : 0))
    .map(([emoji, { count, reactedByMe }]) => ({ emoji, count, reactedByMe }));
};
