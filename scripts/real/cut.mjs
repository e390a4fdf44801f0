#!/usr/bin/env node
// node scripts/real/cut.mjs PAGE_SHA256 "first words" "last words"
// Finds a short input inside a cached page: the range from the first occurrence of the first words to the
// end of the next occurrence of the last words. Prints {page_sha256, start, end, text_sha256, chars}.
import { pageText, sha256 } from './corpus.mjs'

const [sha, first, last] = process.argv.slice(2)
if (!sha || !first || !last) { console.error('usage: node scripts/real/cut.mjs PAGE_SHA256 "first words" "last words"'); process.exit(2) }
const page = pageText(sha)
if (page === null) { console.error(`no cached page ${sha}`); process.exit(1) }
const start = page.indexOf(first)
if (start < 0) { console.error(`"${first}" is not in the page`); process.exit(1) }
const at = page.indexOf(last, start)
if (at < 0) { console.error(`"${last}" is not in the page after "${first}"`); process.exit(1) }
const end = at + last.length
const text = page.slice(start, end)
console.log(JSON.stringify({ page_sha256: sha, start, end, text_sha256: sha256(text), chars: text.length }))
