import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { basename, join, resolve, sep } from 'node:path'
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
import { htmlReport, textReport, withDefaultPublished, type Origin } from './document-reports.js'

const DEFAULT_INCLUDE = globMatcher(`*.{${KNOWN_EXTENSIONS.join(',')}}`)

/** Reports from a local path: a file by its extension (sniffed when unknown), or a directory walked in path order. */
export async function* readPath(path: string, ctx: SourceContext): AsyncGenerator<SourceItem> {
  let info
  try {
    info = await stat(path)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    yield code === 'ENOENT' ? { ref: path, error: `no such file: ${path}` } : errorItem(path, `cannot read (${code ?? (e as Error).message})`)
    return
  }
  // A report's id and outlet never carry the absolute path (it would leak a user's directory layout into
  // shared data): a file named alone is its base name, a file in a directory is "directory/relative/path".
  if (info.isFile()) {
    yield* readFile(path, basename(path), kindForPath(path), ctx)
  } else if (info.isDirectory()) {
    const include = ctx.opts.glob ? globMatcher(ctx.opts.glob) : DEFAULT_INCLUDE
    const root = basename(resolve(path))
    for (const entry of await walkDirectory(path, include)) {
      const ref = join(path, entry.relative)
      if (entry.error) yield errorItem(ref, entry.error)
      else yield* readFile(ref, `${root}/${entry.relative.split(sep).join('/')}`, kindForPath(ref), ctx)
    }
  } else {
    yield errorItem(path, 'not a regular file or directory')
  }
}

async function* readFile(path: string, id: string, kind: DocumentKind | undefined, given: SourceContext): AsyncGenerator<SourceItem> {
  const ctx = given.opts.defaultPublished === 'mtime' ? await withFileDate(path, given) : given
  if (kind === 'jsonl') {
    yield* jsonlStream(createReadStream(path), path, ctx, id)
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
  yield* documentItems(decoded.text, kind, { ref: path, id, source: basename(path) }, ctx)
}

/** The reports of a decoded document: by its kind, or by what its text looks like. */
export async function* documentItems(text: string, kind: DocumentKind | undefined, origin: Origin, ctx: SourceContext): AsyncGenerator<SourceItem> {
  const actual = kind ?? sniffKind(text)
  if (actual === 'feed') yield* feedReports(text, origin, ctx)
  else if (actual === 'html') yield htmlReport(text, origin, ctx.opts)
  else if (actual === 'text') yield textReport(text, origin, ctx.opts)
  else yield errorItem(origin.ref, 'JSON lines need a .jsonl or .ndjson extension')
}

/** `--published mtime`: the file's modification date stands for the publication date of its undated reports. */
async function withFileDate(path: string, ctx: SourceContext): Promise<SourceContext> {
  try {
    const date = (await stat(path)).mtime.toISOString().slice(0, 10)
    return { ...ctx, opts: { ...ctx.opts, defaultPublished: date } }
  } catch {
    return ctx
  }
}

/**
 * Reports from a stream of JSON lines (a file, or stdin for "-"); ref and default id are `name:line`.
 * @example for await (const item of jsonlStream(process.stdin, 'stdin', ctx)) ...
 */
export async function* jsonlStream(stream: AsyncIterable<Buffer | string>, name: string, ctx: SourceContext, idBase = name): AsyncGenerator<SourceItem> {
  try {
    for await (const l of streamLines(stream, ctx.opts.maxBytes)) {
      const ref = `${name}:${l.line}`
      if ('error' in l) {
        yield errorItem(ref, l.error)
        continue
      }
      const r = parseReportLine(l.text, l.line, { defaultId: () => `${idBase}:${l.line}` })
      if (!r) continue
      yield 'error' in r ? errorItem(ref, r.error) : { ref, report: withDefaultPublished(r.report, ctx.opts) }
    }
  } catch (e) {
    yield errorItem(name, `cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`)
  }
}
