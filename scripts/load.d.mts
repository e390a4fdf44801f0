export type LoadResult = {
  events: number; seconds: number; connections: number; requests: number; rps: number
  latency: { p50: number; p99: number; max: number }; bytes_per_sec: number
  errors: number; timeouts: number; non2xx: number
  ingest: { ran_throughout: boolean; exit: number | null; stopped_by_us: boolean; seconds: number; output: string }
  store_after: { status: string; counts: { reports: number; events: number } }
}
export function runLoad(opts?: { events?: number; seconds?: number; connections?: number; reports?: number; finishIngest?: boolean; dir?: string; log?: (s: string) => void }): Promise<LoadResult>
export function held(r: LoadResult): boolean
