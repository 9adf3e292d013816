import { describe, expect, it } from 'vitest';
import type { StartE2eApp } from '../../e2e/support/start-e2e-app.js';
import { useE2eApp } from '../../e2e/support/use-e2e-app.js';

const TOKEN = 'metrics-token-for-the-security-suite';

/** What a deployment tells about itself stays with its operators. */
export const describeMetricsScenarios = (start: StartE2eApp): void => {
  describe('metrics behind a token', () => {
    const app = useE2eApp(start, { METRICS_TOKEN: TOKEN });

    it.each([
      ['no token', {}],
      ['a wrong token', { authorization: 'Bearer not-the-token' }],
      ['the token without the scheme', { authorization: TOKEN }],
      ['an access-token-like header', { authorization: `Bearer ${TOKEN}x` }],
    ])('refuses /metrics with %s (401)', async (_what, headers) => {
      const res = await app().api('GET', '/metrics', { headers });
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('UNAUTHORIZED');
      expect(res.text).not.toContain('process_cpu');
    });

    it('serves /metrics to the bearer of the token', async () => {
      const res = await app().api('GET', '/metrics', { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(res.status).toBe(200);
      expect(res.text).toContain('process_cpu');
    });
  });
};
