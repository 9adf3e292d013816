import { MongoClient } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { connectMongo } from '../../src/adapters/mongo/mongo-connection.js';
import { MongoHealthIndicator } from '../../src/adapters/mongo/mongo-health-indicator.js';
import { freePort } from '../support/services/free-port.js';
import { useService } from '../support/services/use-service.js';

const mongo = useService('mongo');

describe('MongoHealthIndicator', () => {
  it.skipIf(mongo.skip)('is ready when the server answers ping', async () => {
    const connection = await connectMongo(mongo.url as string, 'health_check');
    try {
      await expect(new MongoHealthIndicator(connection.db).check()).resolves.toBeUndefined();
    } finally {
      await connection.close();
    }
  });

  it('rejects within its timeout when nothing answers', async () => {
    const client = new MongoClient(`mongodb://127.0.0.1:${await freePort()}/`, { serverSelectionTimeoutMS: 10_000 });
    const started = Date.now();
    try {
      await expect(new MongoHealthIndicator(client.db('x'), 300).check()).rejects.toThrow();
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      await client.close();
    }
  });
});
