import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'

/**
 * Vite's dev server needs a websocket and an inline React Refresh preamble; the production CSP in index.html
 * allows neither. Relax it in `serve` only, never in a build.
 */
function devContentSecurityPolicy(): Plugin {
  return {
    name: 'unifi-scanner:dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws: http://localhost:*"),
  }
}

export default defineConfig({
  // ESM main ("type": "module"), npm dependencies left external and loaded from node_modules — except React.
  // React picks its development or production build from NODE_ENV when it loads, and nothing sets NODE_ENV in
  // a shipped Electron main; a banner cannot help either, because ESM imports run before the entry's body. So
  // main bundles React (only the report's renderToStaticMarkup uses it) with NODE_ENV fixed at build time, and
  // the bundler drops the development build entirely.
  main: {
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: { externalizeDeps: { exclude: ['react', 'react-dom'] } },
  },
  // A sandboxed preload cannot be ESM: one CommonJS file that requires nothing but electron.
  preload: {
    build: { rolldownOptions: { output: { format: 'cjs', entryFileNames: '[name].cjs' } } },
  },
  renderer: {
    root: 'src/renderer',
    plugins: [react(), devContentSecurityPolicy()],
    // electron-vite leaves every bundle unminified by default; the window loads the renderer from disk on each
    // open, so ship it minified (the shipped main stays readable for stack traces in the log).
    build: { minify: true },
  },
})
