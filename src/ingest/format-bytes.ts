/**
 * A byte count for error messages, exact below 1 KiB.
 * @example formatBytes(10 * 1024 * 1024) // '10 MiB'
 */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`
  const [value, unit] = n < 1024 ** 2 ? [n / 1024, 'KiB'] : n < 1024 ** 3 ? [n / 1024 ** 2, 'MiB'] : [n / 1024 ** 3, 'GiB']
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${unit}`
}
