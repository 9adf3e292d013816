/**
 * Writes .env.example and the README's configuration table from the settings
 * table in src/bootstrap/config.ts, so neither drifts: `npm run config:docs`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { SETTINGS } from '../src/bootstrap/config.js';

const settings = Object.entries(SETTINGS) as Array<[string, { default: string | undefined; description: string }]>;

const example = [
  '# Every setting, with its default. Copy to .env or export them; unset = default.',
  '# Unset service URLs mean the embedded in-memory adapter (refused when NODE_ENV=production).',
  '',
  ...settings.flatMap(([name, setting]) => [
    `# ${setting.description}`,
    setting.default === undefined ? `# ${name}=` : `${name}=${setting.default}`,
  ]),
  '',
].join('\n');
writeFileSync('.env.example', example);

const table = [
  '| variable | default | meaning |',
  '|---|---|---|',
  ...settings.map(
    ([name, setting]) =>
      `| \`${name}\` | ${setting.default === undefined ? '(unset)' : `\`${setting.default}\``} | ${setting.description} |`,
  ),
].join('\n');
const readme = readFileSync('README.md', 'utf8');
const start = readme.indexOf('| variable | default | meaning |');
const end = readme.indexOf('\n\n', start);
if (start < 0 || end < 0) throw new Error('README.md has no configuration table to replace');
writeFileSync('README.md', `${readme.slice(0, start)}${table}${readme.slice(end)}`);
console.log(`wrote .env.example and the README table: ${settings.length} settings`);
