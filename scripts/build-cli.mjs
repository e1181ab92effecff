// Bundles the headless entry points (CLI, and the benchmark when present) as Node ESM with vite's SSR build:
// our TypeScript and .tsx (the report renderer uses React's renderToStaticMarkup) are compiled and bundled,
// npm dependencies stay external and load from node_modules at run time.
import { existsSync } from 'node:fs'
import { chmod } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { build } from 'vite'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

// React is an external dependency and picks its development build (10–20× slower report rendering) unless
// NODE_ENV says production before it loads. The banner sets it at the top of the entry chunk. ESM evaluates an
// entry's static imports before its body, so this works only because React is reached through dynamic imports
// (each command is loaded when it runs); test/unit/build/shipped-bundles.test.ts checks that it stays so.
const PRODUCTION_REACT = "process.env.NODE_ENV ??= 'production';"

const targets = [
  { entry: 'src/cli/index.ts', outDir: 'out/cli', banner: `#!/usr/bin/env node\n${PRODUCTION_REACT}`, required: true },
  { entry: 'src/bench/index.ts', outDir: 'out/bench', banner: PRODUCTION_REACT, required: false },
]

for (const target of targets) {
  const entry = path.join(root, target.entry)
  if (!existsSync(entry)) {
    if (target.required) throw new Error(`build-cli: ${target.entry} is missing`)
    continue
  }
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    mode: 'production',
    plugins: [react()],
    ssr: { target: 'node' },
    build: {
      ssr: entry,
      outDir: path.join(root, target.outDir),
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      sourcemap: false,
      copyPublicDir: false,
      rolldownOptions: {
        output: {
          format: 'es',
          entryFileNames: 'index.js',
          chunkFileNames: 'chunks/[name]-[hash].js',
          banner: target.banner,
        },
      },
    },
  })
  if (target.banner) await chmod(path.join(root, target.outDir, 'index.js'), 0o755)
  console.log(`build-cli: ${target.entry} → ${target.outDir}/index.js`)
}
