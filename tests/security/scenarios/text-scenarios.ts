import { describe, expect, it } from 'vitest';
import type { ApiResponse } from '../../e2e/support/api-client.js';
import { connectSocket } from '../../e2e/support/chat-socket.js';
import { fetchConversations, sendMessage } from '../../e2e/support/chat-requests.js';
import { registerUser, uniqueName } from '../../e2e/support/register-user.js';
import type { StartE2eApp } from '../../e2e/support/start-e2e-app.js';
import { useE2eApp } from '../../e2e/support/use-e2e-app.js';

const expectValidationFailure = (res: ApiResponse<unknown>, field: string, what: string): void => {
  expect(res.status, `${what}: ${res.text}`).toBe(400);
  expect(res.body.code, what).toBe('VALIDATION_FAILED');
  expect(
    res.body.errors?.map((error) => error.field),
    what,
  ).toContain(field);
};

const isWellFormed = (text: string): boolean => !/\p{Cs}/u.test(text);

/** Text that would break clients or hide what it is: refused at the edge, nothing stored. */
export const describeTextScenarios = (start: StartE2eApp): void => {
  describe('well-formed text only', () => {
    const app = useE2eApp(start);

    it.each([
      ['a lone high surrogate', '\ud800'],
      ['a lone low surrogate inside text', 'hi \udc00 there'],
      ['only zero-width spaces', '\u200b\u200b'],
      ['only a braille blank', '\u2800'],
      ['only a Hangul filler', '\u3164'],
      ['only no-break and ideographic spaces', '\u00a0\u3000 \t\n'],
      ['only a variation selector and a joiner', '\ufe0f\u200d'],
      ['only bidi overrides', '\u202e\u202d'],
    ])('refuses message content made of %s', async (what, content) => {
      const [alice, bob] = await Promise.all([registerUser(app(), 'alice'), registerUser(app(), 'bob')]);
      const res = await app().api('POST', '/api/messages/send', {
        token: alice.accessToken,
        body: { receiverId: bob.id, content },
      });
      expectValidationFailure(res, 'content', what);
      expect(await fetchConversations(app(), alice)).toEqual([]);
    });

    it.each([
      ['a NUL', 'ev\u0000il@example.com'],
      ['a DEL', 'ev\u007fil@example.com'],
      ['a zero-width space', 'ev\u200bil@example.com'],
      ['a right-to-left override', 'ev\u202eil@example.com'],
      ['a lone surrogate', 'ev\ud800il@example.com'],
    ])('refuses an e-mail with %s, at registration and on the profile', async (what, email) => {
      const username = uniqueName('text');
      const register = await app().api('POST', '/api/auth/register', {
        body: { username, email, password: 'password123' },
      });
      expectValidationFailure(register, 'email', what);
      const alice = await registerUser(app(), 'alice');
      const profile = await app().api('PUT', '/api/user/profile', { token: alice.accessToken, body: { email } });
      expectValidationFailure(profile, 'email', what);
    });

    it('refuses a lone surrogate in a password', async () => {
      const register = await app().api('POST', '/api/auth/register', {
        body: { username: uniqueName('text'), email: `${uniqueName('t')}@example.com`, password: 'password\ud800' },
      });
      expectValidationFailure(register, 'password', 'password');
    });

    it('accepts emoji and joined sequences, and cuts previews between graphemes', async () => {
      const [alice, bob] = await Promise.all([registerUser(app(), 'alice'), registerUser(app(), 'bob')]);
      const bobClient = await connectSocket(app(), bob.accessToken);
      const family = '\u{1F468}\u200d\u{1F469}\u200d\u{1F467}\u200d\u{1F466}';
      const content = `${'x'.repeat(97)}${family} and more`;
      const sent = await sendMessage(app(), alice, bob, content);
      expect(sent.message.content).toBe(content);

      const notification = await bobClient.events.take('new_message_notification');
      const [summary] = await fetchConversations(app(), bob);
      for (const preview of [notification.preview, summary!.lastMessage!.preview]) {
        expect(isWellFormed(preview)).toBe(true);
        expect(preview).toBe(`${'x'.repeat(97)}…`);
      }
      const short = await sendMessage(app(), alice, bob, `thumbs \u{1F44D}\u{1F3FD}`);
      expect(short.conversation.lastMessage?.preview).toBe('thumbs \u{1F44D}\u{1F3FD}');
    });

    it('refuses at login a password longer than bcrypt reads (72 bytes), as at registration', async () => {
      const alice = await registerUser(app(), 'alice');
      const res = await app().api('POST', '/api/auth/login', {
        body: { email: alice.email, password: `${'p'.repeat(72)}extra` },
      });
      expectValidationFailure(res, 'password', 'login');
    });
  });
};
