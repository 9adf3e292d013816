# syntax=docker/dockerfile:1
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY client ./client
COPY demo ./demo
# The demo's script is bundled here, while esbuild (a dev dependency) is installed: the runtime has no sources.
RUN npm run build && npx tsx demo/build.ts /app/demo-app.js && npm prune --omit=dev

FROM node:24-bookworm-slim AS runtime
# Logs go to stdout; LOG_TO_FILES=true writes rotated files to LOG_DIR as well (mount a volume there).
ENV NODE_ENV=production PORT=3000 LOG_DIR=/app/logs
WORKDIR /app
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --from=build --chown=node:node /app/demo/index.html /app/demo/demo.css ./demo/
COPY --from=build --chown=node:node /app/demo-app.js ./demo/app.js
COPY --chown=node:node deploy/health-check.mjs ./deploy/
COPY --chown=node:node package.json ./
RUN mkdir -p /app/logs && chown node:node /app/logs
USER node
EXPOSE 3000
# /health/live on PORT, or on HEALTH_PORT for a worker or scheduler (ROLES without api).
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 CMD ["node", "deploy/health-check.mjs"]
CMD ["node", "dist/bootstrap/main.js"]
