import { beforeAll } from 'vitest'
import { makeCoder } from '../../src/pipeline.js'
import { loadDetector } from '../../src/lang/detect.js'
import type { SitrepEvent } from '../../src/types.js'

/**
 * The coder with the rules alone, the detector loaded before the suite: Arabic tests read how a report is
 * coded, not which events the scorer keeps. `code(text)` gives the events of an invented report.
 */
export function arabicRulesCoder() {
  const holder: { coder?: ReturnType<typeof makeCoder> } = {}
  beforeAll(async () => {
    await loadDetector()
    holder.coder = makeCoder({ scorer: null })
  })
  const coder = (input: Parameters<ReturnType<typeof makeCoder>>[0]) => holder.coder!(input)
  const code = (text: string, published = '2021-03-06'): SitrepEvent[] => coder({ id: 't', text, published }).events ?? []
  return { coder, code }
}
