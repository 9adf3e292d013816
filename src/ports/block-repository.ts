export interface BlockRepository {
  /** The blocker stops hearing from the blocked user; true when this call blocked (false: blocked already). */
  block(blockerId: string, blockedId: string, at: Date): Promise<boolean>;
  /** True when this call lifted a block (false: there was none). */
  unblock(blockerId: string, blockedId: string): Promise<boolean>;
  isBlocked(blockerId: string, blockedId: string): Promise<boolean>;
  /** Everyone the user blocks, oldest block first. */
  blockedBy(blockerId: string): Promise<string[]>;
  /** Of `userIds`, those who block `userId` or whom `userId` blocks. */
  blockedEitherWay(userId: string, userIds: readonly string[]): Promise<Set<string>>;
}
