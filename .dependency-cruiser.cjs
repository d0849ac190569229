/**
 * The architecture's dependency rules, checked in `npm test` (`npm run deps`). DESIGN.md's
 * "Layout" section says what they protect: dependencies point one way (api/jobs → domain +
 * store → platform), a domain is pure, and a feature reaches another only through its index.
 */
const FEATURE_INDEX = '^functions/[^/]+/(index|domain/index)\\.ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle makes two modules one: neither can be read, tested or loaded without the other.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment:
        'A domain holds the rules: no AWS SDK, no HTTP, no Lambda types, no stores or handlers. It may use the ' +
        'contract, the pure kernel of the platform, zod, the time-zone library (@date-fns/tz, pure), the HTML ' +
        'parser (parse5, pure, for the form requests’ templates), its own domain and other domains through their index.',
      from: { path: '^functions/[^/]+/domain/' },
      to: {
        pathNot: [
          '^contracts/',
          '^functions/platform/kernel/',
          '^functions/([^/]+)/domain/',
          'node_modules/zod/',
          'node_modules/@date-fns/tz/',
          'node_modules/parse5/',
          'node_modules/entities/',
        ],
      },
    },
    {
      name: 'domain-uses-other-domains-through-their-index',
      severity: 'error',
      from: { path: '^functions/([^/]+)/domain/' },
      to: { path: '^functions/[^/]+/domain/', pathNot: ['^functions/$1/', '^functions/[^/]+/domain/index\\.ts$'] },
    },
    {
      name: 'features-meet-through-their-index',
      severity: 'error',
      comment: 'Another feature is used through its public index (or its domain index), never its inside.',
      from: { path: '^functions/([^/]+)/' },
      to: { path: '^functions/[^/]+/', pathNot: ['^functions/($1|platform)/', FEATURE_INDEX] },
    },
    {
      name: 'handlers-do-not-use-other-stores',
      severity: 'error',
      comment: 'A handler or job reaches another feature’s data through that feature’s index, not its store.',
      from: { path: '^functions/([^/]+)/(api|jobs)/' },
      to: { path: '^functions/[^/]+/store\\.ts$', pathNot: '^functions/$1/' },
    },
    {
      name: 'stores-and-domains-do-not-use-handlers',
      severity: 'error',
      from: { path: '^functions/[^/]+/(domain/|store\\.ts)' },
      to: { path: '^functions/[^/]+/(api|jobs)/' },
    },
    {
      name: 'platform-knows-no-feature',
      severity: 'error',
      comment: 'The platform sits under every feature, so it depends on none.',
      from: { path: '^functions/platform/' },
      to: { path: '^functions/', pathNot: '^functions/platform/' },
    },
    {
      name: 'kernel-is-pure',
      severity: 'error',
      from: { path: '^functions/platform/kernel/' },
      to: { pathNot: ['^contracts/', '^functions/platform/kernel/', 'node_modules/zod/'] },
    },
    {
      name: 'contract-stands-alone',
      severity: 'error',
      comment: 'The contract is shared with the portal: zod and itself, nothing of the back end.',
      from: { path: '^contracts/' },
      to: { pathNot: ['^contracts/', 'node_modules/zod/'] },
    },
    {
      name: 'no-dev-dependencies-at-run-time',
      severity: 'error',
      comment: 'What a Lambda imports is bundled and deployed: it must be a runtime dependency (types excepted).',
      from: { path: '^(functions|contracts)/' },
      to: { dependencyTypes: ['npm-dev'], pathNot: 'node_modules/@types/' },
    },
    {
      name: 'lazy-modules-carry-no-sdk',
      severity: 'error',
      comment:
        'A module loaded on first use from a file of its own (*.lazy.ts, lib/bundling.ts) must not carry a ' +
        'second copy of the AWS SDK: the table operations it needs are handed to it.',
      from: { path: '\\.lazy\\.ts$' },
      to: { path: 'node_modules/@aws-sdk/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    parser: 'swc',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
