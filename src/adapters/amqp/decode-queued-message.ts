import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import type { QueuedAutoMessage } from '../../ports/message-queue.js';

const NonEmptyString = t.refinement(t.string, (s) => s.length > 0, 'NonEmptyString');
const QueuedAutoMessageCodec = t.exact(t.type({ autoMessageId: NonEmptyString }));

/** A message body as it arrives from the broker: JSON `{autoMessageId}`, or the reason it is not. */
export const decodeQueuedMessage = (content: Buffer): E.Either<string, QueuedAutoMessage> => {
  let json: unknown;
  try {
    json = JSON.parse(content.toString('utf8'));
  } catch {
    return E.left('body is not JSON');
  }
  return E.mapLeft(() => 'body is not {autoMessageId: non-empty string}')(QueuedAutoMessageCodec.decode(json));
};
