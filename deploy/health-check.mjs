// The container health check of every role (Dockerfile and docker-compose.yml): /health/live of this
// process, on PORT when it runs the api role and on HEALTH_PORT otherwise. Exit 0 when it answers 200.
const roles = (process.env.ROLES || 'api').split(',').map((role) => role.trim());
const port = roles.includes('api') ? process.env.PORT || '3000' : process.env.HEALTH_PORT;
if (!port) {
  console.error('health check: HEALTH_PORT is not set, and a process without the api role serves no other port');
  process.exit(1);
}
const bound = process.env.HOST || '0.0.0.0';
const host = bound === '0.0.0.0' || bound === '::' ? '127.0.0.1' : bound.includes(':') ? `[${bound}]` : bound;
const path = process.argv[2] || '/health/live';
try {
  const response = await fetch(`http://${host}:${port}${path}`, { signal: AbortSignal.timeout(4000) });
  if (!response.ok) console.error(`health check: ${path} answered ${response.status}`);
  process.exit(response.ok ? 0 : 1);
} catch (error) {
  console.error(`health check: ${path} on port ${port}: ${error.cause?.code ?? error.message}`);
  process.exit(1);
}
