import path from 'node:path'
import { ESLint } from 'eslint'
import tseslint from 'typescript-eslint'
import { describe, expect, it } from 'vitest'

// Lints small snippets as if they lived at a given path, through the repository's real eslint.config.js, so a
// broken layer rule (or a config that no longer matches a folder) fails here before it lets a bad import in.
// The probe files do not exist, so the type-aware parser is switched off: the rules under test are syntactic.
const root = path.resolve(import.meta.dirname, '../../..')
const eslint = new ESLint({ cwd: root, overrideConfig: tseslint.configs.disableTypeChecked })

async function restrictedImportMessages(relativePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, relativePath) })
  if (!result) throw new Error('ESLint returned no result')
  const fatal = result.messages.filter((m) => m.fatal)
  if (fatal.length > 0) throw new Error(`ESLint could not parse the snippet: ${fatal[0]?.message}`)
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message)
}

describe('layer rules', () => {
  it.each([
    ['src/core/lint-probe.ts', "import { app } from 'electron'\nexport const probe = app\n"],
    ['src/shared/lint-probe.ts', "import { app } from 'electron'\nexport const probe = app\n"],
  ])('%s may not import electron', async (file, code) => {
    const messages = await restrictedImportMessages(file, code)
    expect(messages).toHaveLength(1)
    expect(messages[0]).toMatch(/Only src\/main and src\/preload may import electron/)
  })

  it.each([
    [
      'src/renderer/src/lint-probe.ts',
      "import { ScannerError } from '../../core/errors.js'\nexport const p = ScannerError\n",
    ],
    ['src/renderer/src/lint-probe.ts', "import { x } from '../../main/ipc/register.js'\nexport const p = x\n"],
    ['src/renderer/src/lint-probe.ts', "import { x } from '../../cli/index.js'\nexport const p = x\n"],
    [
      'src/shared/ipc/lint-probe.ts',
      "import { ScannerError } from '../../core/errors.js'\nexport const p = ScannerError\n",
    ],
    ['src/shared/lint-probe.ts', "import { x } from '../main/index.js'\nexport const p = x\n"],
    ['src/core/lint-probe.ts', "import { x } from '../main/index.js'\nexport const p = x\n"],
  ])('%s: layer import is refused (%s)', async (file, code) => {
    const messages = await restrictedImportMessages(file, code)
    expect(messages).toHaveLength(1)
    expect(messages[0]).toMatch(/may not import/)
  })

  it.each([
    [
      'src/core/unifi/lint-probe.ts',
      "import type { Integration } from '../integrations/contract.js'\nexport type P = Integration\n",
    ],
    ['src/core/unifi/collect/lint-probe.ts', "import { x } from '../../report/section.js'\nexport const p = x\n"],
    ['src/core/http/lint-probe.ts', "import { x } from '../unifi/client.js'\nexport const p = x\n"],
    ['src/core/analysis/lint-probe.ts', "import { x } from '../report/model.js'\nexport const p = x\n"],
    [
      'src/core/report/lint-probe.ts',
      "import type { IntegrationOutcome } from '../integrations/contract.js'\nexport type P = IntegrationOutcome\n",
    ],
    ['src/core/report/views/lint-probe.ts', "import { x } from '../../pipeline/run-report.js'\nexport const p = x\n"],
    [
      'src/core/integrations/cloudflare/lint-probe.ts',
      "import { x } from '../../pipeline/run-report.js'\nexport const p = x\n",
    ],
  ])('%s: an engine import that points up is refused (%s)', async (file, code) => {
    const messages = await restrictedImportMessages(file, code)
    expect(messages).toHaveLength(1)
    expect(messages[0]).toMatch(/Engine imports point down only/)
  })

  it('keeps the outer layer rules inside the engine folders', async () => {
    const code = "import { app } from 'electron'\nimport { x } from '../../main/index.js'\nexport const p = [app, x]\n"
    const messages = await restrictedImportMessages('src/core/unifi/lint-probe.ts', code)
    expect(messages).toHaveLength(2)
  })

  it('bans ipcRenderer outside the preload', async () => {
    const code = "import { ipcRenderer } from 'electron'\nexport const p = ipcRenderer\n"
    const inMain = await restrictedImportMessages('src/main/lint-probe.ts', code)
    expect(inMain.join('\n')).toMatch(/ipcRenderer is reachable only from src\/preload/)
    expect(await restrictedImportMessages('src/preload/lint-probe.ts', code)).toEqual([])
  })

  it('allows the imports the architecture wants', async () => {
    const allowed: Array<[string, string]> = [
      [
        'src/main/lint-probe.ts',
        "import { app } from 'electron'\nimport { ScannerError } from '../core/errors.js'\nexport const p = [app, ScannerError]\n",
      ],
      [
        'src/cli/lint-probe.ts',
        "import { ScannerError } from '../core/errors.js'\nimport { defaultSettings } from '../shared/settings.js'\nexport const p = [ScannerError, defaultSettings]\n",
      ],
      [
        'src/renderer/src/lint-probe.ts',
        "import { defaultSettings } from '../../shared/settings.js'\nexport const p = defaultSettings\n",
      ],
      [
        'src/core/lint-probe.ts',
        "import { defaultSettings } from '../shared/settings.js'\nexport const p = defaultSettings\n",
      ],
      [
        'src/core/pipeline/lint-probe.ts',
        "import { x } from '../report/build-model.js'\nimport { y } from '../integrations/runner.js'\nexport const p = [x, y]\n",
      ],
      [
        'src/core/integrations/lint-probe.ts',
        "import type { ReportSection } from '../report/section.js'\nimport type { UnifiRunAccess } from '../unifi/run-access.js'\nexport type P = [ReportSection, UnifiRunAccess]\n",
      ],
      [
        'src/core/report/lint-probe.ts',
        "import type { AnalysisResult } from '../analysis/model.js'\nimport type { SiteRef } from '../unifi/model.js'\nexport type P = [AnalysisResult, SiteRef]\n",
      ],
      [
        'src/core/unifi/lint-probe.ts',
        "import { httpRequest } from '../http/request.js'\nimport { formatDateTime } from '../time.js'\nexport const p = [httpRequest, formatDateTime]\n",
      ],
    ]
    for (const [file, code] of allowed) {
      expect(await restrictedImportMessages(file, code), file).toEqual([])
    }
  })

  it('rejects an explicit any', async () => {
    const [result] = await eslint.lintText('export const value: any = 1\n', {
      filePath: path.join(root, 'src/core/lint-probe.ts'),
    })
    expect(result?.messages.map((m) => m.ruleId)).toContain('@typescript-eslint/no-explicit-any')
  })
})
