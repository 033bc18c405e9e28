/**
 * The layers of ARCHITECTURE.md, checked: `npm run lint:deps` (part of `npm test`).
 * No exception is tolerated: any import that breaks a rule fails. Move the code, never loosen a rule.
 * Tests (`*.test.ts`) and the test harness (src/testing) may reach any layer to set up their data.
 * Pass the files as a glob, as the npm scripts do: a bare folder is scanned for .ts files
 * only when the TypeScript JS API is installed, and TypeScript 7 has none.
 */
const notTests = '(\\.test\\.tsx?$|^src/testing/)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle means two modules are one: split the shared part out, or invert the call.',
      from: { pathNot: notTests },
      to: { circular: true, viaOnly: { pathNot: notTests } },
    },
    {
      name: 'domain-imports-nothing-above',
      severity: 'error',
      comment: 'src/domain is the pure core: it may import only itself and libraries.',
      from: { path: '^src/domain/', pathNot: notTests },
      to: { path: '^src/(db|app|http|reports|policies|web|cli|seed|testing|server|config|logger)' },
    },
    {
      name: 'domain-does-no-io',
      severity: 'error',
      comment:
        'src/domain does no I/O: files, network, database, spreadsheets and chart rendering belong to ' +
        'src/db, src/app or src/reports. Type-only imports are allowed.',
      from: { path: '^src/domain/', pathNot: notTests },
      to: {
        dependencyTypesNot: ['type-only'],
        path: [
          '^(node:)?(fs|fs/promises|net|http|https|child_process|worker_threads|zlib)$',
          // how ECharts and ExcelJS are loaded at run time (require on first use), out of sight of the rule below
          '^src/lazyModule\\.ts$',
          '(^|/)node_modules/(pg|kysely|@electric-sql/pglite|exceljs|echarts|pdfmake|nodemailer)/',
        ],
      },
    },
    {
      name: 'policies-read-only-domain',
      severity: 'error',
      comment: 'Policies are declarative: they see the domain types, not the database or the use cases.',
      from: { path: '^src/policies/', pathNot: notTests },
      to: { path: '^src/(db|app|http|reports|web|cli)/' },
    },
    {
      name: 'db-below-app',
      severity: 'error',
      comment: 'Repositories know the domain and the schema, never the use cases or the transport.',
      from: { path: '^src/db/', pathNot: notTests },
      to: { path: '^src/(app|http|reports|web|cli)/' },
    },
    {
      name: 'app-not-http',
      severity: 'error',
      comment: 'Use cases do not know HTTP: pure helpers they share with routes go to src/domain.',
      from: { path: '^src/app/', pathNot: notTests },
      to: { path: '^src/(http|web|cli)/' },
    },
    {
      name: 'routes-through-use-cases',
      severity: 'error',
      comment: 'Routes call src/app use cases; SQL and repositories are reached only through them.',
      from: { path: '^src/http/', pathNot: notTests },
      to: { path: '^src/db/', pathNot: '^src/db/schema\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'routes-not-reports',
      severity: 'error',
      comment: 'Routes ask a use case for a report; they do not build documents themselves.',
      from: { path: '^src/http/', pathNot: notTests },
      to: { path: '^src/reports/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'reports-read-through-the-gate',
      severity: 'error',
      comment:
        'Reports lay out figures that src/app took through the disclosure gate (releases); ' +
        'they never query the database themselves.',
      from: { path: '^src/reports/', pathNot: notTests },
      to: { path: '^src/(db|http|web|cli)/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'reports-not-app',
      severity: 'error',
      comment: 'src/app calls src/reports to lay out what it read; the way back makes the two one layer.',
      from: { path: '^src/reports/', pathNot: notTests },
      to: { path: '^src/app/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'sql-only-in-db',
      severity: 'error',
      comment: 'Kysely at run time (sql``, the Kysely class) only in src/db; elsewhere `import type` only.',
      from: { pathNot: [notTests, '^src/db/'] },
      to: { path: '(^|/)node_modules/kysely/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'web-not-server',
      severity: 'error',
      comment: 'The browser bundle shares types and pure domain code only.',
      from: { path: '^src/web/', pathNot: notTests },
      to: { path: '^src/(db|app|http|reports|cli|seed|server)', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'not-to-test',
      severity: 'error',
      comment: 'Production code never imports a test or the test harness.',
      from: { pathNot: notTests },
      to: { path: notTests },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|test-results)/' },
    // TypeScript 7 has no JS API, and swc here cannot read .tsx: Babel strips the types (keeping every
    // import not marked `import type`, as verbatimModuleSyntax requires) and acorn reads the rest.
    // So type-only imports are not seen: the rules are about what runs.
    babelConfig: { fileName: '.dependency-cruiser.babel.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
    },
    reporterOptions: {
      dot: { collapsePattern: '^src/[^/]+/|node_modules/(@[^/]+/)?[^/]+' },
    },
  },
};
