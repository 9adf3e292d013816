/**
 * Writes the README's Socket.IO event and limit tables from the event catalog
 * the AsyncAPI document is made of, so neither drifts: `npm run docs:events`.
 * A test fails when the README is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { renderEventTable, renderLimitTable, replaceTable } from './event-docs.js';

const readme = readFileSync('README.md', 'utf8');
writeFileSync('README.md', replaceTable(replaceTable(readme, renderEventTable()), renderLimitTable()));
console.log('wrote the README tables of Socket.IO events and limits');
