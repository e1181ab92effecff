// Lint is also our architecture guard: the layer rules below keep the engine (src/core) free of Electron,
// keep src/shared dependency-free, keep the renderer away from engine and main-process code, and inside the
// engine let imports point down only: http ← unifi ← analysis ← report ← integrations ← pipeline.
import js from '@eslint/js'
import globals from 'globals'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

const ELECTRON = { name: 'electron', message: 'Only src/main and src/preload may import electron.' }
const IPC_RENDERER = {
  name: 'electron',
  importNames: ['ipcRenderer'],
  message: 'ipcRenderer is reachable only from src/preload, which exposes named functions.',
}

/** A relative or aliased import that walks into one of our top-level source folders. */
function layer(folder, message) {
  return { regex: `(^|/)(src/)?${folder}(/|$)`, message }
}

const NO_CORE = layer('core', 'This layer may not import the engine (src/core).')
const NO_MAIN = layer('main', 'This layer may not import main-process code (src/main).')
const NO_RENDERER = layer('renderer', 'This layer may not import renderer code (src/renderer).')
const NO_CLI = layer('cli', 'This layer may not import the CLI (src/cli).')
const NO_SIMULATOR = layer('simulator', 'This layer may not import the simulator (src/simulator).')

/** An import that walks into one of the engine's own folders (src/core/<folder>). */
function engineLayer(folder, message) {
  return { regex: `(^|/)${folder}(/|$)`, message: `Engine imports point down only: ${message}` }
}

const NO_UNIFI = engineLayer('unifi', 'this layer may not import core/unifi.')
const NO_ANALYSIS = engineLayer('analysis', 'this layer may not import core/analysis.')
const NO_REPORT = engineLayer('report', 'this layer may not import core/report.')
const NO_INTEGRATIONS = engineLayer('integrations', 'this layer may not import core/integrations.')
const NO_PIPELINE = engineLayer('pipeline', 'this layer may not import core/pipeline.')
const CORE = [NO_MAIN, NO_RENDERER, NO_CLI]

/** One `no-restricted-imports` block per layer: a later block replaces an earlier one, so each lists everything. */
function restrict(files, paths, patterns = []) {
  return { files, rules: { 'no-restricted-imports': ['error', { paths, patterns }] } }
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: globals.node,
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}', 'test/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs['recommended-latest'].rules,
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  restrict(['**/*.{ts,tsx,js,mjs,cjs}'], [IPC_RENDERER]),
  restrict(['src/preload/**'], []),
  restrict(['src/main/**'], [IPC_RENDERER], [NO_RENDERER, NO_CLI, NO_SIMULATOR]),
  restrict(['src/core/**'], [ELECTRON], CORE),
  restrict(['src/core/http/**'], [ELECTRON], [...CORE, NO_UNIFI, NO_ANALYSIS, NO_REPORT, NO_INTEGRATIONS, NO_PIPELINE]),
  restrict(['src/core/unifi/**'], [ELECTRON], [...CORE, NO_ANALYSIS, NO_REPORT, NO_INTEGRATIONS, NO_PIPELINE]),
  restrict(['src/core/analysis/**'], [ELECTRON], [...CORE, NO_REPORT, NO_INTEGRATIONS, NO_PIPELINE]),
  restrict(['src/core/report/**'], [ELECTRON], [...CORE, NO_INTEGRATIONS, NO_PIPELINE]),
  restrict(['src/core/integrations/**'], [ELECTRON], [...CORE, NO_PIPELINE]),
  restrict(['src/core/delivery/**'], [ELECTRON], [...CORE, NO_PIPELINE]),
  restrict(['src/core/schedule/**'], [ELECTRON], [...CORE, NO_PIPELINE]),
  restrict(['src/shared/**'], [ELECTRON], [NO_CORE, NO_MAIN, NO_RENDERER, NO_CLI, NO_SIMULATOR]),
  restrict(['src/renderer/**'], [ELECTRON], [NO_CORE, NO_MAIN, NO_CLI, NO_SIMULATOR]),
  restrict(['src/cli/**'], [ELECTRON], [NO_MAIN, NO_RENDERER]),
  restrict(['src/simulator/**'], [ELECTRON], [NO_MAIN, NO_RENDERER, NO_CLI]),
  restrict(['src/bench/**'], [ELECTRON], [NO_MAIN, NO_RENDERER]),
)
