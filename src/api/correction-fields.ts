import { z } from 'zod/v3'

const isRealDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s
const name = (max = 200) => z.string().trim().min(1).max(max).nullable()
const precision = z.union([z.literal(1), z.literal(2), z.literal(3)])
const inter = z.number().int().min(1).max(8).nullable()

/**
 * What an analyst may write into each correctable field (src/store/corrections.ts names them): the
 * store keeps corrections as given, so a fatality count of "ten" would reach stats and exports.
 * A field missing here is left to the store, which refuses it by name.
 */
export const CORRECTION_VALUES: Record<string, z.ZodType> = {
  event_date: z.string().refine(isRealDate, 'expected a real date YYYY-MM-DD'),
  time_precision: precision,
  event_type: z.enum(['Battles', 'Explosions/Remote violence', 'Violence against civilians', 'Protests', 'Riots', 'Strategic developments']),
  sub_event_type: z.string().trim().min(1).max(200),
  disorder_type: z.string().trim().min(1).max(200),
  actor1: name(), assoc_actor_1: name(500), actor2: name(), assoc_actor_2: name(500),
  inter1: inter, inter2: inter,
  interaction: z.number().int().min(0).max(99).nullable(),
  civilian_targeting: name(),
  country: name(), iso: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 3166 alpha-3 code').nullable(),
  admin1: name(), admin2: name(), location: name(),
  latitude: z.number().min(-90).max(90).nullable(),
  longitude: z.number().min(-180).max(180).nullable(),
  geo_precision: precision.nullable(),
  fatalities: z.number().int().min(0).max(1_000_000),
  arrests: z.number().int().min(0).max(1_000_000).nullable(),
  notes: z.string().max(5000),
  background: z.boolean(),
  tags: name(500),
}

/** The problems of a correction's values, as `fields.fatalities: expected number, received string`. */
export function correctionProblems(fields: Record<string, unknown>): string[] {
  const out: string[] = []
  for (const [field, value] of Object.entries(fields)) {
    const schema = CORRECTION_VALUES[field]
    if (!schema) continue
    const r = schema.safeParse(value)
    if (!r.success) out.push(`fields.${field}: ${r.error.issues.map((i) => i.message).join(', ')}`)
  }
  return out
}
