// Writes the demo's script bundle for an image without sources or esbuild: `tsx demo/build.ts <out-file>`.
/// <reference types="node" />
import { writeFile } from 'node:fs/promises';
import { bundleDemoScript, DEMO_DIR } from '../src/adapters/http/demo-page.js';

const out = process.argv[2];
if (!out) throw new Error('usage: tsx demo/build.ts <out-file>');
await writeFile(out, await bundleDemoScript(DEMO_DIR));
console.log(`demo bundle written to ${out}`);
