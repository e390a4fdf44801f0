import { z } from 'zod/v3'

const Span = z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() }).refine((s) => s.end >= s.start, 'span ends before it starts')
const Evidence = z.union([
  z.object({ kind: z.literal('spans'), spans: z.array(Span) }),
  z.object({ kind: z.literal('rule'), rule: z.string().min(1), spans: z.array(Span).optional() }),
])
const Inter = z.number().int().min(1).max(8).nullable()
const Precision = z.union([z.literal(1), z.literal(2), z.literal(3)]).nullable()

/**
 * The contract of a coded event, checked by the fuzz tests on every event the coder makes from
 * random input: the field set, the codebook's value ranges, and evidence that points into the text.
 */
export const SitrepEventSchema = z.object({
  event_id: z.string().optional(),
  event_type: z.enum(['Battles', 'Explosions/Remote violence', 'Violence against civilians', 'Protests', 'Riots', 'Strategic developments']),
  sub_event_type: z.string().min(1),
  disorder_type: z.string().min(1),
  actor1: z.string().nullable(), assoc_actor_1: z.string().nullable(), inter1: Inter,
  actor2: z.string().nullable(), assoc_actor_2: z.string().nullable(), inter2: Inter,
  interaction: z.number().int().min(10).max(88).nullable(),
  civilian_targeting: z.string().nullable(),
  country: z.string().nullable(), iso: z.string().nullable(), admin1: z.string().nullable(), admin2: z.string().nullable(), location: z.string().nullable(),
  latitude: z.number().min(-90).max(90).nullable(), longitude: z.number().min(-180).max(180).nullable(),
  geo_precision: Precision, geo_status: z.enum(['resolved', 'unresolved']),
  geo_candidates: z.array(z.object({ name: z.string(), admin1: z.string().nullable(), latitude: z.number(), longitude: z.number() })).optional(),
  event_date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(), time_precision: Precision,
  fatalities: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  arrests: z.number().int().nonnegative().nullable(),
  background: z.boolean(),
  confidence: z.number().min(0).max(1),
  notes: z.string(),
  evidence: z.record(z.string(), Evidence),
}).strict()
