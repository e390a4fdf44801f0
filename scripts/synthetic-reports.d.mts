export type SyntheticReport = { id: string; title: string; published: string; source: string; text: string }
export function syntheticReports(count: number, opts?: { seed?: number; days?: number }): Generator<SyntheticReport>
