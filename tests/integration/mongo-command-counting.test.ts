import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { PrometheusMetrics } from '../../src/adapters/metrics/prometheus-metrics.js';
import { connectMongo, createMongoClient, type MongoConnection } from '../../src/adapters/mongo/mongo-connection.js';
import { RebuildableMongoDatabase } from '../../src/adapters/mongo/mongo-database.js';
import { sample } from '../support/metric-sample.js';
import { useService } from '../support/services/use-service.js';

const mongo = useService('mongo');
const cleanUps: Array<() => Promise<unknown>> = [];

afterEach(async () => {
  for (const cleanUp of cleanUps.splice(0).reverse()) await cleanUp();
});

const open = async (metrics: PrometheusMetrics): Promise<MongoConnection> => {
  const connection = await connectMongo(mongo.url ?? '', `counting_${randomBytes(4).toString('hex')}`, {}, metrics);
  cleanUps.push(async () => {
    await connection.db.dropDatabase();
    await connection.close();
  });
  return connection;
};

const commands = async (metrics: PrometheusMetrics, command: string, collection: string) =>
  sample(await metrics.render(), `chat_mongodb_commands_total{command="${command}",collection="${collection}"}`) ?? 0;

describe.skipIf(mongo.skip)('MongoDB command counting', () => {
  it('counts each command sent, by command and collection', async () => {
    const metrics = new PrometheusMetrics({ defaultMetrics: false });
    const { db } = await open(metrics);
    const things = db.collection('things');
    await things.insertMany([1, 2, 3, 4, 5].map((n) => ({ n })));
    await things.findOne({ n: 3 });
    await things.updateOne({ n: 3 }, { $set: { seen: true } });
    await db.command({ ping: 1 });
    expect(await commands(metrics, 'insert', 'things')).toBe(1);
    expect(await commands(metrics, 'find', 'things')).toBe(1);
    expect(await commands(metrics, 'update', 'things')).toBe(1);
    expect(await commands(metrics, 'ping', 'none')).toBe(1);
  });

  it("names the cursor's collection on each further batch it fetches", async () => {
    const metrics = new PrometheusMetrics({ defaultMetrics: false });
    const { db } = await open(metrics);
    const things = db.collection('things');
    await things.insertMany([1, 2, 3, 4, 5].map((n) => ({ n })));
    expect(await things.find({}, { batchSize: 2 }).toArray()).toHaveLength(5);
    expect(await commands(metrics, 'find', 'things')).toBe(1);
    expect(await commands(metrics, 'getMore', 'things')).toBeGreaterThanOrEqual(2);
  });

  it('keeps counting on a client made again by a rebuild', async () => {
    const metrics = new PrometheusMetrics({ defaultMetrics: false });
    const url = mongo.url ?? '';
    const name = `counting_${randomBytes(4).toString('hex')}`;
    const database = new RebuildableMongoDatabase(() => createMongoClient(url, {}, metrics), name);
    cleanUps.push(async () => {
      await database.client.db(name).dropDatabase();
      await database.close();
    });
    await database.collection('things').insertOne({ n: 1 });
    database.rebuild();
    await database.collection('things').insertOne({ n: 2 });
    expect(await commands(metrics, 'insert', 'things')).toBe(2);
  });
});
