// `node --import ./test/smoke/register.mjs …`: installs the loader hook that swaps 'electron' for the fake.
import { register } from 'node:module'

register('./hooks.mjs', import.meta.url)
