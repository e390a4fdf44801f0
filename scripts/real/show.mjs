#!/usr/bin/env node
// node scripts/real/show.mjs ID [...]: prints a case's text from the cache, each line with its character
// offset, so notes can point at it by range ([text 812-921]) instead of quoting it. For coders; never commit
// what it prints.
import { readCases, caseText } from './corpus.mjs'

const ids = new Set(process.argv.slice(2))
if (ids.size === 0) { console.error('usage: node scripts/real/show.mjs ID [...]'); process.exit(2) }
for (const c of readCases().filter((x) => ids.has(x.id))) {
  const text = caseText(c)
  console.log(`===== ${c.id} (${c.kind}, ${c.split}) ${c.url}\npublished: ${c.published ?? 'unknown'}  country: ${c.country ?? '?'}  chars: ${text?.length ?? '-'}`)
  if (text === null) { console.log('(text not in the cache: npm run real:missing)'); continue }
  const re = /[^\n]+/g
  for (let m = re.exec(text); m; m = re.exec(text)) console.log(`[${m.index}-${m.index + m[0].length}] ${m[0]}`)
}
