import { ObjectId } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { ObjectIdGenerator } from '../../../src/adapters/ids/object-id-generator.js';
import { isId } from '../../../src/domain/ids.js';

describe('ObjectIdGenerator', () => {
  it('makes 24 lower-case hex ids that are valid ObjectIds', () => {
    const id = new ObjectIdGenerator().next();
    expect(isId(id)).toBe(true);
    expect(ObjectId.isValid(id)).toBe(true);
    expect(new ObjectId(id).toHexString()).toBe(id);
  });

  it('makes unique, strictly increasing ids', () => {
    const generator = new ObjectIdGenerator();
    const ids = Array.from({ length: 10_000 }, () => generator.next());
    expect(new Set(ids).size).toBe(ids.length);
    for (let i = 1; i < ids.length; i += 1) expect(ids[i]! > ids[i - 1]!).toBe(true);
  });

  it('stays increasing across generators in one process', () => {
    const a = new ObjectIdGenerator().next();
    const b = new ObjectIdGenerator().next();
    expect(b > a).toBe(true);
  });

  it('stamps ids with the current time', () => {
    const id = new ObjectIdGenerator().next();
    const seconds = new ObjectId(id).getTimestamp().getTime() / 1000;
    expect(Math.abs(seconds - Date.now() / 1000)).toBeLessThan(5);
  });
});
