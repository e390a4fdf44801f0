import { join } from 'node:path'
import { z } from 'zod/v3'
import { DEFAULT_DATA_DIR, readJson } from '../data/load.js'

const Window = z.object({ '1': z.number(), '2': z.number(), '3': z.number() })
export const MergeRulesSchema = z.object({
  date_window_days: Window.extend({ example: z.string() }),
  max_km: Window.extend({ example: z.string() }),
  compatible_sub_events: z.object({ groups: z.array(z.array(z.string())), example: z.string() }),
  unknown_actor_prefixes: z.object({ prefixes: z.array(z.string()), example: z.string() }),
  score: z.object({ same_name: z.number(), same_sub_event: z.number(), same_day: z.number(), shared_actor: z.number(), distance: z.number() }),
  within_report: z.object({ about: z.string(), escalation: z.array(z.array(z.string().min(1)).min(2)), apart: z.array(z.tuple([z.string(), z.string()])), example: z.string().min(1) }),
})
export type MergeRules = z.infer<typeof MergeRulesSchema>

let cached: MergeRules | null = null
/** data/rules/merge.json, validated once per process. */
export function mergeRules(dir = DEFAULT_DATA_DIR): MergeRules {
  if (cached && dir === DEFAULT_DATA_DIR) return cached
  const data = readJson(join(dir, 'rules/merge.json'), MergeRulesSchema)
  if (dir === DEFAULT_DATA_DIR) cached = data
  return data
}
