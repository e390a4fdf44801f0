import { describe, expect, it } from 'vitest'
import { globMatcher } from './glob.js'

describe('globMatcher', () => {
  it.each([
    ['*.txt', 'a.txt', true],
    ['*.txt', 'deep/er/a.txt', true], // no '/': the file name alone
    ['*.txt', 'a.txt.bak', false],
    ['**/*.html', 'a.html', true],
    ['**/*.html', 'x/y/a.html', true],
    ['news/*.md', 'news/a.md', true],
    ['news/*.md', 'news/sub/a.md', false],
    ['news/**', 'news/sub/a.md', true],
    ['report-?.{txt,md}', 'report-1.md', true],
    ['report-?.{txt,md}', 'report-12.md', false],
    ['a+b(1).txt', 'a+b(1).txt', true],
  ])('%s ~ %s -> %s', (glob, path, expected) => {
    expect(globMatcher(glob)(path)).toBe(expected)
  })

  it('throws on an unclosed brace, a configuration error', () => {
    expect(() => globMatcher('*.{txt,md')).toThrow(/unclosed/)
  })
})
