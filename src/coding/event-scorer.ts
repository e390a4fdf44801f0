import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod/v3'
import type { EventFeatures } from './event-features.js'

export const ScorerModelSchema = z.object({
  about: z.string(),
  /** how it was trained and how it scored on data it did not see (cross-validation over train cases) */
  trained: z.record(z.string(), z.unknown()),
  buckets: z.number().int().positive(),
  named: z.record(z.string(), z.number()),
  /** weights of hashed word features, as [bucket, weight] pairs (zeros left out) */
  hashed: z.array(z.tuple([z.number().int().nonnegative(), z.number()])),
  /** events of a lower probability are not written (background mentions always are) */
  threshold: z.number().min(0).max(1),
})
export type ScorerModel = z.infer<typeof ScorerModelSchema>
export type EventScorer = { model: ScorerModel; probability: (f: EventFeatures) => number }

/** A logistic model over an event's features: its output is the chance that the event is real and rightly typed. */
export function makeEventScorer(model: ScorerModel): EventScorer {
  const hashed = new Float64Array(model.buckets)
  for (const [k, w] of model.hashed) if (k < model.buckets) hashed[k] = w
  return {
    model,
    probability(f) {
      let z = 0
      for (const [k, v] of Object.entries(f.named)) z += (model.named[k] ?? 0) * v
      for (const [k, v] of f.hashed) z += hashed[k % model.buckets]! * v
      return 1 / (1 + Math.exp(-z))
    },
  }
}

/** data/models/event-scorer.json when it is there (null otherwise: the rules' own confidence is used). */
export function loadEventScorer(dataDir: string, model = 'event-scorer'): EventScorer | null {
  const file = join(dataDir, `models/${model}.json`)
  if (!existsSync(file)) return null
  let raw: unknown
  try { raw = JSON.parse(readFileSync(file, 'utf8')) } catch (e) { throw new Error(`cannot read ${file}: ${(e as Error).message}`) }
  const parsed = ScorerModelSchema.safeParse(raw)
  if (!parsed.success) throw new Error(`invalid model file ${file}: ${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)
  return makeEventScorer(parsed.data)
}
