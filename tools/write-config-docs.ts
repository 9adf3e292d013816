/**
 * Writes .env.example and the README's configuration table from the settings
 * table in src/bootstrap/settings.ts, so neither drifts: `npm run config:docs`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { SETTINGS } from '../src/bootstrap/settings.js';

interface Documented {
  readonly default: string | undefined;
  readonly description: string;
  readonly fromFile?: true;
}

const settings = Object.entries(SETTINGS) as Array<[string, Documented]>;
const fileNote = (name: string) => `or ${name}_FILE: a file holding it (Docker secrets); not both`;

const example = [
  '# Every setting, with its default. Copy to .env or export them; unset or empty = default.',
  '# Unset service URLs mean the embedded in-memory adapter (refused when NODE_ENV=production).',
  '# docker compose reads this file too: it passes every setting to the app containers except',
  '# NODE_ENV, HOST, PORT, ROLES, LOG_DIR and the secrets, which it sets itself (secrets as files).',
  '',
  ...settings.flatMap(([name, setting]) => [
    `# ${setting.description}`,
    setting.default === undefined ? `# ${name}=` : `${name}=${setting.default}`,
    ...(setting.fromFile ? [`# ${fileNote(name)}`, `# ${name}_FILE=`] : []),
  ]),
  '',
  '# docker compose only: the host port of the api container',
  '# API_PUBLISHED_PORT=3000',
  '# docker compose only: the directory of the secret files (bash deploy/make-secrets.sh writes them)',
  '# SECRETS_DIR=./secrets',
  '',
].join('\n');
writeFileSync('.env.example', example);

const row = (name: string, fallback: string | undefined, description: string) =>
  `| \`${name}\` | ${fallback === undefined ? '(unset)' : `\`${fallback}\``} | ${description} |`;
const table = [
  '| variable | default | meaning |',
  '|---|---|---|',
  ...settings.flatMap(([name, setting]) => [
    row(name, setting.default, setting.description),
    ...(setting.fromFile ? [row(`${name}_FILE`, undefined, `A file holding ${name} (Docker secrets); not both`)] : []),
  ]),
].join('\n');
const readme = readFileSync('README.md', 'utf8');
const start = readme.indexOf('| variable | default | meaning |');
const end = readme.indexOf('\n\n', start);
if (start < 0 || end < 0) throw new Error('README.md has no configuration table to replace');
writeFileSync('README.md', `${readme.slice(0, start)}${table}${readme.slice(end)}`);
console.log(`wrote .env.example and the README table: ${settings.length} settings`);
