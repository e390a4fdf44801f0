/**
 * A matcher for a simple glob over '/'-separated relative paths: `*` (within a segment), `**`
 * (any segments), `?`, `{a,b}`. A pattern without '/' is matched against the file name alone,
 * so `*.txt` finds text files at any depth, as in .gitignore.
 * @example globMatcher('**\/2024-*.{txt,md}')('reports/2024-03.md') // true
 */
export function globMatcher(pattern: string): (relativePath: string) => boolean {
  const re = new RegExp(`^${globSource(pattern)}$`)
  const baseOnly = !pattern.includes('/')
  return (path) => re.test(baseOnly ? path.slice(path.lastIndexOf('/') + 1) : path)
}

function globSource(pattern: string): string {
  let out = ''
  let braces = 0
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!
    if (c === '*' && pattern[i + 1] === '*') {
      const slash = pattern[i + 2] === '/'
      out += slash ? '(?:.*/)?' : '.*'
      i += slash ? 2 : 1
    } else if (c === '*') out += '[^/]*'
    else if (c === '?') out += '[^/]'
    else if (c === '{') {
      braces++
      out += '(?:'
    } else if (c === '}' && braces > 0) {
      braces--
      out += ')'
    } else if (c === ',' && braces > 0) out += '|'
    else out += c.replace(/[.+^$()|[\]\\}]/g, '\\$&')
  }
  if (braces > 0) throw new Error(`glob ${JSON.stringify(pattern)}: unclosed '{'`)
  return out
}
