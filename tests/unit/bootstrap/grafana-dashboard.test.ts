import { readFile } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import type { Ack } from '../../../src/ports/realtime-events.js';
import { acknowledgeReceipts, connectSocket } from '../../e2e/support/chat-socket.js';
import { registerUser } from '../../e2e/support/register-user.js';
import { startE2eApp, type E2eApp } from '../../e2e/support/start-e2e-app.js';

interface Panel {
  readonly id: number;
  readonly type: string;
  readonly title: string;
  readonly datasource?: { readonly type: string; readonly uid: string };
  readonly gridPos: { readonly x: number; readonly y: number; readonly w: number; readonly h: number };
  readonly targets?: ReadonlyArray<{ readonly expr: string }>;
}

interface Dashboard {
  readonly schemaVersion: number;
  readonly uid: string;
  readonly templating: { readonly list: ReadonlyArray<{ name: string; type: string; query: unknown }> };
  readonly panels: readonly Panel[];
}

interface Family {
  readonly type: string;
  readonly labels: Set<string>;
  samples: number;
}

/** Labels Prometheus adds to every series it scrapes. */
const TARGET_LABELS = new Set(['job', 'instance']);
const HISTOGRAM_SERIES = /_(bucket|sum|count)$/;

/** The metric families of a /metrics page, with the labels their samples carry. */
const familiesOf = (text: string): Map<string, Family> => {
  const families = new Map<string, Family>();
  for (const [, name, type] of text.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
    families.set(name!, { type: type!, labels: new Set(), samples: 0 });
  }
  for (const [, series, labels] of text.matchAll(/^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? \S+$/gm)) {
    const family = families.get(series!) ?? families.get(series!.replace(HISTOGRAM_SERIES, ''));
    if (!family) continue;
    family.samples += 1;
    for (const [, label] of (labels ?? '').matchAll(/(\w+)="/g)) family.labels.add(label!);
  }
  return families;
};

/** The family a queried series belongs to (a histogram's `_bucket`, `_sum` and `_count` are its own). */
const familyOf = (families: Map<string, Family>, series: string): Family | undefined => {
  const family = families.get(series);
  if (family) return family;
  const base = families.get(series.replace(HISTOGRAM_SERIES, ''));
  return base?.type === 'histogram' ? base : undefined;
};

const metricsIn = (expr: string): string[] => [...expr.matchAll(/([a-zA-Z_:][\w:]*)\s*[{[]/g)].map(([, m]) => m!);
const labelsIn = (expr: string): string[] => [
  ...[...expr.matchAll(/\{([^}]*)\}/g)].flatMap(([, matchers]) =>
    [...matchers!.matchAll(/(\w+)\s*(?:=~|!~|!=|=)/g)].map(([, label]) => label!),
  ),
  ...[...expr.matchAll(/\b(?:by|without)\s*\(([^)]*)\)/g)].flatMap(([, list]) =>
    list!.split(',').map((label) => label.trim()),
  ),
];

const dashboard = JSON.parse(
  await readFile(new URL('../../../deploy/grafana-dashboard.json', import.meta.url), 'utf8'),
) as Dashboard;
const queryPanels = dashboard.panels.filter((panel) => panel.type !== 'row');
const exprs = queryPanels.flatMap((panel) => (panel.targets ?? []).map((target) => target.expr));
const variableQueries = dashboard.templating.list
  .filter((variable) => variable.type === 'query')
  .map((variable) => JSON.stringify(variable.query));

describe('deploy/grafana-dashboard.json', () => {
  it('is a Grafana 10 dashboard on a Prometheus data source variable', () => {
    expect(dashboard.schemaVersion).toBeGreaterThanOrEqual(38);
    expect(dashboard.uid).toBe('chat-backend');
    expect(dashboard.templating.list).toContainEqual(
      expect.objectContaining({ name: 'datasource', type: 'datasource', query: 'prometheus' }),
    );
    const ids = dashboard.panels.map((panel) => panel.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const panel of queryPanels) {
      expect(panel.datasource, panel.title).toEqual({ type: 'prometheus', uid: '${datasource}' });
      expect(panel.targets?.length, panel.title).toBeGreaterThan(0);
      expect(panel.gridPos.x + panel.gridPos.w, panel.title).toBeLessThanOrEqual(24);
    }
  });

  it('shows what an operator watches', () => {
    const queried = new Set(exprs.flatMap(metricsIn));
    for (const metric of [
      'chat_messages_sent_total',
      'chat_message_delivery_seconds_bucket',
      'chat_online_users',
      'chat_socket_connections',
      'chat_socket_events_total',
      'chat_auto_queue_depth',
      'chat_auto_message_items',
      'chat_http_request_duration_seconds_count',
      'chat_http_request_duration_seconds_bucket',
      'chat_mongodb_commands_total',
      'chat_redis_round_trips_total',
    ]) {
      expect(queried, metric).toContain(metric);
    }
    const deliveryQuantiles = exprs
      .filter((expr) => expr.includes('chat_message_delivery_seconds_bucket'))
      .map((expr) => /histogram_quantile\(([\d.]+)/.exec(expr)?.[1]);
    expect(deliveryQuantiles).toEqual(['0.5', '0.95', '0.99']);
  });

  describe('against the /metrics of a composed app', () => {
    let app: E2eApp | undefined;
    afterAll(() => app?.stop());

    /** A delivered message, a refused socket event, answered and refused requests. */
    const afterSomeTraffic = async (running: E2eApp): Promise<Map<string, Family>> => {
      const [alice, bob] = [await registerUser(running, 'alice'), await registerUser(running, 'bob')];
      const [sender, receiver] = [
        await connectSocket(running, alice.accessToken),
        await connectSocket(running, bob.accessToken),
      ];
      acknowledgeReceipts(receiver);
      const delivered = sender.events.take('message_delivered');
      const emit = (event: 'send_message' | 'join_room', payload: object) =>
        new Promise<Ack>((resolve) => (sender.socket.emit as (...args: unknown[]) => void)(event, payload, resolve));
      expect((await emit('send_message', { receiverId: bob.id, content: 'hi' })).ok).toBe(true);
      expect((await emit('join_room', { conversationId: 'not-an-id' })).ok).toBe(false);
      await delivered;
      expect((await running.api('GET', '/api/conversations', { token: alice.accessToken })).status).toBe(200);
      expect((await running.api('GET', '/api/conversations')).status).toBe(401);
      return familiesOf((await running.api('GET', '/metrics')).text);
    };

    it('finds every metric the dashboard queries, and every label it selects or groups by', async () => {
      app = await startE2eApp();
      const families = await afterSomeTraffic(app);

      const queried = [...exprs, ...variableQueries].flatMap(metricsIn);
      expect(queried.length).toBeGreaterThan(20);
      expect(queried.filter((metric) => !familyOf(families, metric))).toEqual([]);

      for (const expr of exprs) {
        const sampled = metricsIn(expr)
          .map((metric) => familyOf(families, metric))
          .filter((family) => family !== undefined && family.samples > 0);
        // The MongoDB and Redis counters have no samples on the embedded default: their names are checked above.
        if (sampled.length === 0) continue;
        for (const label of labelsIn(expr).filter((name) => !TARGET_LABELS.has(name))) {
          expect(
            sampled.some((family) => family!.labels.has(label)),
            `${label} in ${expr}`,
          ).toBe(true);
        }
      }
    });
  });
});
