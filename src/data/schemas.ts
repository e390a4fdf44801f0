import { z } from 'zod/v3'

const validity = z.object({ from: z.string().nullable(), to: z.string().nullable() })

export const CountrySchema = z.object({
  iso2: z.string().length(2), iso3: z.string().length(3), name: z.string().min(1),
  article: z.string(), demonyms: z.array(z.string()), aliases: z.array(z.string()),
  region: z.string(), capital: z.string().nullable().optional(),
})
export const UnitSchema = z.object({
  name: z.string().min(1), aliases: z.array(z.string()), country: z.string().length(2),
  force: z.enum(['military', 'police', 'government']), valid: validity, example: z.string().min(1),
})
export const GroupSchema = z.object({
  name: z.string().min(1), aliases: z.array(z.string()), countries: z.array(z.string()),
  inter: z.number().int().min(1).max(8), valid: validity, parent: z.string().nullable(), example: z.string().min(1),
})
export const GenericSchema = z.object({
  weapons: z.object({ pattern: z.string().min(1), example: z.string().min(1) }),
  weapon_doers: z.object({ pattern: z.string().min(1), example: z.string().min(1) }),
  member_of: z.object({ pattern: z.string().min(1), example: z.string().min(1), about: z.string() }),
  targets: z.object({ police: z.array(z.string().min(1)), military: z.array(z.string().min(1)), example: z.string().min(1) }),
  security_forces: z.object({ about: z.string(), nouns: z.string().min(1), military_words: z.string().min(1), police_words: z.string().min(1), example: z.string().min(1), counter: z.string().min(1) }).optional(),
  nouns: z.array(z.object({
    kind: z.enum(['armed', 'civilians', 'protesters', 'rioters', 'military', 'police', 'government']),
    pattern: z.string().min(1), example: z.string().min(1),
  })),
})
export const TriggersSchema = z.object({
  triggers: z.array(z.object({
    class: z.string().min(1), patterns: z.array(z.string().min(1)).min(1), generic: z.boolean().optional(),
    caseSensitive: z.boolean().optional(), example: z.string().min(1),
  })),
  objects: z.object({
    about: z.string(), skip: z.string().min(1),
    rules: z.array(z.object({ after: z.array(z.string().min(1)).min(1), nouns: z.string().min(1), then: z.string().min(1).nullable(), example: z.string().min(1) })),
    place_required: z.object({ about: z.string(), classes: z.array(z.string().min(1)), nouns: z.string().min(1), example: z.string().min(1) }),
  }),
})
export const SubEventRulesSchema = z.object({
  rules: z.array(z.object({
    all: z.array(z.string()).optional(), any: z.array(z.string()).optional(), none: z.array(z.string()).optional(),
    agent: z.enum(['state', 'home-state', 'nonstate', 'not-state', 'group', 'crowd', 'any']).optional(),
    target: z.enum(['civilians', 'armed', 'protesters', 'none']).optional(),
    then: z.string().min(1), generic: z.boolean().optional(), example: z.string().min(1),
  })),
  types: z.record(z.string(), z.array(z.string())),
  disorder: z.record(z.string(), z.string()),
  suppress: z.object({
    cues: z.array(z.object({ scope: z.enum(['clause', 'before']), patterns: z.array(z.string().min(1)), example: z.string() })),
    accidents: z.object({ about: z.string(), patterns: z.array(z.string().min(1)).min(1), classes: z.array(z.string().min(1)), example: z.string().min(1) }),
    crime: z.object({ about: z.string(), patterns: z.array(z.string().min(1)).min(1), example: z.string().min(1) }),
  }),
  requirements: z.object({
    about: z.string(),
    rules: z.array(z.object({
      sub: z.string().min(1), words: z.array(z.string().min(1)), actors: z.array(z.string().min(1)), not_words: z.array(z.string().min(1)),
      example: z.string().min(1), counter: z.string().min(1),
      also: z.array(z.string().min(1)).optional(), also_example: z.string().min(1).optional(), also_counter: z.string().min(1).optional(),
    })),
  }),
})
export const NumbersSchema = z.object({
  units: z.record(z.string(), z.number()), scales: z.record(z.string(), z.number()),
  vague: z.record(z.string(), z.number()), hedges: z.array(z.string()),
  one_person: z.object({ nouns: z.array(z.string()) }),
  conjoined_counts: z.object({ about: z.string(), clause_start: z.array(z.string().min(1)), not_subject: z.array(z.string().min(1)), example: z.string().min(1) }),
})
export const DatesSchema = z.object({
  relative: z.array(z.object({
    patterns: z.array(z.string().min(1)).min(1), rule: z.string().min(1), example: z.string().min(1),
  })),
  context: z.object({
    about: z.string(),
    clause: z.object({ patterns: z.array(z.string().min(1)).min(1), example: z.string().min(1) }),
    phrase: z.object({ patterns: z.array(z.string().min(1)).min(1), example: z.string().min(1) }),
  }),
})

export const FurnitureSchema = z.object({
  rules: z.array(z.object({ scope: z.enum(['tail', 'line', 'inline', 'prefix', 'span']), name: z.string().min(1), pattern: z.string().min(1), example: z.string().min(1) })),
  headline_run: z.object({ min_lines: z.number().int().min(2), max_chars: z.number().int().positive(), example: z.string().min(1) }),
  trailing: z.object({ max_chars: z.number().int().positive(), example: z.string().min(1) }),
})

export const RolesSchema = z.object({
  about: z.string(),
  doer_kinds: z.object({ about: z.string(), rules: z.array(z.object({ subs: z.array(z.string().min(1)).min(1), kinds: z.array(z.string().min(1)).min(1), example: z.string().min(1) })) }),
  controller: z.object({ about: z.string(), after: z.array(z.string().min(1)), before: z.array(z.string().min(1)), example: z.string().min(1) }),
  country_doer: z.object({ about: z.string(), not_after: z.array(z.string().min(1)), example: z.string().min(1) }),
  default_force: z.object({ about: z.string(), subs: z.array(z.string().min(1)), example: z.string().min(1) }),
  one_sided: z.object({ about: z.string(), subs: z.array(z.string().min(1)), example: z.string().min(1),
    civilian_property: z.object({ about: z.string(), subs: z.array(z.string().min(1)).min(1), words: z.array(z.string().min(1)).min(1), example: z.string().min(1), counter: z.string().min(1) }).optional() }),
})

export const PageFramesSchema = z.object({
  about: z.string(),
  frames: z.array(z.object({
    name: z.string().min(1), min: z.number().int().min(1), cues: z.array(z.string().min(1)).min(1),
    effect: z.enum(['suppress', 'background']), classes: z.array(z.string().min(1)).optional(), fresh_exempt: z.boolean(), example: z.string().min(1),
  })),
})

export type Country = z.infer<typeof CountrySchema>
export type Unit = z.infer<typeof UnitSchema>
export type Group = z.infer<typeof GroupSchema>
export type GenericNouns = z.infer<typeof GenericSchema>
export type Triggers = z.infer<typeof TriggersSchema>
export type SubEventRules = z.infer<typeof SubEventRulesSchema>
