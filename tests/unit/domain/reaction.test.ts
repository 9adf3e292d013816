import { describe, expect, it } from 'vitest';
import { isReactionEmoji, reactionViews } from '../../../src/domain/reaction.js';

describe('reaction emoji', () => {
  it('accepts one pictograph with its skin tone, presentation selector, joiners or tags', () => {
    for (const emoji of ['👍', '👍🏽', '❤️', '❤', '👩‍💻', '👨‍👩‍👧‍👦', '🏳️‍🌈', '🏴󠁧󠁢󠁳󠁣󠁴󠁿', '©️']) {
      expect(isReactionEmoji(emoji), emoji).toBe(true);
    }
  });

  it('refuses text, two emoji, flags of regional letters, keycaps, lone modifiers and padding', () => {
    for (const text of ['', 'a', ':)', '👍👍', '🇫🇷', '1️⃣', '🏽', '\u200D', ' 👍', '👍\u0301', '\uD83D']) {
      expect(isReactionEmoji(text), JSON.stringify(text)).toBe(false);
    }
  });
});

describe('reaction views', () => {
  it('group by emoji in the order each first appeared, counting, and marking the viewer’s', () => {
    const at = (s: number) => new Date(s * 1000);
    const reaction = (userId: string, emoji: string, s: number) => ({
      messageId: 'm',
      conversationId: 'c',
      userId,
      emoji,
      at: at(s),
    });
    expect(reactionViews([reaction('b', '❤️', 2), reaction('a', '👍', 1), reaction('b', '👍', 3)], 'a')).toEqual([
      { emoji: '👍', count: 2, reactedByMe: true },
      { emoji: '❤️', count: 1, reactedByMe: false },
    ]);
  });
});
