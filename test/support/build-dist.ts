import { execFileSync } from 'node:child_process'
import { join } from 'node:path'

// Tests that run bin/sitrep in child processes need dist/ to match src/. Built once here, before any
// test file starts: files compiling it each on their own raced, one reading what another was writing.
export default function setup() {
  const root = join(import.meta.dirname, '../..')
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' })
  // the gazetteer database npm install builds; rebuilt here only when the gazetteer files changed since
  execFileSync(process.execPath, [join(root, 'scripts/build-gazetteer-db.mjs')], { cwd: root, stdio: 'inherit' })
}
