import bcrypt from 'bcrypt';
import type { PasswordHasher } from '../../ports/password-hasher.js';

export interface BcryptPasswordHasherOptions {
  /** log2 of the work factor; bcrypt accepts 4–31. */
  readonly cost: number;
}

export class BcryptPasswordHasher implements PasswordHasher {
  private readonly cost: number;

  constructor(options: BcryptPasswordHasherOptions = { cost: 12 }) {
    if (!Number.isInteger(options.cost) || options.cost < 4 || options.cost > 31) {
      throw new Error(`bcrypt cost must be an integer from 4 to 31, got ${options.cost}`);
    }
    this.cost = options.cost;
  }

  hash(password: string): Promise<string> {
    return bcrypt.hash(password, this.cost);
  }

  verify(password: string, hash: string): Promise<boolean> {
    return bcrypt.compare(password, hash);
  }
}
