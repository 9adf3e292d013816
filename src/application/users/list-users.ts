import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { publicUserView, type PublicUserView } from '../../domain/user.js';
import type { BlockRepository } from '../../ports/block-repository.js';
import type { Clock } from '../../ports/clock.js';
import type { PresenceStore } from '../../ports/presence-store.js';
import type { AccessClaims } from '../../ports/token-service.js';
import type { UserRepository } from '../../ports/user-repository.js';
import { IntInRange, SearchText } from '../shared/codecs.js';
import { decodeInput } from '../shared/decode.js';
import { paginationOf, type Pagination } from '../shared/pagination.js';
import { ok, type Result } from '../shared/result.js';

export const ListUsersQuery = t.exact(
  t.partial({ page: IntInRange('Page', 1, 100_000), limit: IntInRange('Limit', 1, 100), search: SearchText }),
);

export class ListUsers {
  constructor(
    private readonly deps: { users: UserRepository; presence: PresenceStore; blocks: BlockRepository; clock: Clock },
  ) {}

  /** Someone who blocks the caller, or whom the caller blocks, shows offline to them. */
  async execute(caller: AccessClaims, rawQuery: unknown): Result<{ users: PublicUserView[]; pagination: Pagination }> {
    const query = decodeInput(ListUsersQuery, rawQuery);
    if (E.isLeft(query)) return query;
    const page = query.right.page ?? 1;
    const limit = query.right.limit ?? 10;
    const search = query.right.search || undefined;
    const { users, total } = await this.deps.users.list({ page, limit, ...(search ? { search } : {}) });
    const ids = users.map((u) => u.id);
    const [online, blocked] = await Promise.all([
      this.deps.presence.onlineAmong(ids, this.deps.clock.now()),
      this.deps.blocks.blockedEitherWay(caller.userId, ids),
    ]);
    return ok({
      users: users.map((u) => publicUserView(u, online.has(u.id) && !blocked.has(u.id))),
      pagination: paginationOf(page, limit, total),
    });
  }
}
