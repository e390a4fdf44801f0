import { readFileSync } from 'node:fs'

/** A whole input file as text, with the errors a user understands ("no such file: PATH"). */
export function readInputFile(path: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ENOENT') throw new Error(`no such file: ${path}`)
    if (code === 'EISDIR') throw new Error(`${path} is a directory, not a file`)
    if (code === 'EACCES') throw new Error(`cannot read ${path}: permission denied`)
    throw e
  }
}
