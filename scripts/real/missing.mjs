#!/usr/bin/env node
// npm run real:missing [-- --json]: the `pages` queries to run so every case's text is in the cache.
// One query brings up to 8 pages, so cases are grouped by query: a full rebuild needs far fewer queries than pages.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { readCases, pageSha, textsDir, cacheDir } from './corpus.mjs'

const cases = readCases()
const missing = cases.filter((c) => !existsSync(join(textsDir, `${pageSha(c)}.txt`)))
const byQuery = new Map()
for (const c of missing) {
  const q = c.from?.query ?? c.query
  const e = byQuery.get(q) ?? byQuery.set(q, { query: q, urls: new Set(), cases: [] }).get(q)
  e.urls.add(c.from?.url ?? c.url)
  e.cases.push(c.id)
}
const todo = [...byQuery.values()].map((e) => ({ query: e.query, urls: [...e.urls], cases: e.cases }))
if (process.argv.includes('--json')) console.log(JSON.stringify(todo, null, 1))
else {
  console.log(`${cases.length} cases; ${cases.length - missing.length} texts in ${cacheDir}; ${missing.length} missing, ${todo.length} queries to run`)
  for (const t of todo) console.log(`${t.query}\n    ${t.urls.join('\n    ')}`)
}
