import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import getAbsoluteFSPath from 'swagger-ui-dist/absolute-path.js';

export const DOCS_PATH = '/api-docs';
export const SPEC_PATH = `${DOCS_PATH}/openapi.json`;
const ASSETS_PATH = `${DOCS_PATH}/assets`;

/** Every file of swagger-ui-dist the page uses, with its content type; nothing else is served. */
const PACKAGE_ASSETS: Readonly<Record<string, string>> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'index.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'text/javascript; charset=utf-8',
  'favicon-16x16.png': 'image/png',
  'favicon-32x32.png': 'image/png',
};

// Scripts are files, not inline, so the page works under `script-src 'self'`.
export const SWAGGER_UI_HTML = `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <title>Chat backend API</title>
    <link rel="stylesheet" type="text/css" href="${ASSETS_PATH}/swagger-ui.css" />
    <link rel="stylesheet" type="text/css" href="${ASSETS_PATH}/index.css" />
    <link rel="icon" type="image/png" href="${ASSETS_PATH}/favicon-32x32.png" sizes="32x32" />
    <link rel="icon" type="image/png" href="${ASSETS_PATH}/favicon-16x16.png" sizes="16x16" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="${ASSETS_PATH}/swagger-ui-bundle.js" charset="UTF-8"></script>
    <script src="${ASSETS_PATH}/swagger-ui-standalone-preset.js" charset="UTF-8"></script>
    <script src="${ASSETS_PATH}/swagger-initializer.js" charset="UTF-8"></script>
  </body>
</html>
`;

// validatorUrl null: the default badge would load an image from a third-party host.
const INITIALIZER = `window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: ${JSON.stringify(SPEC_PATH)},
    dom_id: '#swagger-ui',
    deepLinking: true,
    persistAuthorization: true,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: 'StandaloneLayout',
  });
};
`;

export interface StaticAsset {
  readonly type: string;
  readonly body: Buffer | string;
}

const cache = new Map<string, Promise<Buffer>>();

/** A Swagger UI file by name (read once, then kept), or null for any other name. */
export const swaggerUiAsset = async (name: string): Promise<StaticAsset | null> => {
  if (name === 'swagger-initializer.js') return { type: 'text/javascript; charset=utf-8', body: INITIALIZER };
  const type = Object.hasOwn(PACKAGE_ASSETS, name) ? PACKAGE_ASSETS[name] : undefined;
  if (type === undefined) return null;
  let file = cache.get(name);
  if (!file) {
    file = readFile(join(getAbsoluteFSPath(), name));
    file.catch(() => cache.delete(name));
    cache.set(name, file);
  }
  return { type, body: await file };
};
