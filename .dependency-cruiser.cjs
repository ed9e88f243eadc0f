/** Layering rules of docs/ARCHITECTURE.md, checked in CI. */
module.exports = {
  forbidden: [
    {
      name: 'shared-is-pure',
      comment:
        'src/shared is pure TypeScript used by server and web: no server, web, database, HTTP or Node I/O.',
      severity: 'error',
      from: { path: '^src/shared' },
      to: {
        path: [
          '^src/server',
          '^src/web',
          'node_modules/(kysely|pg|better-sqlite3|fastify|@fastify|nodemailer|react|@mantine)',
        ],
      },
    },
    {
      name: 'shared-no-node-io',
      severity: 'error',
      from: { path: '^src/shared' },
      to: { dependencyTypes: ['core'], pathNot: ['^node:crypto$'] },
    },
    {
      name: 'web-not-server',
      comment: 'The web app talks to the server over HTTP only.',
      severity: 'error',
      from: { path: '^src/web' },
      to: { path: '^src/server' },
    },
    {
      name: 'server-not-web',
      severity: 'error',
      from: { path: '^src/server' },
      to: { path: '^src/web' },
    },
    {
      name: 'domain-is-pure',
      comment: '*.domain.ts files hold rules: no database, HTTP, config or other server layers.',
      severity: 'error',
      from: { path: '\\.domain\\.ts$' },
      to: {
        path: [
          '^src/server/(db|http|config|email)',
          'node_modules/(kysely|pg|better-sqlite3|fastify|@fastify|nodemailer)',
        ],
      },
    },
    {
      name: 'routes-not-repositories',
      comment: 'Routes call services; only services (and their own module) touch repositories.',
      severity: 'error',
      from: { path: '\\.routes\\.ts$' },
      to: { path: '\\.repository\\.ts$' },
    },
    {
      name: 'repositories-no-http',
      comment: 'Repositories return data; they know nothing of HTTP or services.',
      severity: 'error',
      from: { path: '\\.repository\\.ts$' },
      to: {
        path: ['^src/server/http', '\\.service\\.ts$', '\\.routes\\.ts$', 'node_modules/(fastify|@fastify)'],
      },
    },
    {
      name: 'modules-through-index',
      comment: 'A module reaches another module only through its index.ts.',
      severity: 'error',
      from: { path: '^src/server/modules/([^/]+)/' },
      to: {
        path: '^src/server/modules/([^/]+)/.+',
        pathNot: ['^src/server/modules/$1/', '^src/server/modules/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'migrations-frozen',
      comment: 'Migrations never import application code: they stay as they were when written.',
      severity: 'error',
      from: { path: '^src/server/db/migrations/' },
      to: { path: '^src/', pathNot: '^src/server/db/migrations/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: ['\\.test\\.tsx?$'] },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.tsx', '.js'],
    },
  },
};
