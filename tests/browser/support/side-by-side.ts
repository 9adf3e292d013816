import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Browser } from 'playwright-core';
import type { DemoWindow } from './demo-window.js';

const GAP_PX = 16;

/** Screenshots of the windows, laid side by side by the browser itself (no image library), written as one PNG. */
export const saveSideBySide = async (browser: Browser, windows: readonly DemoWindow[], path: string): Promise<void> => {
  const shots = await Promise.all(windows.map((w) => w.page.screenshot({ type: 'png' })));
  const sizes = windows.map((w) => w.page.viewportSize() ?? { width: 880, height: 600 });
  const width = sizes.reduce((sum, s) => sum + s.width, 0) + GAP_PX * (windows.length + 1);
  const height = Math.max(...sizes.map((s) => s.height)) + GAP_PX * 2;
  const context = await browser.newContext({ viewport: { width, height } });
  try {
    const page = await context.newPage();
    const images = shots.map((shot) => `<img src="data:image/png;base64,${shot.toString('base64')}" />`).join('');
    await page.setContent(
      `<body style="margin:0;padding:${GAP_PX}px;gap:${GAP_PX}px;display:flex;background:#c9ced6">` +
        `<style>img{box-shadow:0 2px 8px rgba(0,0,0,.25);border-radius:4px}</style>${images}</body>`,
    );
    await page.waitForFunction(() => [...(globalThis as any).document.images].every((i: any) => i.complete));
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, await page.screenshot({ type: 'png' }));
  } finally {
    await context.close();
  }
};
