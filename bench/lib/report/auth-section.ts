import type { BenchResults } from '../results.js';
import { ms, n, ratio, table } from './figures.js';

/** Section 5: login and token verification against bare bcrypt and jose. */
export const authSection = (r: BenchResults): string => {
  const s = r.settings.auth;
  const b = r.auth.baselines;
  return [
    '## 5. Costs that bound the system',
    '',
    `Login over HTTP with the password hashed at bcrypt cost ${s.bcryptCost} (the configured default; setup-only ` +
      `registrations elsewhere use cost 4): the median of ${s.sequentialLogins} logins one after another, and logins ` +
      `per second with ${s.concurrency} clients at once for ${s.concurrentMs / 1000} s. Baseline: \`bcrypt.compare\` ` +
      `alone at the same cost. Token verification: ${n(s.verifyIterations)} distinct access tokens verified by our ` +
      "`JoseTokenService` (algorithm pinned, issuer, audience and required claims checked) against jose's `jwtVerify` " +
      'with only the algorithm pinned and the key imported once; then the last 5,000 again.',
    '',
    table(
      ['system', 'login (median)', 'logins/s'],
      [
        ...(b ? [[`bcrypt.compare, cost ${s.bcryptCost} (baseline)`, ms(b.compareMs), n(b.comparesPerSecond, 1)]] : []),
        ...r.auth.logins.map((run) => [run.label, ms(run.loginMs), n(run.loginsPerSecond, 1)]),
      ],
    ),
    '',
    b
      ? `Token verification, one process: bare \`jwtVerify\` ${n(b.verify.rawPerSecond)}/s; ours ` +
        `${n(b.verify.oursFirstPerSecond)}/s on tokens it has not seen (ratio ` +
        `${ratio(b.verify.oursFirstPerSecond, b.verify.rawPerSecond)}) and ${n(b.verify.oursRepeatPerSecond)}/s on a ` +
        'token seen before, whose signature and claims it remembers (only the expiry is checked again).'
      : '',
    '',
  ].join('\n');
};
