import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { KNOWN_EXTENSIONS, kindForPath, sniffKind } from './document-kind.js'
import type { DocumentKind } from './document-kind.js'
import { feedReports } from './feed-reports.js'
import { globMatcher } from './glob.js'
import { parseReportLine } from './jsonl.js'
import { streamLines } from './line-stream.js'
import { readFileCapped, walkDirectory } from './local-files.js'
import type { SourceContext, SourceItem } from './source-types.js'
import { errorItem } from './source-types.js'
import { decodeText } from './text-decode.js'
import { htmlReport, textReport, withDefaultPublished } from './document-reports.js'

const DEFAULT_INCLUDE = globMatcher(`*.{${KNOWN_EXTENSIONS.join(',')}}`)

/** Reports from a local path: a file by its extension (sniffed when unknown), or a directory walked in path order. */
export async function* readPath(path: string, ctx: SourceContext): AsyncGenerator<SourceItem> {
  let info
  try {
    info = await stat(path)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    yield errorItem(path, code === 'ENOENT' ? 'no such file or directory' : `cannot read (${code ?? (e as Error).message})`)
    return
  }
  if (info.isFile()) {
    yield* readFile(path, kindForPath(path), ctx)
  } else if (info.isDirectory()) {
    const include = ctx.opts.glob ? globMatcher(ctx.opts.glob) : DEFAULT_INCLUDE
    for (const entry of await walkDirectory(path, include)) {
      const ref = join(path, entry.relative)
      if (entry.error) yield errorItem(ref, entry.error)
      else yield* readFile(ref, kindForPath(ref), ctx)
    }
  } else {
    yield errorItem(path, 'not a regular file or directory')
  }
}

async function* readFile(path: string, kind: DocumentKind | undefined, ctx: SourceContext): AsyncGenerator<SourceItem> {
  if (kind === 'jsonl') {
    yield* jsonlFile(path, ctx)
    return
  }
  const read = await readFileCapped(path, ctx.opts.maxBytes)
  if ('error' in read) {
    yield errorItem(path, read.error)
    return
  }
  const decoded = decodeText(read.bytes, { strictUtf8: true })
  if ('error' in decoded) {
    yield errorItem(path, decoded.error)
    return
  }
  const origin = { ref: path, id: path }
  const actual = kind ?? sniffKind(decoded.text)
  if (actual === 'feed') yield* feedReports(decoded.text, origin, ctx)
  else if (actual === 'html') yield htmlReport(decoded.text, origin, ctx.opts)
  else if (actual === 'text') yield textReport(decoded.text, origin, ctx.opts)
  else yield errorItem(path, 'JSON lines need a .jsonl or .ndjson extension')
}

/** JSONL is streamed a line at a time, so maxBytes caps each line rather than the whole batch. */
async function* jsonlFile(path: string, ctx: SourceContext): AsyncGenerator<SourceItem> {
  yield* jsonlStream(createReadStream(path), path, ctx)
}

/**
 * Reports from a stream of JSON lines (a file, or stdin for "-"); ref and default id are `name:line`.
 * @example for await (const item of jsonlStream(process.stdin, 'stdin', ctx)) ...
 */
export async function* jsonlStream(stream: AsyncIterable<Buffer | string>, name: string, ctx: SourceContext): AsyncGenerator<SourceItem> {
  try {
    for await (const l of streamLines(stream, ctx.opts.maxBytes)) {
      const ref = `${name}:${l.line}`
      if ('error' in l) {
        yield errorItem(ref, l.error)
        continue
      }
      const r = parseReportLine(l.text, l.line, { defaultId: () => ref })
      if (!r) continue
      yield 'error' in r ? errorItem(ref, r.error) : { ref, report: withDefaultPublished(r.report, ctx.opts) }
    }
  } catch (e) {
    yield errorItem(name, `cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`)
  }
}
