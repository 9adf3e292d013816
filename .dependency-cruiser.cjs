/** The hexagon's one rule, as a build failure: imports point inward only. */
module.exports = {
  forbidden: [
    {
      name: 'domain-imports-only-domain',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: '^src/(application|ports|adapters|bootstrap)/' },
    },
    {
      name: 'domain-no-packages-but-fp-ts',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'core'], pathNot: 'node_modules/fp-ts/' },
    },
    {
      name: 'ports-import-only-domain',
      severity: 'error',
      from: { path: '^src/ports/' },
      to: { path: '^src/(application|adapters|bootstrap)/' },
    },
    {
      name: 'ports-no-packages',
      severity: 'error',
      from: { path: '^src/ports/' },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'core'] },
    },
    {
      name: 'application-imports-domain-and-ports',
      severity: 'error',
      from: { path: '^src/application/' },
      to: { path: '^src/(adapters|bootstrap)/' },
    },
    {
      name: 'application-no-frameworks',
      severity: 'error',
      from: { path: '^src/application/' },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'core'], pathNot: 'node_modules/(fp-ts|io-ts)/' },
    },
    {
      name: 'adapters-never-import-bootstrap',
      severity: 'error',
      from: { path: '^src/adapters/' },
      to: { path: '^src/bootstrap/' },
    },
    {
      name: 'adapter-never-imports-another-adapter',
      severity: 'error',
      comment: 'src/adapters/shared holds the few driver-free helpers several adapters need.',
      from: { path: '^src/adapters/([^/]+)/' },
      to: { path: '^src/adapters/', pathNot: '^src/adapters/($1|shared)/' },
    },
    {
      name: 'shared-adapter-helpers-stand-alone',
      severity: 'error',
      from: { path: '^src/adapters/shared/' },
      to: { path: '^src/(adapters/(?!shared/)|application/|bootstrap/)' },
    },
    {
      name: 'driven-adapters-never-import-application',
      comment: 'Only driving adapters (http, realtime, scheduler, amqp consumer side) call use cases.',
      severity: 'error',
      from: { path: '^src/adapters/(memory|mongo|redis|crypto|clock|random|ids|logging|metrics)/' },
      to: { path: '^src/application/' },
    },
    {
      name: 'only-bootstrap-uses-tsyringe',
      severity: 'error',
      from: { pathNot: '^src/bootstrap/' },
      to: { path: 'node_modules/tsyringe/' },
    },
    {
      name: 'client-takes-only-types-from-the-server',
      comment: 'client/ is a consumer of the external contract: the event maps and REST types, never server code.',
      severity: 'error',
      from: { path: '^client/' },
      to: { path: '^src/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'client-runs-on-socket-io-client-alone',
      comment: 'The library is one file for browsers and Node: no Node built-ins, no package but socket.io-client.',
      severity: 'error',
      from: { path: '^client/src/' },
      to: {
        dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'core'],
        pathNot: 'node_modules/socket[.]io-client/',
      },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^client/dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
