/**
 * arc's layers, enforced (`npm run lint`): each folder of src/ names the
 * folders it may import; anything else, and any import cycle, fails lint.
 * Bottom to top:
 *
 *   core                                  (imports nothing of arc)
 *   ir                                    the program IR and the one value layer (value.ts)
 *   smt                                   solver terms and Z3 (models are ir/value.ts values)
 *   semantics                             the IR interpreter (the reference for code)
 *   frontends, engines, policy, net       C/Python → IR; the engines; the two cloud domains
 *                                         (policy and net use ir/value.ts, not the rest of ir/)
 *   replay, baseline                      compiled replay; the testing baseline
 *   verdict                               the code gate and the portfolio
 *   reporters                             SV-COMP witnesses
 *   api                                   one entry per question
 *   cli                                   the arc command
 *
 * Inside engines/, each engine may use the shared encoding layer and the
 * engine interface, never another engine (k-induction may use the testing
 * engine's sampled runs).
 */
const LAYERS = {
  core: [],
  ir: ['core'],
  smt: ['core', 'ir/value.ts'],
  semantics: ['core', 'ir'],
  frontends: ['core', 'ir'],
  engines: ['core', 'ir', 'semantics', 'smt'],
  policy: ['core', 'ir/value.ts', 'smt'],
  net: ['core', 'ir/value.ts', 'smt'],
  replay: ['core', 'ir'],
  baseline: ['core', 'ir', 'semantics', 'replay'],
  verdict: ['core', 'ir', 'semantics', 'smt', 'engines', 'replay', 'baseline'],
  reporters: ['core', 'ir', 'verdict'],
  api: ['core', 'ir', 'smt', 'frontends', 'policy', 'net', 'verdict'],
  cli: [
    'core',
    'ir',
    'smt',
    'frontends',
    'policy',
    'net',
    'verdict',
    'replay',
    'baseline',
    'reporters',
    'api',
  ],
};

const layerRules = Object.entries(LAYERS).map(([layer, allowed]) => ({
  name: `layer-${layer}`,
  comment: `src/${layer} may import only ${allowed.length === 0 ? 'nothing of arc' : allowed.map((a) => `src/${a}`).join(', ')}`,
  severity: 'error',
  from: { path: `^src/${layer}/` },
  // A folder allows everything under it; a file (`ir/value.ts`) only itself.
  to: {
    path: `^src/(?!(?:${[layer, ...allowed]
      .map((a) => (a.endsWith('.ts') ? `${a.replace('.', '\\.')}$` : `${a}/`))
      .join('|')}))[^/]+/`,
  },
}));

const ENGINE_FOLDERS = ['bmc', 'chc', 'kind', 'termination', 'testing'];
const engineRules = ENGINE_FOLDERS.map((engine) => ({
  name: `engine-${engine}`,
  comment: `an engine uses engines/encoding and engines/engine.ts, not another engine`,
  severity: 'error',
  from: { path: `^src/engines/${engine}/` },
  to: {
    path: `^src/engines/(?:${ENGINE_FOLDERS.filter(
      (e) => e !== engine && !(engine === 'kind' && e === 'testing'),
    ).join('|')})/`,
  },
}));

module.exports = {
  forbidden: [
    ...layerRules,
    ...engineRules,
    {
      name: 'no-circular',
      comment: 'no import cycle, type-only imports included',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'library-not-cli',
      comment: 'the library entry (src/index.ts) does not depend on the CLI',
      severity: 'error',
      from: { path: '^src/index\\.ts$' },
      to: { path: '^src/cli/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
