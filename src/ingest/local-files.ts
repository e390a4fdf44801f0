import { open, readdir, realpath, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { formatBytes } from './format-bytes.js'

/**
 * A file's bytes, refused when larger than maxBytes by its size on disk, before reading anything.
 * @example await readFileCapped('big.txt', 1024) // { error: 'file is 2 KiB, over the cap of 1 KiB (maxBytes)' }
 */
export async function readFileCapped(path: string, maxBytes: number): Promise<{ bytes: Buffer } | { error: string }> {
  const handle = await open(path, 'r')
  try {
    const { size } = await handle.stat()
    if (size > maxBytes) return { error: tooLarge(size, maxBytes) }
    // read one byte past the cap: a file growing since stat() must not slip through
    const buffer = Buffer.alloc(Math.min(size, maxBytes) + 1)
    let length = 0
    for (let n = -1; n !== 0 && length < buffer.length;) {
      n = (await handle.read(buffer, length, buffer.length - length, length)).bytesRead
      length += n
    }
    if (length > maxBytes) return { error: tooLarge(length, maxBytes) }
    return { bytes: buffer.subarray(0, length) }
  } finally {
    await handle.close()
  }
}

const tooLarge = (size: number, cap: number) => `file is ${formatBytes(size)}, over the cap of ${formatBytes(cap)} (maxBytes)`

export type WalkEntry = { relative: string; error?: string }

/**
 * Files under a directory whose '/'-separated relative path passes `include`, sorted by that path
 * so runs are reproducible. Symbolic links are followed, but a directory already visited (by its
 * real path) is not entered again, which ends symlink loops. Hidden entries (.git, .cache) are skipped.
 * @example await walkDirectory('reports', (p) => p.endsWith('.txt')) // [{ relative: 'a.txt' }, { relative: 'sub/b.txt' }]
 */
export async function walkDirectory(root: string, include: (relative: string) => boolean): Promise<WalkEntry[]> {
  const out: WalkEntry[] = []
  const visited = new Set<string>([await realpath(root)])
  const visit = async (relativeDir: string): Promise<void> => {
    let names: string[]
    try {
      names = await readdir(join(root, relativeDir))
    } catch (e) {
      out.push({ relative: relativeDir, error: `cannot read directory (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` })
      return
    }
    for (const name of names) {
      if (name.startsWith('.')) continue
      const relative = relativeDir ? `${relativeDir}/${name}` : name
      const full = join(root, relative)
      try {
        const info = await stat(full)
        if (info.isDirectory()) {
          const real = await realpath(full)
          if (visited.has(real)) continue
          visited.add(real)
          await visit(relative)
        } else if (info.isFile() && include(relative)) {
          out.push({ relative })
        }
      } catch (e) {
        // a dangling symlink, or a file gone since readdir
        if (include(relative)) out.push({ relative, error: `cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` })
      }
    }
  }
  await visit('')
  return out.sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0))
}
