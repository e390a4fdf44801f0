#!/usr/bin/env node
// node scripts/real/import-reply.mjs REPLY.json [...]
//
// Saves the pages of `pages` search replies into the text cache (texts/<sha256>.txt) and the pool index
// (pool.jsonl: url, query, sha256), then says for each committed case it covers whether its sha256 matches.
// A reply file holds the search answer exactly as returned (or any JSON holding {url, excerpt} objects,
// with the query at the top as "query"); a text is stored under the sha256 of its exact UTF-8 bytes.
import { appendFileSync, mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { textsDir, poolPath, sha256, readCases, readJsonl } from './corpus.mjs'

const files = process.argv.slice(2)
if (files.length === 0) {
  console.error('usage: node scripts/real/import-reply.mjs REPLY.json [...]')
  process.exit(2)
}
mkdirSync(textsDir, { recursive: true })
const cases = readCases()
const byUrl = new Map()
for (const c of cases) if (!c.from) (byUrl.get(c.url) ?? byUrl.set(c.url, []).get(c.url)).push(c)
const pooled = new Set(readJsonl(poolPath).map((p) => `${p.url}\t${p.sha256}`))

function* results(node) {
  if (Array.isArray(node)) for (const x of node) yield* results(x)
  else if (node && typeof node === 'object') {
    if (typeof node.url === 'string' && typeof node.excerpt === 'string') yield node
    else for (const v of Object.values(node)) yield* results(v)
  }
}

let saved = 0, ok = 0, bad = 0, failed = 0
for (const file of files) {
  let reply
  try { reply = JSON.parse(readFileSync(file, 'utf8')) } catch (e) {
    failed++
    console.error(`${file}: not JSON (${e.message}); nothing taken from it`)
    continue
  }
  const query = reply.query ?? null
  for (const r of results(reply)) {
    const sha = sha256(r.excerpt)
    const path = join(textsDir, `${sha}.txt`)
    if (!existsSync(path)) { writeFileSync(path, r.excerpt); saved++ }
    if (!pooled.has(`${r.url}\t${sha}`)) {
      appendFileSync(poolPath, JSON.stringify({ url: r.url, query, rank: r.rank ?? null, sha256: sha, chars: r.excerpt.length }) + '\n')
      pooled.add(`${r.url}\t${sha}`)
    }
    for (const c of byUrl.get(r.url) ?? []) {
      if (c.text_sha256 === sha) ok++
      else { bad++; console.error(`${c.id}: ${r.url}: sha256 ${sha.slice(0, 12)} differs from the case's ${c.text_sha256.slice(0, 12)} (copy error, or the stored page changed)`) }
    }
  }
}
console.log(`${saved} new text(s) saved; ${ok} case(s) matched their sha256, ${bad} did not`)
if (failed || bad) process.exit(1)
