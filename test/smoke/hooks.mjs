// Resolve hook: the specifier 'electron' (and electron-store's own import of it) loads fake-electron.mjs.
const fake = new URL('./fake-electron.mjs', import.meta.url).href

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron') return { url: fake, shortCircuit: true }
  return nextResolve(specifier, context)
}
