/** Groups mentions by sentence once, so stages look up a sentence's mentions without scanning the report. */
export function bySentence<T extends { sentence: number }>(xs: readonly T[] | undefined): (i: number) => T[] {
  const map = new Map<number, T[]>()
  for (const x of xs ?? []) {
    const list = map.get(x.sentence)
    if (list) list.push(x)
    else map.set(x.sentence, [x])
  }
  return (i) => map.get(i) ?? []
}
