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
  // ESM main ("type": "module"), npm dependencies left external and loaded from node_modules.
  main: {},
  // A sandboxed preload cannot be ESM: one CommonJS file that requires nothing but electron.
  preload: {
    build: { rolldownOptions: { output: { format: 'cjs', entryFileNames: '[name].cjs' } } },
  },
  renderer: {
    root: 'src/renderer',
    plugins: [react(), devContentSecurityPolicy()],
  },
})
